package io.wirestream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Step 1 of the parse, held to a plain reading of its rule: every line's whitespace collapsed, char by char. */
class NormalizedTextTest {

    @Property(tries = 5000)
    void shouldCutAndCollapseLinesAsTheRuleSays(@ForAll @StringLength(max = 80) @Chars({' ', '\n', '\r', '\t', 'a',
        'B', '.', '\u0085', '\u00A0', '\u2028', '\u2029', '\u3000', '\u200B', '\uFEFF', '\u0001', '\u007F', '\u0000',
        '가', '끝'}) String text) {
        NormalizedText normalized = NormalizedText.of(text);
        Expected expected = expected(text);

        assertThat(normalized.failure).isEqualTo(expected.failure);
        if (expected.failure == null) {
            assertThat(normalized.lines).isEqualTo(expected.lines);
            assertThat(normalized.controlsRemoved).isEqualTo(expected.controls > 0);
        }
    }

    @Test
    void shouldReadTextLongerThanTheThreadsBuffer() {
        String line = "SEOUL, Feb. 7 (Yonhap) -- " + "word ".repeat(40_000) + "end.";
        NormalizedText normalized = NormalizedText.of("Headline\r\n" + line + "\n\n(END)");

        assertThat(normalized.lines).containsExactly("Headline", line, "(END)");
        assertThat(NormalizedText.of("Short  one\nx").lines).containsExactly("Short one", "x");
    }

    private record Expected(List<String> lines, int controls, FailureReason failure) {
    }

    /** The rule, spelled out: split at line breaks, collapse whitespace, drop controls, trim, skip empty lines. */
    private static Expected expected(String text) {
        if (text.indexOf('\0') >= 0) {
            return new Expected(List.of(), 0, FailureReason.BINARY);
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> lines = new ArrayList<>();
        int controls = 0;
        for (String raw : body.split("\r\n|[\n\r\u2028\u2029]", -1)) {
            StringBuilder line = new StringBuilder();
            boolean space = false;
            for (char c : raw.toCharArray()) {
                if (NormalizedText.isSpace(c)) {
                    space = line.length() > 0;
                } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                    controls++;
                } else {
                    line.append(space ? " " : "").append(c);
                    space = false;
                }
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
        }
        if (controls >= 4 && controls > 0.01 * body.length()) {
            return new Expected(List.of(), controls, FailureReason.BINARY);
        }
        return lines.isEmpty() ? new Expected(List.of(), controls, FailureReason.EMPTY)
                : new Expected(lines, controls, null);
    }
}
