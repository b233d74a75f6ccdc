package io.wirestream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Property(tries = 5000)
    void shouldAgreeWithTheJdksStrictDecoder(@ForAll @Size(max = 64) byte[] bytes) {
        assertThat(Utf8.firstInvalidOffset(bytes) < 0).isEqualTo(jdkAccepts(bytes));
    }

    @Property(tries = 2000)
    void shouldAcceptEveryEncodedString(@ForAll String text) {
        assertThat(Utf8.firstInvalidOffset(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    }

    @Test
    void shouldPointAtTheFirstBadByte() {
        byte[] bytes = {'a', 'b', (byte) 0x92, 'c'};
        assertThat(Utf8.firstInvalidOffset(bytes)).isEqualTo(2);
        assertThat(Utf8.firstInvalidOffset("북한 (Yonhap)".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    }

    @Test
    void shouldRefuseOverlongFormsSurrogatesAndTruncation() {
        assertThat(Utf8.firstInvalidOffset(new byte[] {(byte) 0xC0, (byte) 0xAF})).isZero();
        assertThat(Utf8.firstInvalidOffset(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isZero();
        assertThat(Utf8.firstInvalidOffset(new byte[] {'x', (byte) 0xE2, (byte) 0x82})).isEqualTo(1);
        assertThat(Utf8.firstInvalidOffset(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})).isZero();
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
