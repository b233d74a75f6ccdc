package io.wirestream.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The bytes are those of {@link String#getBytes}, whatever the string. */
class Utf8BytesTest {

    @Property(tries = 3000)
    void shouldEncodeAsTheJdkDoes(@ForAll String text) {
        byte[] out = new byte[text.length() * 3 + 2];
        out[0] = 'x';

        int end = Utf8Bytes.encode(text, out, 1);

        byte[] expected = text.getBytes(StandardCharsets.UTF_8);
        assertThat(end).isEqualTo(1 + expected.length);
        assertThat(Arrays.copyOfRange(out, 1, end)).isEqualTo(expected);
        assertThat(out[0]).isEqualTo((byte) 'x');
    }

    @Test
    void shouldWriteUnpairedSurrogatesAsTheJdkDoes() {
        for (String text : List.of("a\uD800b", "\uDC00", "x\uD83D", "\uD83D\uDE00\uDE00", "\uD83D\uD83D\uDE00",
                "\uD55C\uAD6D \u00E9 \u0800 \uFFFF")) {
            byte[] out = new byte[text.length() * 3];
            int end = Utf8Bytes.encode(text, out, 0);
            byte[] expected = text.getBytes(StandardCharsets.UTF_8);
            assertThat(Arrays.copyOf(out, end)).as(text).isEqualTo(expected);
        }
    }
}
