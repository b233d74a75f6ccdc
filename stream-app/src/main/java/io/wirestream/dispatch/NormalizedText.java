package io.wirestream.dispatch;

import java.util.ArrayList;
import java.util.List;

/**
 * Text cut into non-blank lines, each with its whitespace collapsed and trimmed (step 1 of
 * {@code docs/parsing.md}).
 */
final class NormalizedText {

    /** Share of control characters above which input is taken for binary data... */
    private static final double MAX_CONTROL_SHARE = 0.01;
    /** ...once there are this many: one stray control in a short flash is noise, not binary data. */
    private static final int MIN_CONTROLS_FOR_BINARY = 4;

    final List<String> lines;
    final boolean controlsRemoved;
    /** Null when the text is usable; otherwise why not. */
    final FailureReason failure;
    final String failureMessage;

    private NormalizedText(List<String> lines, boolean controlsRemoved, FailureReason failure, String message) {
        this.lines = lines;
        this.controlsRemoved = controlsRemoved;
        this.failure = failure;
        this.failureMessage = message;
    }

    static NormalizedText of(String text) {
        List<String> lines = new ArrayList<>(32);
        StringBuilder line = new StringBuilder(256);
        int controls = 0;
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        int n = text.length();
        int i = start;
        while (i < n) {
            int end = lineEnd(text, i);
            if (isClean(text, i, end)) {
                // Most lines of wire copy need nothing done: kept as they are, without a copy char by char.
                lines.add(text.substring(i, end));
            } else {
                for (int k = i; k < end; k++) {
                    if (text.charAt(k) == 0) {
                        return failed(FailureReason.BINARY, "NUL character at index " + k + ": binary data, not text");
                    }
                }
                controls += collapse(text, i, end, line);
                endLine(lines, line);
            }
            i = end;
            if (i < n) {
                i += text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
            }
        }
        if (controls >= MIN_CONTROLS_FOR_BINARY && controls > MAX_CONTROL_SHARE * (n - start)) {
            return failed(FailureReason.BINARY,
                    controls + " control characters in " + (n - start) + ": binary data, not text");
        }
        if (lines.isEmpty()) {
            return failed(FailureReason.EMPTY, "only whitespace");
        }
        return new NormalizedText(lines, controls > 0, null, null);
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    /** Where the line starting at {@code from} ends: its line break, or the end of the text. */
    private static int lineEnd(String text, int from) {
        int end = from;
        while (end < text.length() && !isLineBreak(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * True when {@code text[from, to)} is a line as step 1 leaves it: not empty, no space at either end, no two
     * spaces together, no other whitespace and no control character.
     */
    private static boolean isClean(String text, int from, int to) {
        if (from == to || text.charAt(from) == ' ' || text.charAt(to - 1) == ' ') {
            return false;
        }
        char previous = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == ' ') {
                if (previous == ' ') {
                    return false;
                }
            } else if (c < 0x21 || (c >= 0x7F && (c <= 0x9F || isSpace(c)))) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** Appends {@code text[from, to)} to {@code line} with its whitespace collapsed; returns the controls dropped. */
    private static int collapse(String text, int from, int to, StringBuilder line) {
        boolean pendingSpace = false;
        int controls = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (isSpace(c)) {
                pendingSpace = line.length() > 0;
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                controls++;
            } else {
                if (pendingSpace) {
                    line.append(' ');
                    pendingSpace = false;
                }
                line.append(c);
            }
        }
        return controls;
    }

    /**
     * One line of text as step 1 makes it: whitespace runs (line breaks included) become one space, stray control
     * characters go, and the ends are trimmed. For the text of structured formats, whose line breaks are layout.
     */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c) || isLineBreak(c)) {
                pendingSpace = line.length() > 0;
            } else if (c >= 0x20 && (c < 0x7F || c > 0x9F)) {
                if (pendingSpace) {
                    line.append(' ');
                    pendingSpace = false;
                }
                line.append(c);
            }
        }
        return line.toString();
    }

    /** True when {@code text} holds a control character that {@link #oneLine} removes. */
    static boolean hasStrayControls(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\u000B')
                    || (c >= 0x7F && c <= 0x9F)) {
                return true;
            }
        }
        return false;
    }

    private static NormalizedText failed(FailureReason reason, String message) {
        return new NormalizedText(List.of(), false, reason, message);
    }

    private static void endLine(List<String> lines, StringBuilder line) {
        if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }

    /** Whitespace that collapses to one space: ASCII blanks, no-break and Unicode spaces, zero-width ones. */
    static boolean isSpace(char c) {
        switch (c) {
            case ' ', '\t', '\f', '\u000B', '\u00A0', '\u1680', '\u202F', '\u205F', '\u3000', '\u200B',
                    '\uFEFF' -> {
                return true;
            }
            default -> {
                return c >= '\u2000' && c <= '\u200A';
            }
        }
    }
}
