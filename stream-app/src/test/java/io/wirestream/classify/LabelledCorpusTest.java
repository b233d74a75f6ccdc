package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.input.Timestamps;
import io.wirestream.testing.LabelledCorpus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default rules against the labelled corpus under {@code corpus/}: dispatches written for the purpose in the
 * wire's style, each labelled with the subjects an editor would route it to. Prints per-subject precision and
 * recall, and requires both to be at least 0.95.
 */
class LabelledCorpusTest {

    private static final double REQUIRED = 0.95;
    private static final List<Labelled> CORPUS = new ArrayList<>();

    /** One corpus line with what the rules decided. */
    record Labelled(String id, String kind, Set<String> expected, Set<String> actual, String headline) {
    }

    @BeforeAll
    static void classifyCorpus() {
        DispatchParser parser = new DispatchParser();
        RuleClassifier classifier = new RuleClassifier(RulesLoader.loadDefault());
        for (JsonNode node : LabelledCorpus.entries()) {
            ParseResult result = parser.parse(RawDispatch.of(node.get("text").asText().getBytes(StandardCharsets.UTF_8),
                    Timestamps.parse(node.get("received_at").asText())));
            assertThat(result).as(node.get("id").asText()).isInstanceOf(ParseResult.Parsed.class);
            var dispatch = ((ParseResult.Parsed) result).dispatch();
            Set<String> expected = new TreeSet<>();
            node.get("topics").forEach(t -> expected.add(t.asText()));
            Set<String> actual = new TreeSet<>(RuleClassifierTest.topics(classifier.classify(dispatch)));
            CORPUS.add(new Labelled(node.get("id").asText(), node.get("kind").asText(), expected, actual,
                    dispatch.getHeadline()));
        }
    }

    @Test
    void shouldBeLargeAndVariedEnoughToMeasureBy() {
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(200);
        assertThat(CORPUS).filteredOn(l -> l.kind().equals("tricky-negative")).hasSizeGreaterThanOrEqualTo(40);
        assertThat(CORPUS).filteredOn(l -> l.expected().size() >= 2).hasSizeGreaterThanOrEqualTo(30);
        assertThat(CORPUS.stream().map(Labelled::id).distinct().count()).isEqualTo(CORPUS.size());
    }

    @Test
    void shouldReachPrecisionAndRecallOfAtLeast095PerSubject() {
        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%nLabelled corpus: %d dispatches%n%-14s %4s %4s %4s %9s %7s%n", CORPUS.size(), "subject", "tp", "fp",
                "fn", "precision", "recall"));
        for (Subject subject : RulesLoader.loadDefault().subjects()) {
            String id = subject.id();
            long tp = CORPUS.stream().filter(l -> l.expected().contains(id) && l.actual().contains(id)).count();
            long fp = CORPUS.stream().filter(l -> !l.expected().contains(id) && l.actual().contains(id)).count();
            long fn = CORPUS.stream().filter(l -> l.expected().contains(id) && !l.actual().contains(id)).count();
            double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
            table.append(String.format(Locale.ROOT, "%-14s %4d %4d %4d %9.3f %7.3f%n", id, tp, fp, fn, precision, recall));
            if (precision < REQUIRED || recall < REQUIRED) {
                failures.add(id);
            }
        }
        CORPUS.stream().filter(l -> !l.expected().equals(l.actual())).forEach(l -> table.append(String.format(
                Locale.ROOT, "  miss %s expected %s got %s: %s%n", l.id(), l.expected(), l.actual(), l.headline())));
        System.out.println(table);
        assertThat(failures).as(table.toString()).isEmpty();
    }
}
