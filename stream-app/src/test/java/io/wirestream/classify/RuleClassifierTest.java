package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.schema.Dispatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Query semantics, scoring and explanations, on small rule sets written for each case. */
class RuleClassifierTest {

    private static final Dispatch STORY = dispatch("""
            (LEAD) S. Korea, U.S. stage combined air drills after N. Korean missile launch
            By Kim Han-joo
            SEOUL, Nov. 20 (Yonhap) -- South Korea and the United States staged combined air drills Monday, a day after North Korea fired a ballistic missile, the Joint Chiefs of Staff said.
            About 100 U.S. troops and 30 fighter jets took part, the JCS said, in a show of the allies' readiness.
            The North has launched missiles 12 times this year.
            khj@yna.co.kr
            (END)
            """);

    @Test
    void shouldMatchTermsPhrasesAndFieldsAsWritten() {
        assertThat(score("headline:drills", STORY)).isEqualTo(1);
        assertThat(score("lead:drills", STORY)).isEqualTo(1);
        assertThat(score("lead:readiness", STORY)).isZero();
        assertThat(score("body:readiness", STORY)).isEqualTo(1);
        assertThat(score("headline:readiness", STORY)).isZero();
        assertThat(score("\"U.S. troops\"", STORY)).isEqualTo(1);
        assertThat(score("\"troops U.S.\"", STORY)).isZero();
        assertThat(score("\"N. Korean missile launch\"", STORY)).isEqualTo(1);
    }

    @Test
    void shouldFoldPluralsAndCaseOnBothSides() {
        assertThat(score("MISSILES", STORY)).isEqualTo(1);
        assertThat(score("\"fighter jet\"", STORY)).isEqualTo(1);
        assertThat(score("launch*", STORY)).isEqualTo(1);
    }

    @Test
    void shouldFoldPluralsInPrefixesAndRefusePrefixesThatAreNotOneWord() {
        assertThat(score("missiles*", STORY)).isEqualTo(1);
        assertThat(score("launches*", STORY)).isEqualTo(1);
        RulesException refused = org.assertj.core.api.Assertions.catchThrowableOfType(RulesException.class,
                () -> classifier("subjects:\n  - {id: s, topic: t, threshold: 1, rules: [{id: r, query: 'U.S.*'}]}\n"));
        assertThat(refused.problems()).singleElement().extracting(RulesException.Problem::message).asString()
                .contains("is not one word");
    }

    @Test
    void shouldMatchProximityWithinTheGivenSlopOnly() {
        // "staged combined air drills": two words between, so two moves; reversed, one more.
        assertThat(score("\"combined air drills\"", STORY)).isEqualTo(1);
        assertThat(score("\"combined drills\"", STORY)).isZero();
        assertThat(score("\"staged drills\"~2", STORY)).isEqualTo(1);
        assertThat(score("\"staged drills\"~1", STORY)).isZero();
        assertThat(score("\"drills combined\"~3", STORY)).isEqualTo(1);
        assertThat(score("\"drills combined\"~2", STORY)).isZero();
    }

    @Test
    void shouldNotMatchAPhraseAcrossParagraphs() {
        Dispatch story = dispatch("Headline\nSEOUL -- The talks ended in Seoul.\nWashington said nothing.\n(END)");
        assertThat(score("\"Seoul Washington\"", story)).isZero();
        assertThat(score("\"Seoul Washington\"~5", story)).isZero();
    }

    @Test
    void shouldApplyBooleanLogic() {
        assertThat(score("+drills +missile", STORY)).isEqualTo(1);
        assertThat(score("drills AND tanks", STORY)).isZero();
        assertThat(score("tanks OR jets", STORY)).isEqualTo(1);
        assertThat(score("drills -missile", STORY)).isZero();
        assertThat(score("drills NOT (tanks OR submarine)", STORY)).isEqualTo(1);
    }

    @Test
    void shouldCountOccurrencesForMinMatches() {
        assertThat(score("missile", STORY, 3)).isEqualTo(1);
        assertThat(score("missile", STORY, 4)).isZero();
    }

    @Test
    void shouldAddWeightsAndRouteAtTheThresholdWithNegativeRulesArguingAgainst() throws RulesException {
        RuleClassifier classifier = classifier("""
                subjects:
                  - id: drills
                    topic: drills-topic
                    threshold: 4
                    rules:
                      - {id: headline, weight: 3, query: 'headline:drills'}
                      - {id: allies, weight: 1, query: 'allies'}
                      - {id: not-sports, weight: -2, query: 'league'}
                  - id: quiet
                    topic: quiet-topic
                    threshold: 1
                    rules:
                      - {id: nothing, query: 'submarine'}
                """);
        Classification decision = classifier.classify(STORY);
        assertThat(decision.routed()).extracting(s -> s.subject().id()).containsExactly("drills");
        Classification.SubjectScore drills = decision.scores().get(0);
        assertThat(drills.score()).isEqualTo(4.0);
        assertThat(drills.rules()).extracting(Classification.RuleMatch::ruleId).containsExactly("headline", "allies");
        assertThat(decision.scores()).hasSize(1);

        Dispatch sports = dispatch("Team holds drills before league opener\nSEOUL -- The allies of the coach said.\n(END)");
        Classification sportsDecision = classifier.classify(sports);
        assertThat(sportsDecision.isRouted()).isFalse();
        assertThat(sportsDecision.scores().get(0).score()).isEqualTo(2.0);
    }

    @Test
    void shouldExplainWithTheWordsAsTheDispatchWroteThem() throws RulesException {
        RuleClassifier classifier = classifier("""
                subjects:
                  - id: alliance
                    topic: alliance
                    threshold: 0.5
                    rules:
                      - {id: troops, query: '"U.S. troops" OR "Joint Chiefs of Staff" OR JCS'}
                      - {id: against, weight: -0.5, query: 'Monday'}
                """);
        Classification.SubjectScore score = classifier.classify(STORY).routed().get(0);
        assertThat(score.terms()).containsExactly("U.S. troops", "Joint Chiefs of Staff", "JCS");
        assertThat(score.rules().get(0).count()).isEqualTo(3);
        assertThat(score.rules().get(1).terms()).containsExactly("Monday");
    }

    @Test
    void shouldGiveTheSameWordsOneStringFromDispatchToDispatchAndOthersTheirOwn() throws RulesException {
        RuleClassifier classifier = classifier("""
                subjects:
                  - id: korea
                    topic: korea
                    threshold: 1
                    rules:
                      - {id: north, query: '"North Korea" OR Pyongyang'}
                """);
        Dispatch one = dispatch("North Korea fires missile\nSEOUL -- North Korea fired a missile.\n(END)");
        Dispatch two = dispatch("Talks stall\nSEOUL -- Envoys said North Korea and Pyongyang's allies met.\n(END)");
        Dispatch shouting = dispatch("NORTH KOREA TALKS\nSEOUL -- Talks went on.\n(END)");

        List<String> first = classifier.classify(one).routed().get(0).terms();
        List<String> second = classifier.classify(two).routed().get(0).terms();
        List<String> third = classifier.classify(shouting).routed().get(0).terms();

        assertThat(first).containsExactly("North Korea");
        assertThat(second).containsExactly("North Korea", "Pyongyang");
        assertThat(second.get(0)).isSameAs(first.get(0));
        assertThat(third).containsExactly("NORTH KOREA");
    }

    @Test
    void shouldEvaluateUnanchoredRulesAlways() throws RulesException {
        RuleClassifier classifier = classifier("""
                subjects:
                  - id: prefix
                    topic: prefix
                    threshold: 1
                    rules:
                      - {id: bombers, query: 'bomb* OR fight*'}
                """);
        assertThat(classifier.classify(STORY).routed()).singleElement()
                .satisfies(s -> assertThat(s.terms()).containsExactly("fighter"));
    }

    private static int score(String query, Dispatch dispatch) {
        return score(query, dispatch, 1);
    }

    /** 1 when {@code query} matches at least {@code minMatches} times, else 0. */
    private static int score(String query, Dispatch dispatch, int minMatches) {
        try {
            RuleClassifier classifier = classifier("subjects:\n  - {id: s, topic: t, threshold: 1, rules: "
                    + "[{id: r, min_matches: " + minMatches + ", query: '" + query.replace("'", "''") + "'}]}\n");
            return classifier.classify(dispatch).isRouted() ? 1 : 0;
        } catch (RulesException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static RuleClassifier classifier(String yaml) throws RulesException {
        return new RuleClassifier(RulesLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml"));
    }

    static Dispatch dispatch(String text) {
        ParseResult result = new DispatchParser().parse(RawDispatch.of(text.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2023-11-20T06:00:00Z")));
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).dispatch();
    }

    static List<String> topics(Classification decision) {
        return decision.routed().stream().map(s -> s.subject().id()).toList();
    }
}
