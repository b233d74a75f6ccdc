package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.testing.KoreanCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The learned Korean model in the jar is the one {@code wirestream rules train} learns from the labelled Korean
 * corpus with its defaults, leaving out the parts kept aside: no one can ship a model the corpus does not give.
 */
class BundledKoreanModelTest {

    @Test
    void shouldBeTheModelLearnedFromEveryPartButThoseKeptAside() throws IOException {
        // Given every labelled Korean part but those kept aside, parsed as the pipeline parses them
        List<ModelTrainer.Example> examples = new ArrayList<>();
        for (JsonNode entry : KoreanCorpus.tunedOn()) {
            Set<String> labels = new TreeSet<>();
            entry.get("topics").forEach(topic -> labels.add(topic.asText()));
            ParseResult result = new DispatchParser().parse(RawDispatch.of(
                    entry.get("text").asText().getBytes(StandardCharsets.UTF_8),
                    Instant.parse(entry.get("received_at").asText())));
            examples.add(new ModelTrainer.Example(((ParseResult.Parsed) result).dispatch(), labels));
        }
        TextModel bundled = RulesLoader.loadDefault().models().get("ko");

        // When a model is learned from them with the defaults
        TextModel learned = ModelTrainer.train("ko", bundled.subjects(), examples, ModelTrainer.DEFAULT_C);

        // Then it is the bundled model, line for line
        List<String> expected = ModelTrainerTest.text(bundled).lines().toList();
        List<String> actual = ModelTrainerTest.text(learned).lines().toList();
        int line = 0;
        while (line < Math.min(expected.size(), actual.size()) && expected.get(line).equals(actual.get(line))) {
            line++;
        }
        assertThat(line).as("first line that differs: bundled '%s', learned '%s' (retrain with the command in "
                        + "docs/classification.md, \"The learned Korean model\")",
                line < expected.size() ? expected.get(line) : "(end)", line < actual.size() ? actual.get(line) : "(end)")
                .isEqualTo(Math.max(expected.size(), actual.size()));
    }
}
