package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wirestream classify} and {@code wirestream rules}, end to end through the command line. */
class ClassifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SMA = """
            S. Korea, U.S. agree on new defense cost-sharing deal
            SEOUL, Oct. 4 (Yonhap) -- South Korea and the United States agreed on a new Special Measures Agreement on the cost of keeping 28,500 U.S. troops here, the foreign ministry said Friday.
            (END)
            """;
    private static final String KPOP = """
            K-pop group tops Billboard chart
            SEOUL, Oct. 4 (Yonhap) -- A K-pop group topped the Billboard 200 chart for the first time, its agency said.
            (END)
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldPrintTheDecisionForEachDispatch() throws IOException {
        Path feed = dir.resolve("feed.jsonl");
        Files.writeString(feed, String.join("\n",
                "{\"id\":\"sma\",\"text\":" + JSON.writeValueAsString(SMA) + "}",
                "{\"id\":\"kpop\",\"text\":" + JSON.writeValueAsString(KPOP) + "}",
                "{\"id\":\"empty\",\"text\":\"\"}"));

        int exit = run("classify", feed.toString());

        List<JsonNode> lines = lines();
        assertThat(exit).isZero();
        assertThat(lines).extracting(l -> l.get("id").asText()).containsExactly("sma", "kpop", "empty");
        assertThat(lines).extracting(l -> l.get("status").asText()).containsExactly("routed", "unrouted", "dead-letter");
        JsonNode sma = lines.get(0);
        assertThat(sma.get("topics")).hasSize(2);
        assertThat(sma.get("topics").get(0).asText()).isEqualTo("alliance");
        assertThat(sma.get("topics").get(1).asText()).isEqualTo("defense-cost");
        assertThat(sma.get("headline").asText()).isEqualTo("S. Korea, U.S. agree on new defense cost-sharing deal");
        assertThat(sma.at("/matches/defense-cost/score").asDouble()).isGreaterThanOrEqualTo(4.0);
        assertThat(sma.at("/matches/defense-cost/rules").toString()).contains("defense-cost-sma");
        assertThat(sma.at("/matches/defense-cost/terms").toString()).contains("Special Measures Agreement");
        assertThat(lines.get(1).get("topics")).isEmpty();
        assertThat(lines.get(2).get("reason").asText()).isEqualTo("EMPTY");
        assertThat(err.toString()).contains("3 read, 1 routed, 1 unrouted, 1 dead-lettered (EMPTY 1)")
                .contains("per subject: alliance 1, defense-cost 1, north-korea 0");
    }

    @Test
    void shouldExplainNearMissesAndUseARulesFileGiven() throws IOException {
        Files.writeString(dir.resolve("a.txt"), KPOP);
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                subjects:
                  - id: kpop
                    topic: kpop-wire
                    threshold: 5
                    rules:
                      - {id: kpop-word, weight: 2, query: '"K-pop"'}
                      - {id: chart, weight: 1, query: 'Billboard'}
                      - {id: tour, weight: 2, query: 'tour'}
                """);
        int exit = run("classify", "--explain", "--rules", rules.toString(), dir.resolve("a.txt").toString());
        JsonNode line = lines().get(0);
        assertThat(exit).isZero();
        assertThat(line.get("status").asText()).isEqualTo("unrouted");
        assertThat(line.at("/matches/kpop/score").asDouble()).isEqualTo(3.0);
        assertThat(line.at("/matches/kpop/threshold").asDouble()).isEqualTo(5.0);
        assertThat(line.at("/matches/kpop/routed").asBoolean()).isFalse();
        assertThat(line.at("/matches/kpop/rules/0/id").asText()).isEqualTo("kpop-word");
        assertThat(line.at("/matches/kpop/rules/0/terms/0").asText()).isEqualTo("K-pop");
    }

    @Test
    void shouldExplainKoreanMatchesByTheKoreanRulesInTheirOwnWords() throws IOException {
        // Given a Korean dispatch on cost sharing, with particles on every word the rules name
        Files.writeString(dir.resolve("ko.txt"), """
                한미, 방위비분담금 1조389억원 합의…10차 SMA 가서명
                (서울=연합뉴스) 이상현 기자 = 한미가 10일 올해 주한미군 방위비분담금을 1조389억원으로 정한 제10차 방위비분담특별협정에 가서명했다.
                외교부는 "한미동맹의 굳건함을 재확인하는 계기"라며 방위비분담금이 주한미군의 안정적 주둔에 쓰인다고 밝혔다.
                lsh@yna.co.kr
                (끝)
                """, StandardCharsets.UTF_8);

        // When it is classified with --explain and the bundled rules
        int exit = run("classify", "--explain", dir.resolve("ko.txt").toString());

        // Then the Korean rules route it to both subjects and name the Korean words they matched
        JsonNode line = lines().get(0);
        assertThat(exit).isZero();
        assertThat(line.get("topics")).extracting(JsonNode::asText).containsExactly("alliance", "defense-cost");
        assertThat(line.at("/matches/defense-cost/rules")).extracting(r -> r.get("id").asText())
                .allMatch(id -> id.startsWith("ko-")).contains("ko-defense-cost-sharing-prominent");
        assertThat(line.at("/matches/defense-cost/terms")).extracting(JsonNode::asText).contains("방위비", "SMA");
        assertThat(line.at("/matches/alliance/terms")).extracting(JsonNode::asText).contains("주한미군");
    }

    @Test
    void shouldStopOnABadRulesFileWithItsProblems() throws IOException {
        Path rules = dir.resolve("bad.yaml");
        Files.writeString(rules, "subjects:\n  - {id: x, threshold: 1, rules: [{id: r, query: 'headline:(unclosed'}]}\n");
        Files.writeString(dir.resolve("a.txt"), KPOP);
        int exit = run("classify", "--rules", rules.toString(), dir.resolve("a.txt").toString());
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("subject x: missing topic").contains("rule r: bad query syntax");
    }

    @Test
    void shouldCheckRulesFilesAndShowTheBundledOne() throws IOException {
        Path shown = dir.resolve("shown.yaml");
        assertThat(run("rules", "show")).isZero();
        Files.writeString(shown, out.toString());
        out.getBuffer().setLength(0);

        assertThat(run("rules", "check", shown.toString())).isZero();
        assertThat(out.toString()).contains("valid, 3 subjects").contains("north-korea      -> topic north-korea");

        out.getBuffer().setLength(0);
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "subjects:\n  - {id: a, topic: t, threshold: 1, rules: [{id: r, query: 'nope:word'}]}\n");
        assertThat(run("rules", "check", bad.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("rule r: unknown field 'nope'");
    }

    private int run(String... args) {
        CommandLine cmd = WirestreamCommand.newCommandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                parsed.add(JSON.readTree(line));
            }
        }
        return parsed;
    }
}
