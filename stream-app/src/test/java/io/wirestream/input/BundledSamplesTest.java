package io.wirestream.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.dispatch.FailureReason;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.ParserConfig;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.format.FormatParser;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo feed shipped in the jar stays what the README promises: mostly good dispatches, two bad ones, and a few
 * in other formats than Yonhap's text.
 */
class BundledSamplesTest {

    private static final Map<String, ParseResult> RESULTS = new LinkedHashMap<>();

    @BeforeAll
    static void parseDemoFeed() throws URISyntaxException {
        FormatParser parser = new FormatParser();
        Path samples = Path.of(BundledSamplesTest.class.getResource("/samples/dispatches.jsonl").toURI());
        new DispatchInputs(null, ParserConfig.DEFAULT_MAX_BYTES).read(List.of(samples), InputStream.nullInputStream(),
                false, record -> {
                    assertThat(record.readable()).as(record.origin()).isTrue();
                    RESULTS.put(record.id(), parser.parseAll(RawDispatch.of(record.bytes(), record.receivedAt()))
                            .single());
                });
    }

    @Test
    void shouldParseTheDemoFeedExceptItsTwoDeliberatelyBadInputs() {
        assertThat(RESULTS).hasSize(27);
        assertThat(RESULTS.values()).filteredOn(ParseResult.Parsed.class::isInstance).hasSize(25);
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

    @Test
    void shouldShowTheFormatsAgenciesDeliverBesideYonhapsText() {
        assertThat(format(RESULTS.get("demo-25"))).isEqualTo("newsml-g2");
        assertThat(format(RESULTS.get("demo-26"))).isEqualTo("ninjs");
        assertThat(format(RESULTS.get("demo-27"))).isEqualTo("atom");
        assertThat(format(RESULTS.get("demo-01"))).isEqualTo("yonhap-text");
    }

    private static String format(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).dispatch().getFormat();
    }

    private static FailureReason reason(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Failed.class);
        return ((ParseResult.Failed) result).reason();
    }
}
