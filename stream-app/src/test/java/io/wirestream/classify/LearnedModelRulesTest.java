package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wirestream.schema.Dispatch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rules file's {@code models} section and {@code model_weight}s: how they load, fail and count in a score. */
class LearnedModelRulesTest {

    private static final String RULES = """
            models:
              ko: %s
            subjects:
              - id: north-korea
                topic: nk
                threshold: 4
                rules: [{id: nk, weight: 4, query: "North Korea"}]
                languages:
                  ko:
                    threshold: 4
                    model_weight: %s
                    rules: [{id: ko-nk, weight: 1, query: 북한}]
            """;

    @TempDir
    Path dir;

    @Test
    void shouldAddTheModelsLogOddsTimesTheWeightToTheScoreAsARuleOfItsOwn() throws Exception {
        // Given rules whose Korean copy also counts a model learned beside them
        RuleSet rules = RulesLoader.load(rulesWithModel("learned.tsv.gz", "4"));
        RuleClassifier classifier = new RuleClassifier(rules);

        // When a Korean launch story is classified
        Dispatch launch = ModelTrainerTest.korean("북한, 동해상으로 탄도미사일 발사", "북한이 탄도미사일을 발사했다고 합참이 밝혔다.");
        Classification.SubjectScore score = classifier.classify(launch).scores().get(0);

        // Then the model speaks as the rule ko-north-korea-model, with its words, and the score is the sum shown
        Classification.RuleMatch model = score.rules().stream()
                .filter(match -> match.ruleId().equals("ko-north-korea-model")).findFirst().orElseThrow();
        assertThat(model.weight()).isPositive();
        assertThat(model.terms()).contains("북한이");
        assertThat(score.score()).isCloseTo(score.rules().stream().mapToDouble(Classification.RuleMatch::weight).sum(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(score.routed()).isTrue();
        assertThat(rules.models()).containsKey("ko");
    }

    @Test
    void shouldArgueAgainstASubjectWithNegativeLogOddsAndKeepEnglishCopyToItsRules() throws Exception {
        // Given the same rules
        RuleClassifier classifier = new RuleClassifier(RulesLoader.load(rulesWithModel("learned.tsv.gz", "4")));

        // When a Korean festival story and an English launch story are classified
        Classification festival = classifier.classify(ModelTrainerTest.korean("부산 벚꽃 축제 개막", "벚꽃 축제에 시민들이 몰렸다."));
        Classification english = classifier.classify(RuleClassifierTest.dispatch("""
                N. Korea fires ballistic missile
                SEOUL, Nov. 20 (Yonhap) -- North Korea fired a ballistic missile on Monday.
                (END)"""));

        // Then the model counts against the festival, and the English story has no model rule
        assertThat(festival.isRouted()).isFalse();
        assertThat(festival.scores()).allSatisfy(s -> assertThat(s.score()).isNegative());
        assertThat(english.scores().get(0).rules()).extracting(Classification.RuleMatch::ruleId).containsExactly("nk");
    }

    @Test
    void shouldChangeTheDigestWhenTheModelChanges() throws Exception {
        // Given the same rules file beside two different models
        Path rules = rulesWithModel("learned.tsv.gz", "4");
        String first = RulesLoader.load(rules).digest();
        write(dir.resolve("learned.tsv.gz"), ModelTrainer.train("ko", List.of("north-korea"),
                ModelTrainerTest.examples(), 1, 2));

        // When loaded again
        String second = RulesLoader.load(rules).digest();

        // Then decisions record which model made them
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void shouldNameEveryProblemOfAModelSection() throws Exception {
        // Given a missing model, a model of another language, a weight of 0, and a model for another subject
        Path missing = rules("no-such.tsv.gz", "4");
        write(dir.resolve("english.tsv.gz"), ModelTrainer.train("en", List.of("north-korea"),
                ModelTrainerTest.examples(), 30, 2));
        Path english = rules("english.tsv.gz", "4");
        Path zero = rulesWithModel("learned.tsv.gz", "0");
        write(dir.resolve("costs.tsv.gz"), ModelTrainer.train("ko", List.of("defense-cost"),
                ModelTrainerTest.examples(), 30, 2));
        Path costs = rules("costs.tsv.gz", "4");

        // Then each is refused with what is wrong
        assertThat(problems(missing)).contains("models (ko): cannot read the model: no file no-such.tsv.gz beside the "
                + "rules, and no bundled model of that name");
        assertThat(problems(english)).contains("was trained on language 'en', not 'ko'");
        assertThat(problems(zero)).contains("subject north-korea (ko): model_weight must be a number above 0");
        assertThat(problems(costs)).contains("does not score 'north-korea'; it scores [defense-cost]");
    }

    @Test
    void shouldRefuseAWeightWithoutAModelAndARuleTakingTheModelsId() {
        // Given rules that count a model they do not name, with a rule under the model's id
        String yaml = """
                subjects:
                  - id: north-korea
                    topic: nk
                    threshold: 4
                    rules: [{id: nk, weight: 4, query: "North Korea"}]
                    languages:
                      ko: {threshold: 4, model_weight: 2, rules: [{id: ko-north-korea-model, weight: 1, query: 북한}]}
                """;

        // When loaded
        RulesException e = catchThrowableOfType(RulesException.class,
                () -> RulesLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml"));

        // Then both are named
        assertThat(e.getMessage()).contains("model_weight is set, but 'models' names no model for 'ko'")
                .contains("the rule id 'ko-north-korea-model' is kept for the model's part in the score");
    }

    @Test
    void shouldLoadTheBundledModelWhenNothingBesideTheRulesHasItsName() throws Exception {
        // Given the bundled rules copied alone to a directory of their own
        Path copy = dir.resolve("my-rules.yaml");
        try (var in = RulesLoader.class.getResourceAsStream(RulesLoader.DEFAULT_RESOURCE)) {
            Files.write(copy, in.readAllBytes());
        }

        // When loaded
        RuleSet rules = RulesLoader.load(copy);

        // Then the bundled Korean model comes with them, and the digest is the bundled rules' own
        assertThat(rules.models().get("ko").subjects()).containsExactly("alliance", "defense-cost", "north-korea");
        assertThat(rules.digest()).isEqualTo(RulesLoader.loadDefault().digest());
    }

    private Path rulesWithModel(String name, String weight) throws IOException {
        write(dir.resolve(name), ModelTrainer.train("ko", List.of("north-korea"), ModelTrainerTest.examples(), 30, 2));
        return rules(name, weight);
    }

    private Path rules(String name, String weight) throws IOException {
        Path file = dir.resolve("rules-" + name.replace(".tsv.gz", "") + "-" + weight + ".yaml");
        Files.writeString(file, RULES.formatted(name, weight));
        return file;
    }

    private static void write(Path file, TextModel model) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            model.write(out);
        }
    }

    private static String problems(Path rules) {
        RulesException e = catchThrowableOfType(RulesException.class, () -> RulesLoader.load(rules));
        assertThat(e).as("expected " + rules + " to be refused").isNotNull();
        return e.getMessage();
    }
}
