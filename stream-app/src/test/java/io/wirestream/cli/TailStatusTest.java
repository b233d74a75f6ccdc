package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.format.FormatParser;
import io.wirestream.schema.Dispatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The status {@code tail --format text} shows of a dispatch: where it is in its story's life. */
class TailStatusTest {

    @Test
    void shouldShowAKillAndItsVersion() {
        // Given a ninjs kill notice, version 3
        Dispatch kill = ninjs("\"version\": \"3\", \"pubstatus\": \"canceled\"");

        // When its status is shown, Then it says killed and which version
        assertThat(TailCommand.status(kill)).isEqualTo("[KILLED] [v3] ");
    }

    @Test
    void shouldShowAWithheldItemAndAnEmbargo() {
        // Given a withheld item under embargo
        Dispatch held = ninjs("\"pubstatus\": \"withheld\", \"embargoed\": \"2024-10-05T09:00:00Z\"");

        // When its status is shown, Then it says both, the time in UTC
        assertThat(TailCommand.status(held)).isEqualTo("[WITHHELD] [EMBARGOED until 2024-10-05 09:00] ");
    }

    @Test
    void shouldShowNothingForAPlainUsableDispatch() {
        assertThat(TailCommand.status(ninjs("\"pubstatus\": \"usable\""))).isEmpty();
    }

    private static Dispatch ninjs(String fields) {
        String item = "{\"uri\": \"urn:example:tail:1\", \"type\": \"text\", " + fields
                + ", \"headline\": \"Missile launch\", \"body_text\": \"SEOUL -- A missile was fired.\"}";
        ParseResult result = new FormatParser().parseAll(RawDispatch.of(item.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2024-10-04T00:00:00Z")), null).results().get(0);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).dispatch();
    }
}
