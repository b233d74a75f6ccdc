package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wirestream rules train}, through the command line, and the model it writes at work in the other commands. */
class RulesTrainCommandTest {

    private static final String RULES = """
            models:
              ko: learned.tsv.gz
            subjects:
              - id: north-korea
                topic: north-korea
                threshold: 4
                rules: [{id: nk, weight: 4, query: "North Korea"}]
                languages:
                  ko:
                    threshold: 4
                    model_weight: 4
                    rules: [{id: ko-nk, weight: 1, query: 북한}]
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldLearnFromTheKoreanDispatchesAndWriteAModelTheRulesCanCount() throws IOException {
        // Given a labelled corpus of Korean launches and festivals, and one English dispatch
        Path corpus = corpus();
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, RULES);

        // When a model is trained for the rules' subjects, next to the rules
        int exit = run("rules", "train", "--min-documents", "2", "--rules", rules.toString(), "--out",
                dir.resolve("learned.tsv.gz").toString(), corpus.toString());

        // Then it learned from the Korean ones only, and the rules, now complete, count it for a new launch story
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("learned from 8 of 9 dispatches (language ko)")
                .containsPattern("north-korea\\s+4 in,\\s+4 out").contains("wrote ");
        assertThat(run("rules", "check", rules.toString())).isZero();
        assertThat(out.toString()).contains("model for ko:").contains("+ model log-odds x 4.0");
        Path story = dir.resolve("story.txt");
        Files.writeString(story, korean("북한, 서해상으로 순항미사일 발사", "북한이 순항미사일을 발사했다고 합참이 밝혔다."));
        out.getBuffer().setLength(0);
        assertThat(run("classify", "--explain", "--rules", rules.toString(), story.toString())).isZero();
        assertThat(out.toString()).contains("\"topics\":[\"north-korea\"]").contains("\"id\":\"ko-north-korea-model\"");
    }

    @Test
    void shouldSayWhenTheCorpusHoldsNothingOfTheLanguage() throws IOException {
        // Given the same corpus, which holds no Japanese
        Path corpus = corpus();

        // When a Japanese model is asked for
        int exit = run("rules", "train", "--language", "ja", "--out", dir.resolve("ja.tsv.gz").toString(),
                corpus.toString());

        // Then nothing is written and the error says why
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("cannot learn from 0 dispatches of language 'ja' (of 9 read)");
        assertThat(dir.resolve("ja.tsv.gz")).doesNotExist();
    }

    private Path corpus() throws IOException {
        List<String> lines = new ArrayList<>();
        String[] places = {"서울", "부산", "대전", "광주"};
        for (String place : places) {
            lines.add(line("[\"north-korea\"]", korean("북한, 동해상으로 탄도미사일 발사…" + place + " 긴장",
                    "북한이 탄도미사일을 발사했다고 합참이 밝혔다.")));
            lines.add(line("[]", korean(place + " 벚꽃 축제 개막…시민들 발길", place + "의 벚꽃 축제가 개막해 시민들이 몰렸다.")));
        }
        lines.add(line("[\"north-korea\"]", "N. Korea fires missile\nSEOUL, Nov. 20 (Yonhap) -- North Korea fired a "
                + "missile.\n(END)"));
        Path file = dir.resolve("corpus.jsonl");
        Files.write(file, lines);
        return file;
    }

    private static String korean(String headline, String lead) {
        return headline + "\n(서울=연합뉴스) 김철수 기자 = " + lead + "\nkim@yna.co.kr\n(끝)";
    }

    private static String line(String topics, String text) {
        return "{\"topics\": " + topics + ", \"received_at\": \"2024-03-27T03:00:00Z\", \"text\": \""
                + text.replace("\n", "\\n").replace("\"", "\\\"") + "\"}";
    }

    private int run(String... args) {
        CommandLine line = WirestreamCommand.newCommandLine().setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        return line.execute(args);
    }
}
