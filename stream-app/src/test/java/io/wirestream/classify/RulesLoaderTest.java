package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesLoaderTest {

    @Test
    void shouldLoadTheBundledRulesWithTheThreeDefaultSubjects() {
        RuleSet rules = RulesLoader.loadDefault();
        assertThat(rules.subjects()).extracting(Subject::id).containsExactly("alliance", "defense-cost", "north-korea");
        assertThat(rules.subjects()).extracting(Subject::topic).containsExactly("alliance", "defense-cost", "north-korea");
        assertThat(rules.digest()).matches("[0-9a-f]{12}");
    }

    @Test
    void shouldReportEveryProblemWithTheIdItConcerns() {
        RulesException e = problems("""
                subjects:
                  - id: alliance
                    threshold: 2
                    rules:
                      - id: bad-syntax
                        query: '"unclosed phrase'
                      - id: bad-field
                        query: 'dateline:SEOUL'
                      - id: dup
                        query: USFK
                  - id: other
                    topic: other
                    treshold: 3
                    rules:
                      - id: dup
                        query: troops
                      - id: boosted
                        query: 'USFK^3'
                """);
        assertThat(e.problems()).extracting(RulesException.Problem::toString).containsExactlyInAnyOrder(
                "subject alliance: missing topic",
                "rule bad-syntax: bad query syntax: Cannot parse '\"unclosed phrase': Lexical error at line 1, column 17.  Encountered: <EOF> after prefix \"\\\"unclosed phrase\" (in lexical state 2)",
                "rule bad-field: unknown field 'dateline' (fields: headline, lead, top, body, text)",
                "subject other: unknown key 'treshold' (known: description, id, languages, rules, threshold, topic)",
                "subject other: threshold must be a number above 0",
                "rule dup: duplicate rule id (also in subject alliance)",
                "rule boosted: boosts (^) are not used; give the rule a weight instead");
        assertThat(e.getMessage()).startsWith("test.yaml: 7 problems");
    }

    @Test
    void shouldRefuseDuplicateSubjectsAndSharedTopics() {
        RulesException e = problems("""
                subjects:
                  - {id: a, topic: t, threshold: 1, rules: [{id: r1, query: x}]}
                  - {id: a, topic: t, threshold: 1, rules: [{id: r2, query: y}]}
                """);
        assertThat(e.problems()).extracting(RulesException.Problem::message).containsExactlyInAnyOrder(
                "topic 't' is already the topic of subject a",
                "duplicate subject id (also subject #1)");
    }

    @Test
    void shouldRefuseASubjectThatCanNeverReachItsThreshold() {
        RulesException e = problems("""
                subjects:
                  - {id: a, topic: t, threshold: 5, rules: [{id: r1, weight: 2, query: x}, {id: r2, weight: -1, query: y}]}
                """);
        assertThat(e.problems()).singleElement().extracting(RulesException.Problem::message).asString()
                .contains("add up to 2.0, below the threshold 5.0");
    }

    @Test
    void shouldExplainBrokenYamlAndEmptyFiles() {
        assertThat(problems("subjects: [unclosed").problems()).singleElement()
                .extracting(RulesException.Problem::message).asString().startsWith("not valid YAML");
        assertThat(problems("").problems()).extracting(RulesException.Problem::message)
                .containsExactly("expected a mapping with a 'subjects' list");
        assertThat(problems("version: 1").problems()).extracting(RulesException.Problem::message)
                .containsExactly("'subjects' must be a non-empty list");
    }

    @Test
    void shouldRefuseQueriesThatMatchEverythingOrUseUnsupportedSyntax() {
        RulesException e = problems("""
                subjects:
                  - id: a
                    topic: t
                    threshold: 1
                    rules:
                      - {id: only-not, query: 'NOT troops'}
                      - {id: fuzzy, query: 'troops~2'}
                      - {id: bare-star, query: '*'}
                      - {id: no-words, query: '"..."'}
                      - {id: zero, weight: 0, query: troops}
                      - {id: Upper, query: troops}
                """);
        assertThat(e.problems()).extracting(RulesException.Problem::where)
                .containsExactlyInAnyOrder("rule only-not", "rule fuzzy", "rule bare-star", "rule no-words", "rule zero",
                        "rule Upper");
    }

    private static RulesException problems(String yaml) {
        RulesException e = catchThrowableOfType(RulesException.class,
                () -> RulesLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml"));
        assertThat(e).as("expected the rules to be refused").isNotNull();
        assertThat(e.problems()).isNotEmpty();
        return e;
    }

    @Test
    void shouldShareNamedWordListsAndApplyARulesDefaultField() throws RulesException {
        RuleSet rules = RulesLoader.parse("""
                words:
                  drills: &drills '"combined drills" OR exercise'
                subjects:
                  - id: a
                    topic: t
                    threshold: 1
                    rules:
                      - {id: top, field: top, query: *drills}
                      - {id: anywhere, query: *drills}
                """.getBytes(StandardCharsets.UTF_8), "test.yaml");
        RuleClassifier classifier = new RuleClassifier(rules);
        Classification decision = classifier.classify(RuleClassifierTest.dispatch(
                "Talks end\nSEOUL -- Talks ended Monday.\nThe allies plan combined drills.\n(END)"));
        assertThat(decision.scores().get(0).rules()).extracting(Classification.RuleMatch::ruleId)
                .containsExactly("anywhere");
        assertThat(rules.subjects().get(0).rules().get(0).query()).isEqualTo("\"combined drills\" OR exercise");
    }

    @Test
    void shouldRefuseAnUnknownDefaultField() {
        RulesException e = problems("""
                subjects:
                  - {id: a, topic: t, threshold: 1, rules: [{id: r, field: dateline, query: x}]}
                """);
        assertThat(e.problems()).extracting(RulesException.Problem::toString)
                .containsExactly("rule r: unknown field 'dateline' (fields: headline, lead, top, body, text)");
    }

    @Test
    void shouldRefuseYamlThatOnlyLooksValid() {
        assertThat(problems("""
                version: 1
                subjects:
                  - {id: a, topic: t, threshold: .nan, rules: [{id: r, weight: .inf, query: x}]}
                """).problems()).extracting(RulesException.Problem::message).contains(
                "threshold must be a number above 0", "weight must be a non-zero number");
        assertThat(problems("""
                subjects:
                  - {id: a, topic: t, threshold: 1, rules: [{id: r, query: x, query: y}]}
                """).problems()).singleElement().extracting(RulesException.Problem::message).asString()
                .contains("duplicate key");
        assertThat(problems("""
                subjects:
                  - {id: yes, topic: 0123, threshold: 1, rules: [{id: r, query: 2024-01-01}]}
                """).problems()).extracting(RulesException.Problem::message).anyMatch(m -> m.contains("must be text"));
        assertThat(problems("version: banana\nsubjects: []\n").problems()).extracting(RulesException.Problem::message)
                .containsExactly("version must be 1 (the only format there is), was \"banana\"");
    }

    @Test
    void shouldKeepRulesInFileOrder() throws RulesException {
        RuleSet rules = RulesLoader.parse("""
                subjects:
                  - {id: a, topic: t, threshold: 1, rules: [{id: r2, query: y}, {id: r1, query: x, min_matches: 2}]}
                """.getBytes(StandardCharsets.UTF_8), "test.yaml");
        List<Rule> parsed = rules.subjects().get(0).rules();
        assertThat(parsed).extracting(Rule::id).containsExactly("r2", "r1");
        assertThat(parsed.get(1).minMatches()).isEqualTo(2);
        assertThat(parsed.get(0).weight()).isEqualTo(1.0);
    }
}
