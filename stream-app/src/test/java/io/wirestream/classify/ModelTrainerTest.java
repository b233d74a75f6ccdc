package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.schema.Dispatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {

    private static final List<String> SUBJECTS = List.of("defense-cost", "north-korea");

    /** Twelve short Korean dispatches: four on cost sharing, four on the North, four on neither. */
    static List<ModelTrainer.Example> examples() {
        List<ModelTrainer.Example> examples = new ArrayList<>();
        String[] places = {"서울", "부산", "대전", "광주"};
        for (String place : places) {
            examples.add(example("한미 방위비분담금 협상 " + place + "서 재개", Set.of("defense-cost"),
                    "양국은 방위비분담금 인상 폭을 두고 " + place + "에서 협상을 이어갔다.",
                    "정부는 방위비분담금 총액에 대해 말을 아꼈다."));
            examples.add(example("북한, 동해상으로 탄도미사일 발사…" + place + " 긴장", Set.of("north-korea"),
                    "북한이 탄도미사일을 발사했다고 합참이 밝혔다.", "북한의 탄도미사일 발사는 이달 들어 두 번째다."));
            examples.add(example(place + " 벚꽃 축제 개막…시민들 발길", Set.of(),
                    place + "의 벚꽃 축제가 개막해 시민들이 몰렸다.", "축제는 다음 주까지 이어진다."));
        }
        return examples;
    }

    static ModelTrainer.Example example(String headline, Set<String> subjects, String... paragraphs) {
        return new ModelTrainer.Example(korean(headline, paragraphs), subjects);
    }

    static Dispatch korean(String headline, String... paragraphs) {
        return RuleClassifierTest.dispatch(headline + "\n(서울=연합뉴스) 김철수 기자 = " + String.join("\n", paragraphs)
                + "\nkim@yna.co.kr\n(끝)");
    }

    @Test
    void shouldLearnEachSubjectFromItsDispatches() {
        // Given dispatches on cost sharing, on the North and on neither
        TextModel model = ModelTrainer.train("ko", SUBJECTS, examples(), ModelTrainer.DEFAULT_C, 2);

        // When it reads dispatches it has not seen
        ModelReading costs = model.reading().read("방위비분담금 협상 타결 임박", List.of("방위비분담금 합의가 가깝다."));
        ModelReading launch = model.reading().read("북한 탄도미사일 또 발사", List.of("북한이 탄도미사일을 쐈다."));

        // Then each leans toward its own subject and away from the other, and says which words made it so
        assertThat(costs.logOdds(0)).isPositive();
        assertThat(costs.logOdds(1)).isNegative();
        assertThat(launch.logOdds(1)).isPositive();
        assertThat(launch.logOdds(0)).isNegative();
        assertThat(costs.words(0, 1, 3)).contains("방위비분담금");
        assertThat(launch.words(1, 1, 3)).contains("북한");
        assertThat(model.language()).isEqualTo("ko");
        assertThat(model.subjects()).isEqualTo(SUBJECTS);
    }

    @Test
    void shouldLearnTheSameModelFromTheSameDispatches() throws IOException {
        // Given the same dispatches twice
        // When a model is learned from each
        // Then the two files are the same, byte for byte once unpacked
        assertThat(text(ModelTrainer.train("ko", SUBJECTS, examples(), 30, 2)))
                .isEqualTo(text(ModelTrainer.train("ko", SUBJECTS, examples(), 30, 2)));
    }

    @Test
    void shouldRefuseASubjectWithNoDispatchInIt() {
        // Given a subject no dispatch belongs to
        // When a model is learned
        // Then it says which subject cannot be learned, and why
        assertThatThrownBy(() -> ModelTrainer.train("ko", List.of("alliance"), examples(), 30, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alliance").hasMessageContaining("0 in and 12 out");
    }

    @Test
    void shouldRefuseToLearnFromNothing() {
        assertThatThrownBy(() -> ModelTrainer.train("ko", SUBJECTS, List.of(), 30, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no dispatches");
    }

    static String text(TextModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return new String(new GZIPInputStream(new ByteArrayInputStream(out.toByteArray())).readAllBytes(),
                StandardCharsets.UTF_8);
    }
}
