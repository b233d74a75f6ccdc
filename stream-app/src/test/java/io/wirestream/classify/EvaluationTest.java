package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.schema.Dispatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final RuleSet RULES = RulesLoader.loadDefault();
    private static final RuleClassifier CLASSIFIER = new RuleClassifier(RULES);

    @Test
    void shouldCountTruePositivesFalsePositivesAndMissesPerSubject() {
        // Given an SMA story labelled right, a missile story labelled only alliance, and a K-pop story labelled
        // north-korea (both wrong on purpose)
        List<Evaluation.Case> cases = List.of(
                labelled("sma", Set.of("alliance", "defense-cost"), SMA),
                labelled("missile", Set.of("alliance"), MISSILE),
                labelled("kpop", Set.of("north-korea"), KPOP));

        // When
        Evaluation evaluation = Evaluation.of(cases, CLASSIFIER, RULES);

        // Then
        Map<String, Evaluation.SubjectStats> stats = byId(evaluation);
        assertThat(stats.get("alliance")).isEqualTo(new Evaluation.SubjectStats("alliance", 1, 0, 1));
        assertThat(stats.get("defense-cost")).isEqualTo(new Evaluation.SubjectStats("defense-cost", 1, 0, 0));
        assertThat(stats.get("north-korea")).isEqualTo(new Evaluation.SubjectStats("north-korea", 0, 1, 1));
        assertThat(stats.get("alliance").precision()).isEqualTo(1.0);
        assertThat(stats.get("alliance").recall()).isEqualTo(0.5);
        assertThat(stats.get("alliance").f1()).isCloseTo(2.0 / 3, offset(1e-9));
        assertThat(evaluation.lowestF1()).isZero();
        assertThat(evaluation.misrouted()).extracting(d -> d.labelled().id()).containsExactly("missile", "kpop");
    }

    @Test
    void shouldSayWhichSubjectTookWhatBelongedToAnother() {
        Evaluation evaluation = Evaluation.of(List.of(labelled("missile", Set.of("alliance"), MISSILE),
                labelled("kpop", Set.of("north-korea"), KPOP), labelled("sma-wrong", Set.of(), SMA)), CLASSIFIER,
                RULES);

        assertThat(evaluation.confusion()).isEqualTo(Map.of(
                "alliance", Map.of("north-korea", 1),
                "north-korea", Map.of(Evaluation.NONE, 1),
                Evaluation.NONE, Map.of("alliance", 1, "defense-cost", 1)));
    }

    @Test
    void shouldCreditEachRuleWithWhatItHelpedRouteRightAndWrong() {
        Evaluation evaluation = Evaluation.of(List.of(labelled("sma", Set.of("alliance", "defense-cost"), SMA),
                labelled("sma-wrong", Set.of(), SMA)), CLASSIFIER, RULES);

        Evaluation.RuleStats costs = evaluation.rules().stream().filter(r -> r.subject().equals("defense-cost")
                && r.weight() > 0 && r.matched() > 0).findFirst().orElseThrow();
        assertThat(costs.matched()).isEqualTo(2);
        assertThat(costs.truePositives()).isEqualTo(1);
        assertThat(costs.falsePositives()).isEqualTo(1);
        assertThat(evaluation.rules()).allMatch(r -> r.matched() == 0 || r.subject() != null);
    }

    @Test
    void shouldCountADispatchThatCannotBeParsedAsRoutedNowhere() {
        Evaluation evaluation = Evaluation.of(List.of(new Evaluation.Case("broken", Set.of("north-korea"), null)),
                CLASSIFIER, RULES);

        assertThat(byId(evaluation).get("north-korea").falseNegatives()).isEqualTo(1);
        assertThat(evaluation.misrouted()).singleElement().satisfies(d -> assertThat(d.actual()).isEmpty());
    }

    private static Map<String, Evaluation.SubjectStats> byId(Evaluation evaluation) {
        return evaluation.subjects().stream().collect(Collectors.toMap(
                Evaluation.SubjectStats::subject, s -> s));
    }

    private static Evaluation.Case labelled(String id, Set<String> expected, String text) {
        ParseResult result = new DispatchParser().parse(RawDispatch.of(text.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2024-10-04T03:00:00Z")));
        Dispatch dispatch = ((ParseResult.Parsed) result).dispatch();
        return new Evaluation.Case(id, expected, dispatch);
    }

    static final String SMA = """
            S. Korea, U.S. agree on new defense cost-sharing deal
            SEOUL, Oct. 4 (Yonhap) -- South Korea and the United States agreed on a new Special Measures Agreement on the cost of keeping 28,500 U.S. troops here, the foreign ministry said Friday.
            (END)
            """;
    static final String MISSILE = """
            N. Korea fires ballistic missile into East Sea
            SEOUL, Oct. 4 (Yonhap) -- North Korea fired a short-range ballistic missile into the East Sea on Friday, the Joint Chiefs of Staff said, the North's latest launch this year.
            Pyongyang has fired dozens of missiles this year.
            (END)
            """;
    static final String KPOP = """
            K-pop group tops Billboard chart
            SEOUL, Oct. 4 (Yonhap) -- A K-pop group topped the Billboard 200 chart for the first time, its agency said.
            (END)
            """;
}
