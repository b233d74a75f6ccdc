package io.wirestream.dispatch;

import java.util.ArrayList;
import java.util.List;

/**
 * Paragraphs out of text laid out for a teleprinter or a text body: wrapped lines joined, paragraphs split where
 * the text splits them. With blank lines or indented paragraph starts (IPTC 7901 and ANPA 1312 copy wraps at 69
 * characters and indents each paragraph), those mark the paragraphs and the lines between them are joined; without
 * either, every line is a paragraph, as in Yonhap's text. Marker lines ({@code (END)}, notes, bylines, contacts,
 * {@code -}) always stand alone, so that the plain-text rules still find them.
 */
public final class TextBlocks {

    private TextBlocks() {
    }

    /** The paragraphs of {@code text}, each on one line, whitespace not yet collapsed. */
    public static List<String> paragraphs(String text) {
        List<String> lines = lines(text);
        boolean marked = false;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank() || (startsIndented(lines.get(i)) && !startsIndented(lines.get(i - 1)))) {
                marked = true;
                break;
            }
        }
        List<String> out = new ArrayList<>(lines.size());
        StringBuilder current = new StringBuilder(256);
        for (String line : lines) {
            if (line.isBlank()) {
                flush(current, out);
                continue;
            }
            String stripped = line.strip();
            if (isMarker(stripped)) {
                flush(current, out);
                out.add(stripped);
                continue;
            }
            if (!marked || startsIndented(line)) {
                flush(current, out);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(stripped);
        }
        flush(current, out);
        return out;
    }

    /**
     * The lines of {@code text}, in one pass: LF, CR LF and the Unicode separators end a line; so does a run of CRs
     * before an LF (CR CR LF is the teleprinter's line end, not a blank line); lone CRs end one line each.
     */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text.indexOf('\r') < 0 && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0) {
            // The usual text: LF only, found by the JDK's vectorized search rather than char by char.
            int start = 0;
            for (int lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', start)) {
                lines.add(text.substring(start, lf));
                start = lf + 1;
            }
            lines.add(text.substring(start));
            return lines;
        }
        int start = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\u2028' || c == '\u2029') {
                lines.add(text.substring(start, i));
                start = ++i;
            } else if (c == '\r') {
                int run = i;
                while (run < n && text.charAt(run) == '\r') {
                    run++;
                }
                if (run < n && text.charAt(run) == '\n') {
                    lines.add(text.substring(start, i));
                    run++;
                } else {
                    lines.add(text.substring(start, i));
                    for (int k = i + 1; k < run; k++) {
                        lines.add("");
                    }
                }
                start = i = run;
            } else {
                i++;
            }
        }
        lines.add(text.substring(start));
        return lines;
    }

    private static boolean startsIndented(String line) {
        return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }

    private static boolean isMarker(String line) {
        return line.equals("-") || TextBody.isEnd(line) || TextBody.isEditorNote(line)
                || (line.startsWith("By ") && Bylines.names(NormalizedText.oneLine(line)) != null)
                || (line.indexOf('@') >= 0 && Emails.addIfOnlyAddresses(line, new ArrayList<>(1)));
    }

    private static void flush(StringBuilder current, List<String> out) {
        if (current.length() > 0) {
            out.add(current.toString());
            current.setLength(0);
        }
    }
}
