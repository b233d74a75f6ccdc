package io.wirestream.format;

import java.nio.charset.StandardCharsets;

/**
 * Bytes seen as characters one for one, without copying them: enough to read the ASCII markup of an XML prolog,
 * whatever ASCII-compatible encoding the document declares.
 */
final class Latin1Chars implements CharSequence {

    private final byte[] bytes;
    private final int start;
    private final int end;

    Latin1Chars(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.start = start;
        this.end = end;
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public char charAt(int index) {
        return (char) (bytes[start + index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return new Latin1Chars(bytes, start + from, start + to);
    }

    @Override
    public String toString() {
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }
}
