package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.testing.RequiresShared;
import io.wirestream.testing.SharedFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The team's labelled samples and the seed, classified by the default rules exactly as labelled. */
@RequiresShared
class SharedSamplesClassificationTest {

    private static final Instant RECEIVED = Instant.parse("2024-06-01T00:00:00Z");
    private final RuleClassifier classifier = new RuleClassifier(RulesLoader.loadDefault());
    private final DispatchParser parser = new DispatchParser();

    @Test
    void shouldRouteTheSeedToExactlyAllianceAndDefenseCost() throws Exception {
        ParseResult seed = parser.parse(RawDispatch.of(Files.readAllBytes(SharedFixtures.seed()), RECEIVED));
        Classification decision = classifier.classify(((ParseResult.Parsed) seed).dispatch());
        assertThat(RuleClassifierTest.topics(decision)).containsExactly("alliance", "defense-cost");
        assertThat(decision.routed().get(1).terms()).contains("Special Measures Agreement");
    }

    @TestFactory
    Stream<DynamicTest> shouldClassifyEachSampleAsLabelled() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(SharedFixtures.samples(), StandardCharsets.UTF_8)) {
            JsonNode sample = json.readTree(line);
            if (!sample.get("expect").asText().equals("route")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(sample.get("id").asText() + " " + sample.get("topics"), () -> {
                ParseResult result = parser.parse(RawDispatch.of(
                        sample.get("text").asText().getBytes(StandardCharsets.UTF_8), RECEIVED));
                List<String> expected = new ArrayList<>();
                sample.get("topics").forEach(t -> expected.add(t.asText()));
                assertThat(RuleClassifierTest.topics(classifier.classify(((ParseResult.Parsed) result).dispatch())))
                        .as(sample.get("note").asText())
                        .containsExactlyInAnyOrderElementsOf(expected);
            }));
        }
        return tests.stream();
    }
}
