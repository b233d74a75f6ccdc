package io.wirestream.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.FailureReason;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo feed shipped in the jar stays what the README promises: mostly good dispatches, two bad ones. */
class BundledSamplesTest {

    @Test
    void shouldParseTheDemoFeedExceptItsTwoDeliberatelyBadInputs() throws URISyntaxException {
        Map<String, ParseResult> results = new LinkedHashMap<>();
        DispatchParser parser = new DispatchParser();
        Path samples = Path.of(getClass().getResource("/samples/dispatches.jsonl").toURI());
        new DispatchInputs(null).read(List.of(samples), record -> {
            assertThat(record.readable()).as(record.origin()).isTrue();
            results.put(record.id(), parser.parse(RawDispatch.of(record.bytes(), record.receivedAt())));
        });

        assertThat(results).hasSize(24);
        assertThat(results.values()).filteredOn(ParseResult.Parsed.class::isInstance).hasSize(22);
        assertThat(reason(results.get("demo-12"))).isEqualTo(FailureReason.EMPTY);
        assertThat(reason(results.get("demo-23"))).isEqualTo(FailureReason.INVALID_UTF8);
    }

    @Test
    void shouldGiveTheFlashTheStoryAndItsLeadUpdateOneStoryKey() throws URISyntaxException {
        Map<String, String> storyKeys = new LinkedHashMap<>();
        DispatchParser parser = new DispatchParser();
        Path samples = Path.of(getClass().getResource("/samples/dispatches.jsonl").toURI());
        new DispatchInputs(null).read(List.of(samples), record -> {
            if (parser.parse(RawDispatch.of(record.bytes(), record.receivedAt())) instanceof ParseResult.Parsed p) {
                storyKeys.put(record.id(), p.dispatch().getStoryKey());
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
