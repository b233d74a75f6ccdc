package io.wirestream.dispatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** The 128-bit SHA-256 prefixes that serve as content ids and story keys. */
final class ContentHash {

    private static final int ID_BYTES = 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(ContentHash::newDigest);

    private ContentHash() {
    }

    static String ofBytes(byte[] bytes) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return hex(digest.digest(bytes));
    }

    /** Hash of {@code lines} joined by line feeds. */
    static String ofLines(List<String> lines, int from, int to) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        for (int i = from; i < to; i++) {
            if (i > from) {
                digest.update((byte) '\n');
            }
            digest.update(lines.get(i).getBytes(StandardCharsets.UTF_8));
        }
        return hex(digest.digest());
    }

    static String ofText(String text) {
        return ofBytes(text.getBytes(StandardCharsets.UTF_8));
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
