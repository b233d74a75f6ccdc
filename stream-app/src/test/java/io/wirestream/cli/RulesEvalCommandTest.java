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
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wirestream rules eval}, through the command line. */
class RulesEvalCommandTest {

    private static final String SMA = "S. Korea, U.S. agree on new defense cost-sharing deal\\nSEOUL, Oct. 4 (Yonhap) -- "
            + "South Korea and the United States agreed on a new Special Measures Agreement on the cost of keeping 28,500 "
            + "U.S. troops here, the foreign ministry said Friday.\\n(END)";
    private static final String KPOP = "K-pop group tops Billboard chart\\nSEOUL, Oct. 4 (Yonhap) -- A K-pop group "
            + "topped the Billboard 200 chart for the first time, its agency said.\\n(END)";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldPrintPerSubjectFiguresAndTheMisroutedDispatches() throws IOException {
        Path corpus = corpus("""
                {"id": "sma", "topics": ["alliance", "defense-cost"], "received_at": "2024-10-04T03:00:00Z", "text": "%s"}
                {"id": "kpop-wrong", "topics": ["north-korea"], "text": "%s"}
                """.formatted(SMA, KPOP));

        int exit = run("rules", "eval", corpus.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("2 labelled dispatches")
                .containsPattern("alliance\\s+1\\s+0\\s+0\\s+1\\.000\\s+1\\.000\\s+1\\.000")
                .containsPattern("north-korea\\s+0\\s+0\\s+1\\s+1\\.000\\s+0\\.000\\s+0\\.000")
                .contains("north-korea      -> (none)")
                .contains("misrouted: 1").contains("kpop-wrong belongs to [north-korea], routed to []");
    }

    @Test
    void shouldFailBelowTheFloorAndSayWhichSubject() throws IOException {
        Path corpus = corpus("{\"id\": \"kpop-wrong\", \"topics\": [\"north-korea\"], \"text\": \"%s\"}\n"
                .formatted(KPOP));

        assertThat(run("rules", "eval", "--min-f1", "0.95", corpus.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("below 0.95").contains("north-korea 0.000");
    }

    @Test
    void shouldCompareTwoRulesFilesDispatchByDispatch() throws IOException {
        // Given rules that route only what says "Billboard" to north-korea, compared with the bundled ones
        Path rules = dir.resolve("billboard.yaml");
        Files.writeString(rules, """
                version: 1
                subjects:
                  - id: north-korea
                    topic: north-korea
                    threshold: 1
                    rules:
                      - id: billboard
                        query: Billboard
                """);
        Path bundled = dir.resolve("bundled.yaml");
        assertThat(run("rules", "show")).isZero();
        Files.writeString(bundled, out.toString());
        out.getBuffer().setLength(0);
        Path corpus = corpus("""
                {"id": "kpop", "topics": ["north-korea"], "text": "%s"}
                {"id": "sma", "topics": ["alliance", "defense-cost"], "text": "%s"}
                """.formatted(KPOP, SMA));

        int exit = run("rules", "eval", "--rules", rules.toString(), "--against", bundled.toString(), "--format", "json",
                corpus.toString());

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("dispatches").asInt()).isEqualTo(2);
        assertThat(json.at("/against/fixed").toString()).isEqualTo("[\"kpop\"]");
        assertThat(json.at("/against/broken").toString()).isEqualTo("[\"sma\"]");
        assertThat(json.at("/subjects/0/subject").asText()).isEqualTo("north-korea");
        assertThat(json.at("/subjects/0/f1").asDouble()).isEqualTo(1.0);
    }

    @Test
    void shouldReadRawBytesAndSayWhatALineLacks() throws IOException {
        String base64 = Base64.getEncoder().encodeToString(KPOP.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8));
        Path good = corpus("{\"id\": \"raw\", \"topics\": [], \"text_base64\": \"" + base64 + "\"}\n");
        assertThat(run("rules", "eval", good.toString())).isZero();
        assertThat(out.toString()).contains("misrouted: 0");

        Path bad = corpus("{\"id\": \"x\", \"text\": \"y\"}\n");
        assertThat(run("rules", "eval", bad.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(":1: no \"topics\" array");
    }

    private Path corpus(String lines) throws IOException {
        Path file = Files.createTempFile(dir, "corpus", ".jsonl");
        Files.writeString(file, lines);
        return file;
    }

    private int run(String... args) {
        CommandLine line = WirestreamCommand.newCommandLine().setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        return line.execute(args);
    }
}
