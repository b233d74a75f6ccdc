package io.wirestream.dispatch;

import io.wirestream.util.Utf8Bytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** The 128-bit SHA-256 prefixes that serve as content ids and story keys. */
final class ContentHash {

    private static final int ID_BYTES = 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Lines are encoded here for hashing, up to a third of its size at once; a longer line gets an array. */
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[16 * 1024]);
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(ContentHash::newDigest);

    private ContentHash() {
    }

    static String ofBytes(byte[] bytes) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return hex(digest.digest(bytes));
    }

    /**
     * Hash of {@code lines} joined by line feeds, in UTF-8: encoded into the thread's buffer, a line at a time, rather
     * than into an array of its own per line.
     */
    static String ofLines(List<String> lines, int from, int to) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        byte[] buffer = BUFFER.get();
        int used = 0;
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            int most = 1 + line.length() * 3;
            if (used + most > buffer.length) {
                digest.update(buffer, 0, used);
                used = 0;
                if (most > buffer.length) {
                    if (i > from) {
                        digest.update((byte) '\n');
                    }
                    digest.update(line.getBytes(StandardCharsets.UTF_8));
                    continue;
                }
            }
            if (i > from) {
                buffer[used++] = '\n';
            }
            used = Utf8Bytes.encode(line, buffer, used);
        }
        digest.update(buffer, 0, used);
        return hex(digest.digest());
    }

    /** Hash of {@code text} in UTF-8. */
    static String ofText(String text) {
        return ofLines(List.of(text), 0, 1);
    }

    private static String hex(byte[] hash) {
        char[] out = new char[ID_BYTES * 2];
        for (int i = 0; i < ID_BYTES; i++) {
            out[2 * i] = HEX[(hash[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[hash[i] & 0xF];
        }
        return new String(out);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
