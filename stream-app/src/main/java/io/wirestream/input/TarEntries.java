package io.wirestream.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Walks the regular files of a tar stream (ustar, as GNU and BSD tar write it), without a library: each entry is a
 * 512-byte header (name, octal size, type) followed by its content padded to 512 bytes.
 */
final class TarEntries {

    /** Receives one file of the archive; its stream ends with the entry. */
    interface Visitor {
        void entry(String name, InputStream content) throws IOException;
    }

    private static final int BLOCK = 512;

    private TarEntries() {
    }

    static void read(InputStream tar, Visitor visitor) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (tar.readNBytes(header, 0, BLOCK) == BLOCK && !isZero(header)) {
            String name = longName != null ? longName : field(header, 0, 100);
            String prefix = field(header, 345, 155);
            if (longName == null && !prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            longName = null;
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            BoundedStream content = new BoundedStream(tar, size);
            if (type == 'L') {
                longName = new String(content.readAllBytes(), StandardCharsets.UTF_8).replace("\0", "");
            } else if (type == '0' || type == '\0') {
                visitor.entry(name, content);
            }
            content.skipRest();
            long padding = (BLOCK - size % BLOCK) % BLOCK;
            tar.skipNBytes(padding);
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) throws IOException {
        String text = field(header, offset, length).strip();
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new IOException("not a tar archive: bad size field '" + text + "'");
        }
    }

    /** The bytes of one entry, and no more. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long size) {
            this.in = in;
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() {
            // The archive stream stays open for the next entry.
        }

        void skipRest() throws IOException {
            in.skipNBytes(left);
            left = 0;
        }
    }
}
