package io.wirestream.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text cut into non-blank lines, each with its whitespace collapsed and trimmed (step 1 of
 * {@code docs/parsing.md}).
 */
final class NormalizedText {

    /** Share of control characters above which input is taken for binary data... */
    private static final double MAX_CONTROL_SHARE = 0.01;
    /** ...once there are this many: one stray control in a short flash is noise, not binary data. */
    private static final int MIN_CONTROLS_FOR_BINARY = 4;
    /** A thread keeps its buffer for texts up to this long (256 KB); a longer one gets a buffer of its own. */
    private static final int MAX_KEPT_CHARS = 128 * 1024;
    private static final ThreadLocal<char[]> CHARS = ThreadLocal.withInitial(() -> new char[8192]);

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
        char[] chars = buffer(text.length());
        text.getChars(0, text.length(), chars, 0);
        return of(chars, text.length());
    }

    /** The text of UTF-8 {@code bytes}, decoded straight into the thread's buffer; fails on malformed UTF-8. */
    static NormalizedText ofUtf8(byte[] bytes) {
        char[] chars = buffer(bytes.length);
        int n = Utf8.decode(bytes, chars);
        if (n < 0) {
            int invalid = -1 - n;
            return failed(FailureReason.INVALID_UTF8, String.format(Locale.ROOT,
                    "byte 0x%02X at offset %d is not valid UTF-8", bytes[invalid] & 0xFF, invalid));
        }
        return of(chars, n);
    }

    private static NormalizedText of(char[] chars, int n) {
        List<String> lines = new ArrayList<>(32);
        StringBuilder line = new StringBuilder(256);
        int controls = 0;
        int i = n > 0 && chars[0] == '\uFEFF' ? 1 : 0;
        int start = i;
        while (i < n) {
            int end = i;
            // One pass finds where the line ends and whether it needs anything done: most lines of wire copy do
            // not, and are kept as they are, without a copy char by char.
            boolean clean = chars[i] != ' ';
            int lastSpace = i - 2;
            for (; end < n; end++) {
                char c = chars[end];
                if (c > ' ' && c < 0x7F) {
                    continue;
                }
                if (c == ' ') {
                    clean &= lastSpace != end - 1;
                    lastSpace = end;
                } else if (isLineBreak(c)) {
                    break;
                } else if (c < 0x7F || c <= 0x9F || isSpace(c)) {
                    clean = false;
                }
            }
            if (clean && end > i && lastSpace != end - 1) {
                lines.add(new String(chars, i, end - i));
            } else {
                for (int k = i; k < end; k++) {
                    if (chars[k] == 0) {
                        return failed(FailureReason.BINARY, "NUL character at index " + k + ": binary data, not text");
                    }
                }
                controls += collapse(chars, i, end, line);
                endLine(lines, line);
            }
            i = end;
            if (i < n) {
                i += chars[i] == '\r' && i + 1 < n && chars[i + 1] == '\n' ? 2 : 1;
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

    /**
     * The thread's buffer, grown to {@code length} chars: scanning an array is faster than {@link String#charAt}, and
     * a dispatch needs no array of its own. A text longer than {@value #MAX_KEPT_CHARS} chars gets one all the same.
     */
    private static char[] buffer(int length) {
        char[] chars = CHARS.get();
        if (chars.length < length) {
            chars = new char[length];
            if (length <= MAX_KEPT_CHARS) {
                CHARS.set(chars);
            }
        }
        return chars;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    /** Appends {@code text[from, to)} to {@code line} with its whitespace collapsed; returns the controls dropped. */
    private static int collapse(char[] text, int from, int to, StringBuilder line) {
        boolean pendingSpace = false;
        int controls = 0;
        for (int k = from; k < to; k++) {
            char c = text[k];
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
