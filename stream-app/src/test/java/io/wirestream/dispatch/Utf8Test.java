package io.wirestream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Property(tries = 5000)
    void shouldAgreeWithTheJdksStrictDecoder(@ForAll @Size(max = 64) byte[] bytes) {
        assertThat(firstInvalidOffset(bytes) < 0).isEqualTo(jdkAccepts(bytes));
    }

    @Property(tries = 2000)
    void shouldDecodeEveryEncodedStringAsTheJdkDoes(@ForAll String text, @ForAll @IntRange(max = 20) int ascii) {
        String padded = "x".repeat(ascii) + text + "y".repeat(ascii);
        byte[] bytes = padded.getBytes(StandardCharsets.UTF_8);
        char[] out = new char[bytes.length];

        int n = Utf8.decode(bytes, out);

        assertThat(n).isNotNegative();
        assertThat(new String(out, 0, n)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }

    @Property(tries = 2000)
    void shouldFindABadByteAfterAnyRunOfAscii(@ForAll @IntRange(max = 40) int ascii, @ForAll String before,
            @ForAll @Size(max = 12) byte[] after) {
        byte[] text = (before + "x".repeat(ascii)).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 1 + after.length];
        System.arraycopy(text, 0, bytes, 0, text.length);
        bytes[text.length] = (byte) 0x92;
        System.arraycopy(after, 0, bytes, text.length + 1, after.length);
        assertThat(firstInvalidOffset(bytes)).isEqualTo(text.length);
    }

    @Property(tries = 5000)
    void shouldPointWhereTheRulesOfUtf8AreFirstBroken(@ForAll("mostlyUtf8") byte[] bytes) {
        assertThat(firstInvalidOffset(bytes)).isEqualTo(firstBreak(bytes));
    }

    @Provide
    Arbitrary<byte[]> mostlyUtf8() {
        Arbitrary<byte[]> pieces = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(6)
                .map(s -> s.getBytes(StandardCharsets.UTF_8)), Arbitraries.bytes().array(byte[].class).ofMaxSize(3));
        return pieces.list().ofMaxSize(8).map(list -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            list.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    @Test
    void shouldPointAtTheFirstBadByte() {
        byte[] bytes = {'a', 'b', (byte) 0x92, 'c'};
        assertThat(firstInvalidOffset(bytes)).isEqualTo(2);
        assertThat(firstInvalidOffset("북한 (Yonhap)".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    }

    @Test
    void shouldRefuseOverlongFormsSurrogatesAndTruncation() {
        assertThat(firstInvalidOffset(new byte[] {(byte) 0xC0, (byte) 0xAF})).isZero();
        assertThat(firstInvalidOffset(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isZero();
        assertThat(firstInvalidOffset(new byte[] {'x', (byte) 0xE2, (byte) 0x82})).isEqualTo(1);
        assertThat(firstInvalidOffset(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})).isZero();
    }

    /** Where {@link Utf8#decode} stops, or -1 when it decodes all of {@code bytes}. */
    private static int firstInvalidOffset(byte[] bytes) {
        int n = Utf8.decode(bytes, new char[bytes.length]);
        return n < 0 ? -1 - n : -1;
    }

    /** The rules spelled out: the lead byte of the first sequence that is malformed, overlong, a surrogate or too high. */
    private static int firstBreak(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i] & 0xFF;
            int length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                    : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
            if (length == 0 || i + length > bytes.length) {
                return i;
            }
            int codePoint = length == 1 ? lead : lead & (0xFF >> (length + 1));
            for (int k = 1; k < length; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
                codePoint = (codePoint << 6) | (bytes[i + k] & 0x3F);
            }
            int least = length == 2 ? 0x80 : length == 3 ? 0x800 : length == 4 ? 0x10000 : 0;
            if (codePoint < least || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
