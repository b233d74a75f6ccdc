package io.wirestream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Content ids hash the story's lines joined by line feeds, in UTF-8, however the lines are fed to the digest. */
class ContentHashTest {

    @Property(tries = 500)
    void shouldHashLinesAsTheirJoinedText(@ForAll @Size(max = 12) List<@StringLength(max = 9000) String> lines) {
        String joined = String.join("\n", lines);

        assertThat(ContentHash.ofLines(lines, 0, lines.size())).isEqualTo(ContentHash.ofText(joined));
    }

    @Test
    void shouldHashLinesLongerThanTheBuffer() {
        List<String> lines = List.of("Headline", "가".repeat(7000), "b".repeat(20_000), "(END)");

        assertThat(ContentHash.ofLines(lines, 1, 3)).isEqualTo(ContentHash.ofText(lines.get(1) + "\n" + lines.get(2)));
        assertThat(ContentHash.ofLines(lines, 0, 4)).isEqualTo(ContentHash.ofText(String.join("\n", lines)));
        assertThat(ContentHash.ofLines(lines, 2, 2)).isEqualTo(ContentHash.ofText(""));
    }
}
