package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.testing.KoreanCorpus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bundled Korean rules and learned model against the labelled Korean corpus (docs/classification.md, "Korean
 * copy"): the parts they were tuned on and learned from must route at precision and recall of at least 0.95 per
 * subject, and so must the part kept aside ({@link KoreanCorpus#KEPT_ASIDE}), which they have never seen: its figures
 * when it was measured once are in docs/classification.md (0.955 to 1.000).
 */
class KoreanCorpusClassificationTest {

    private static final RuleClassifier CLASSIFIER = new RuleClassifier(RulesLoader.loadDefault());
    /** The goal, per subject, on both counts. */
    private static final double GOAL = 0.95;

    @Test
    void shouldRouteThePartsTunedOnAtPrecisionAndRecallOfAtLeast095() {
        // Given every part the Korean rules were tuned on, each after its one measure
        List<JsonNode> tuned = KoreanCorpus.tunedOn();

        // When each dispatch is parsed and classified
        List<String> table = measure(tuned);

        // Then every subject reaches 0.95 on both counts
        System.out.println(String.join("\n", table));
        assertThat(table).as(String.join("\n", table)).allSatisfy(line -> assertThat(line).doesNotContain("LOW"));
    }

    @Test
    void shouldRouteThePartKeptAsideAtPrecisionAndRecallOfAtLeast095() {
        // Given the four parts written blind once the model's design was settled, never tuned on or learned from
        // When classified
        List<String> table = measure(KoreanCorpus.keptAside());

        // Then every subject reaches 0.95 on both counts (docs/classification.md reports 0.955 to 1.000)
        System.out.println(String.join("\n", table));
        assertThat(table).as(String.join("\n", table)).allSatisfy(line -> assertThat(line).doesNotContain("LOW"));
    }

    @Test
    void shouldReadEveryKoreanDispatchAsKorean() {
        // Given every part
        // When parsed
        // Then each dispatch says it is Korean, which picks the Korean rules
        for (JsonNode entry : KoreanCorpus.all()) {
            assertThat(parse(entry).dispatch().getLanguage()).as(entry.get("id").asText()).isEqualTo("ko");
        }
    }

    /** One line per subject with its counts, marked LOW under the goal. */
    private static List<String> measure(List<JsonNode> entries) {
        List<Set<String>> expected = new ArrayList<>();
        List<Set<String>> actual = new ArrayList<>();
        for (JsonNode entry : entries) {
            Set<String> labels = new LinkedHashSet<>();
            entry.get("topics").forEach(t -> labels.add(t.asText()));
            expected.add(labels);
            actual.add(new LinkedHashSet<>(RuleClassifierTest.topics(CLASSIFIER.classify(parse(entry).dispatch()))));
        }
        List<String> table = new ArrayList<>();
        for (Subject subject : CLASSIFIER.ruleSet().subjects()) {
            String id = subject.id();
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < entries.size(); i++) {
                boolean want = expected.get(i).contains(id);
                boolean got = actual.get(i).contains(id);
                tp += want && got ? 1 : 0;
                fp += !want && got ? 1 : 0;
                fn += want && !got ? 1 : 0;
            }
            double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
            double worst = Math.min(precision, recall);
            table.add(String.format(Locale.ROOT, "%-13s tp %3d fp %2d fn %2d precision %.3f recall %.3f%s", id, tp, fp,
                    fn, precision, recall, worst < GOAL ? " LOW" : ""));
        }
        return table;
    }

    private static ParseResult.Parsed parse(JsonNode entry) {
        ParseResult result = new DispatchParser().parse(RawDispatch.of(
                entry.get("text").asText().getBytes(StandardCharsets.UTF_8),
                Instant.parse(entry.get("received_at").asText())));
        assertThat(result).as(entry.get("id").asText()).isInstanceOf(ParseResult.Parsed.class);
        return (ParseResult.Parsed) result;
    }
}
