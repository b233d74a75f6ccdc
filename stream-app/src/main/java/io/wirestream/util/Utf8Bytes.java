package io.wirestream.util;

/**
 * Strings written as UTF-8 into arrays the caller keeps, byte for byte as {@link String#getBytes} would write them
 * (an unpaired surrogate becomes {@code ?}), without an array of their own.
 */
public final class Utf8Bytes {

    private Utf8Bytes() {
    }

    /**
     * Writes {@code text} into {@code out} from {@code at}, which must have room for its UTF-8 (three bytes a char
     * always are); returns where it ended.
     */
    public static int encode(String text, byte[] out, int at) {
        int n = text.length();
        int o = at;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[o++] = (byte) c;
            } else if (c < 0x800) {
                out[o++] = (byte) (0xC0 | c >> 6);
                out[o++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                out[o++] = (byte) (0xE0 | c >> 12);
                out[o++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[o++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out[o++] = (byte) (0xF0 | codePoint >> 18);
                out[o++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                out[o++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[o++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                out[o++] = '?';
            }
        }
        return o;
    }
}
