package io.wirestream.dispatch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding, so that malformed input is refused rather than silently replaced. */
final class Utf8 {

    private static final ThreadLocal<CharsetDecoder> DECODER = ThreadLocal.withInitial(
            () -> StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));

    private Utf8() {
    }

    /**
     * Decodes {@code bytes} into {@code out} (at least as long as {@code bytes}): returns the number of chars written,
     * or {@code -1 - offset} of the first byte that is not part of a well-formed UTF-8 sequence. Overlong forms,
     * surrogates and code points above U+10FFFF are not. The JDK's decoder, which reads runs of ASCII in bulk, into a
     * buffer the caller keeps.
     */
    static int decode(byte[] bytes, char[] out) {
        CharsetDecoder decoder = DECODER.get().reset();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer chars = CharBuffer.wrap(out);
        CoderResult result = decoder.decode(in, chars, true);
        if (result.isError()) {
            return -1 - in.position();
        }
        if (result.isOverflow()) {
            throw new IllegalArgumentException("a buffer of " + out.length + " chars for " + bytes.length + " bytes");
        }
        decoder.flush(chars);
        return chars.position();
    }
}
