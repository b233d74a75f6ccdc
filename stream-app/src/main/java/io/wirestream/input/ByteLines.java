package io.wirestream.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an input line by line as raw bytes, so that one undecodable or oversized line is reported on its own
 * instead of spoiling the whole file. Lines end at LF; a CR before it is dropped. Reads in blocks: a byte at a
 * time through a stream costs more than parsing the line.
 */
final class ByteLines {

    /** One line: its bytes (at most the limit) and whether more were cut off. */
    record Line(byte[] bytes, boolean overLimit) {
    }

    private final InputStream in;
    private final int limit;
    private final byte[] block = new byte[64 * 1024];
    private int position;
    private int filled;
    private boolean eof;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);

    ByteLines(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        line.reset();
        boolean over = false;
        boolean any = false;
        while (true) {
            if (position == filled) {
                if (eof || !fill()) {
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int newline = indexOfNewline(position, filled);
            int end = newline < 0 ? filled : newline;
            int room = limit - line.size();
            int take = Math.min(end - position, Math.max(room, 0));
            line.write(block, position, take);
            over |= take < end - position;
            position = newline < 0 ? filled : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        byte[] bytes = line.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            bytes = Arrays.copyOf(bytes, bytes.length - 1);
        }
        return new Line(bytes, over);
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (block[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        int n = in.read(block, 0, block.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        position = 0;
        filled = n;
        return true;
    }
}
