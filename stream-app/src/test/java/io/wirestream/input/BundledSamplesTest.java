package io.wirestream.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.FailureReason;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.ParserConfig;
import io.wirestream.dispatch.RawDispatch;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo feed shipped in the jar stays what the README promises: mostly good dispatches, two bad ones. */
class BundledSamplesTest {

    private static final Map<String, ParseResult> RESULTS = new LinkedHashMap<>();

    @BeforeAll
    static void parseDemoFeed() throws URISyntaxException {
        DispatchParser parser = new DispatchParser();
        Path samples = Path.of(BundledSamplesTest.class.getResource("/samples/dispatches.jsonl").toURI());
        new DispatchInputs(null, ParserConfig.DEFAULT_MAX_BYTES).read(List.of(samples), InputStream.nullInputStream(),
                false, record -> {
                    assertThat(record.readable()).as(record.origin()).isTrue();
                    RESULTS.put(record.id(), parser.parse(RawDispatch.of(record.bytes(), record.receivedAt())));
                });
    }

    @Test
    void shouldParseTheDemoFeedExceptItsTwoDeliberatelyBadInputs() {
        assertThat(RESULTS).hasSize(24);
        assertThat(RESULTS.values()).filteredOn(ParseResult.Parsed.class::isInstance).hasSize(22);
        assertThat(reason(RESULTS.get("demo-12"))).isEqualTo(FailureReason.EMPTY);
        assertThat(reason(RESULTS.get("demo-23"))).isEqualTo(FailureReason.INVALID_UTF8);
    }

    @Test
    void shouldGiveTheFlashTheStoryAndItsLeadUpdateOneStoryKey() {
        Map<String, String> storyKeys = new LinkedHashMap<>();
        RESULTS.forEach((id, result) -> {
            if (result instanceof ParseResult.Parsed parsed) {
                storyKeys.put(id, parsed.dispatch().getStoryKey());
            }
        });
        assertThat(storyKeys.get("demo-04")).isEqualTo(storyKeys.get("demo-06")).isEqualTo(storyKeys.get("demo-10"));
        assertThat(storyKeys.values().stream().distinct().count()).isEqualTo(storyKeys.size() - 2);
    }

    private static FailureReason reason(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Failed.class);
        return ((ParseResult.Failed) result).reason();
    }
}
