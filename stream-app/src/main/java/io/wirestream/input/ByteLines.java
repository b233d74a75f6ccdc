package io.wirestream.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an input line by line as raw bytes, so that one undecodable or oversized line is reported on its own
 * instead of spoiling the whole file. Lines end at LF; a CR before it is dropped.
 */
final class ByteLines {

    /** One line: its bytes (at most the limit) and whether more were cut off. */
    record Line(byte[] bytes, boolean overLimit) {
    }

    private final InputStream in;
    private final int limit;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
    private boolean eof;

    ByteLines(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        if (eof) {
            return null;
        }
        buffer.reset();
        boolean over = false;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (buffer.size() < limit) {
                buffer.write(b);
            } else {
                over = true;
            }
        }
        if (b < 0) {
            eof = true;
            if (buffer.size() == 0 && !over) {
                return null;
            }
        }
        byte[] bytes = buffer.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        }
        return new Line(bytes, over);
    }
}
