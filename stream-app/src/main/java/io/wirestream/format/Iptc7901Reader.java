package io.wirestream.format;

import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ProviderMeta;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.dispatch.TextBlocks;
import java.util.List;

/**
 * IPTC 7901: {@code SOH}, a message header line ({@code <source><number> <priority> <category> <word count>
 * [<optional information>]}), keyword lines, {@code STX}, the text (the headline first), {@code ETX}. The text is
 * re-flowed into one paragraph per line and read by the plain-text rules; the mapping is in {@code docs/formats.md}.
 */
final class Iptc7901Reader implements FormatReader {

    /** The standard's marker of text for editors only: what follows it is an editor's note. */
    static final String NOT_FOR_PUBLICATION = "the following information is not for publication";

    private final DispatchParser textParser;

    Iptc7901Reader(DispatchParser textParser) {
        this.textParser = textParser;
    }

    @Override
    public void read(RawDispatch raw, Items items) {
        ControlText.Frame frame = ControlText.Frame.read(raw, items, "IPTC 7901 message opens with SOH");
        if (frame == null) {
            return;
        }
        ProviderMeta meta = ProviderMeta.of(Format.IPTC7901.id());
        readHeader(ControlText.lines(frame.header()), meta);
        items.add(textParser.parseText(layout(frame.body()), raw, meta, frame.closed()));
    }

    /** The message header line, then the keyword lines: the keywords are the slugline. */
    private static void readHeader(List<String> lines, ProviderMeta meta) {
        String[] tokens = lines.get(0).strip().split("\\s+");
        if (tokens.length > 1) {
            meta.urgency(priority(tokens[1]));
        }
        if (tokens.length > 2) {
            meta.subject("category", tokens[2], null);
        }
        StringBuilder keywords = new StringBuilder();
        for (int i = 1; i < lines.size(); i++) {
            String keyword = stripTrailingSlash(lines.get(i).strip());
            if (!keyword.isEmpty()) {
                keywords.append(keywords.length() == 0 ? "" : " ").append(keyword);
            }
        }
        meta.slugline(keywords.toString());
    }

    /** 7901's priority digit is IPTC's urgency scale: 1 flash, higher less urgent. */
    static Integer priority(String token) {
        return token.length() == 1 && Character.isDigit(token.charAt(0)) ? Integer.valueOf(token) : null;
    }

    private static int indexOfIgnoreCase(String text, String lowerNeedle) {
        char first = lowerNeedle.charAt(0);
        char firstUpper = Character.toUpperCase(first);
        for (int i = 0; i + lowerNeedle.length() <= text.length(); i++) {
            char c = text.charAt(i);
            if ((c == first || c == firstUpper) && text.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
                return i;
            }
        }
        return -1;
    }

    /** The note without the colon or dash that introduces it. */
    private static String stripLeading(String note) {
        int start = 0;
        while (start < note.length() && (note.charAt(start) == ':' || note.charAt(start) == '-'
                || note.charAt(start) == ' ')) {
            start++;
        }
        return note.substring(start).strip();
    }

    private static String stripTrailingSlash(String keyword) {
        int end = keyword.length();
        while (end > 0 && keyword.charAt(end - 1) == '/') {
            end--;
        }
        return keyword.substring(0, end).strip();
    }

    /**
     * The text laid out as Yonhap's: the headline line, an editor's note in parentheses for what is not for
     * publication, then one paragraph per line.
     */
    static String layout(String body) {
        int note = indexOfIgnoreCase(body, NOT_FOR_PUBLICATION);
        String story = note < 0 ? body : body.substring(0, note);
        List<String> paragraphs = TextBlocks.paragraphs(story);
        StringBuilder out = new StringBuilder(body.length() + 16);
        for (int i = 0; i < paragraphs.size(); i++) {
            out.append(paragraphs.get(i)).append('\n');
            if (i == 0 && note >= 0) {
                String forEditors = stripLeading(body.substring(note + NOT_FOR_PUBLICATION.length())
                        .replaceAll("\\s+", " "));
                out.append('(').append(forEditors.isEmpty() ? "not for publication" : forEditors).append(")\n");
            }
        }
        return out.toString();
    }
}
