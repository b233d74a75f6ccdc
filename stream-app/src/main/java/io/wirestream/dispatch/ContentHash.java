package io.wirestream.dispatch;

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
                    digest.update(((i > from ? "\n" : "") + line).getBytes(StandardCharsets.UTF_8));
                    continue;
                }
            }
            if (i > from) {
                buffer[used++] = '\n';
            }
            used = encode(line, buffer, used);
        }
        digest.update(buffer, 0, used);
        return hex(digest.digest());
    }

    /**
     * Writes {@code text} in UTF-8 into {@code out} from {@code at}, as {@link String#getBytes} would (an unpaired
     * surrogate becomes {@code ?}); returns where it ended. {@code out} must have three bytes a char from {@code at}.
     */
    static int encode(String text, byte[] out, int at) {
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
