package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
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

/** {@code wirestream parse} end to end: inputs in, one JSON line per dispatch out, summary and exit code. */
class ParseCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORY = """
            (LEAD) S. Korea to expand trilateral drills with U.S., Japan
            By Kim Eun-jung
            SEOUL, Aug. 21 (Yonhap) -- South Korea will expand trilateral exercises with the United States and Japan, officials said Monday.
            ejkim@yna.co.kr
            (END)
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldPrintOneLinePerDispatchFromFilesJsonLinesAndDirectories() throws IOException {
        Files.writeString(dir.resolve("a.txt"), STORY);
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub/empty.txt"), new byte[0]);
        Files.writeString(dir.resolve("sub/feed.jsonl"), String.join("\n",
                "{\"id\":\"j1\",\"text\":" + JSON.writeValueAsString(STORY) + ",\"received_at\":\"2023-08-21T02:00:00Z\"}",
                "",
                "{\"id\":\"j2\",\"text_base64\":\"SGk/kgo=\"}",
                "not json at all",
                "{\"id\":\"j4\"}"));
        Files.writeString(dir.resolve("ignored.md"), "not a dispatch file");

        int exit = run("parse", dir.toString());

        List<JsonNode> lines = lines();
        assertThat(lines).extracting(line -> line.get("status").asText())
                .containsExactly("parsed", "dead-letter", "parsed", "dead-letter", "dead-letter", "dead-letter");
        assertThat(lines.get(0).get("headline").asText()).isEqualTo("S. Korea to expand trilateral drills with U.S., Japan");
        assertThat(lines.get(0).get("id").asText()).isEqualTo(lines.get(0).get("contentId").asText());
        assertThat(lines.get(1).get("reason").asText()).isEqualTo("EMPTY");
        assertThat(lines.get(2).get("id").asText()).isEqualTo("j1");
        assertThat(lines.get(2).get("dateline").get("date").asText()).isEqualTo("2023-08-21");
        assertThat(lines.get(2).get("origin").asText()).endsWith("feed.jsonl:1");
        assertThat(lines.get(3).get("id").asText()).isEqualTo("j2");
        assertThat(lines.get(3).get("reason").asText()).isEqualTo("INVALID_UTF8");
        assertThat(lines.get(4).get("reason").asText()).isEqualTo("UNREADABLE_INPUT");
        assertThat(lines.get(4).get("origin").asText()).endsWith("feed.jsonl:4");
        assertThat(lines.get(5).get("id").asText()).isEqualTo("j4");
        assertThat(lines.get(5).get("message").asText()).contains("no string field text");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("6 read, 2 parsed, 4 dead-lettered")
                .contains("EMPTY 1").contains("INVALID_UTF8 1").contains("UNREADABLE_INPUT 2");
    }

    @Test
    void shouldReadEveryFormatInADirectoryAndEachItemOfAFeedAsItsOwnLine() throws IOException {
        Files.writeString(dir.resolve("a.txt"), STORY);
        Files.writeString(dir.resolve("feed.rss"), """
                <rss version="2.0"><channel><title>Wire</title>
                <item><title>First story</title><guid>g-1</guid><description>SEOUL, Aug. 21 (Yonhap) -- One.</description></item>
                <item><title>Second story</title><guid>g-2</guid><description>SEOUL, Aug. 21 (Yonhap) -- Two.</description></item>
                </channel></rss>
                """);
        Files.writeString(dir.resolve("item.json"), """
                {"uri": "urn:example:1", "headline": "Third story", "body_text": "SEOUL, Aug. 21 (Yonhap) -- Three."}
                """);

        int exit = run("parse", dir.toString());

        List<JsonNode> lines = lines();
        assertThat(exit).isZero();
        assertThat(lines).extracting(line -> line.get("format").asText())
                .containsExactly("yonhap-text", "rss", "rss", "ninjs");
        assertThat(lines).extracting(line -> line.get("origin").asText()).containsExactly(
                dir.resolve("a.txt").toString(), dir.resolve("feed.rss") + "#1", dir.resolve("feed.rss") + "#2",
                dir.resolve("item.json").toString());
        assertThat(lines.get(2).get("guid").asText()).isEqualTo("g-2");
        assertThat(lines.get(3).get("headline").asText()).isEqualTo("Third story");
    }

    @Test
    void shouldReadAsTheFormatItIsToldAndRefuseAFormatItDoesNotKnow() throws IOException {
        Files.writeString(dir.resolve("a.txt"), STORY);

        assertThat(run("parse", "--format", "ninjs", dir.resolve("a.txt").toString())).isZero();
        assertThat(lines()).singleElement().satisfies(line ->
                assertThat(line.get("reason").asText()).isEqualTo("MALFORMED_JSON"));
        assertThat(run("parse", "--format", "newsml", dir.resolve("a.txt").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--format must be one of yonhap-text, iptc7901");
    }

    @Test
    void shouldUseTheGivenReceivedTimeForTheDatelineYear() throws IOException {
        Files.writeString(dir.resolve("a.txt"), STORY);
        int exit = run("parse", "--received-at", "2019-08-22T09:00:00+09:00", dir.resolve("a.txt").toString());
        JsonNode line = lines().get(0);
        assertThat(exit).isZero();
        assertThat(line.get("dateline").get("date").asText()).isEqualTo("2019-08-21");
        assertThat(line.get("receivedAt").asText()).isEqualTo("2019-08-22T00:00:00Z");
    }

    @Test
    void shouldReadOneDispatchFromStdin() {
        CommandLine cmd = commandLine();
        ParseCommand parse = cmd.getSubcommands().get("parse").getCommand();
        parse.inputs.stdin = new ByteArrayInputStream(STORY.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        int exit = cmd.execute("parse");
        assertThat(exit).isZero();
        assertThat(lines()).singleElement().satisfies(line -> {
            assertThat(line.get("status").asText()).isEqualTo("parsed");
            assertThat(line.get("origin").asText()).isEqualTo("stdin");
            assertThat(line.get("emails").get(0).asText()).isEqualTo("ejkim@yna.co.kr");
        });
    }

    @Test
    void shouldHonourTheSizeLimitOption() throws IOException {
        Files.writeString(dir.resolve("a.txt"), STORY);
        run("parse", "--max-bytes", "100", dir.resolve("a.txt").toString());
        assertThat(lines().get(0).get("reason").asText()).isEqualTo("TOO_LARGE");
    }

    @Test
    void shouldRefuseABadDateWithAnExplanation() {
        int exit = run("parse", "--received-at", "yesterday");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("'yesterday' is not a date-time");
    }

    @Test
    void shouldReportAMissingFileAsUnreadable() {
        int exit = run("parse", dir.resolve("missing.txt").toString());
        assertThat(exit).isEqualTo(1);
        assertThat(lines().get(0).get("reason").asText()).isEqualTo("UNREADABLE_INPUT");
    }

    @Test
    void shouldDocumentInputsAndOutputsInHelp() {
        int exit = run("parse", "--help");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains(".jsonl", "text_base64", "--max-bytes", "--received-at", "dead-letter");
    }

    private int run(String... args) {
        return commandLine().execute(args);
    }

    private CommandLine commandLine() {
        CommandLine cmd = WirestreamCommand.newCommandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd;
    }

    private List<JsonNode> lines() {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                try {
                    parsed.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            }
        }
        return parsed;
    }
}
