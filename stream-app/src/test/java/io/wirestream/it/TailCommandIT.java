package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.cli.WirestreamCommand;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.embedded.EmbeddedKafka;
import io.wirestream.embedded.EmbeddedRegistry;
import io.wirestream.embedded.Ports;
import io.wirestream.registry.AvroSerializer;
import io.wirestream.registry.RegistryConfig;
import io.wirestream.schema.Dispatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code wirestream tail} on a real broker and registry: exactly the records from a time on, decoded. */
class TailCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedKafka kafka;
    private static EmbeddedRegistry registry;
    private static final Instant FIRST = Instant.parse("2024-03-01T00:00:00Z");
    private static final String KOREAN_HEADLINE = "北, 동해상으로 탄도미사일 발사…합참 \"경계태세 강화\"";
    private static final String KOREAN = KOREAN_HEADLINE + "(종합)\n"
            + "(서울=연합뉴스) 김철수 기자 = 북한이 27일 오전 동해상으로 단거리 탄도미사일 1발을 발사했다고 합동참모본부가 밝혔다.\n"
            + "합참은 \u201c한미 간 긴밀히 공조하고 있다\u201d고 말했다.\n"
            + "kcs@yna.co.kr\n(끝)\n";

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("wirestream-tail-it");
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), "127.0.0.1", Ports.freePort(), Ports.freePort());
        registry = EmbeddedRegistry.start(Path.of("target", "apicurio-registry"), "127.0.0.1", Ports.freePort(),
                dir.resolve("registry"));
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("north-korea", 3, (short) 1).configs(Map.of("retention.ms", "-1")),
                    new NewTopic("korean", 1, (short) 1).configs(Map.of("retention.ms", "-1")),
                    new NewTopic("raw-feed.dlq", 1, (short) 1).configs(Map.of("retention.ms", "-1")))).all().get();
        }
        AvroSerializer<Dispatch> values = new AvroSerializer<>();
        values.configure(Map.of(RegistryConfig.URL, registry.url()), false);
        try (KafkaProducer<String, Dispatch> producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), values)) {
            for (int day = 0; day < 20; day++) {
                Dispatch dispatch = io.wirestream.registry.AvroSerdeTestAccess.dispatch("Story of day " + day);
                producer.send(new ProducerRecord<>("north-korea", null, FIRST.plusSeconds(86_400L * day).toEpochMilli(),
                        "key-" + (day % 5), dispatch));
            }
            ParseResult korean = new DispatchParser().parse(RawDispatch.of(KOREAN.getBytes(StandardCharsets.UTF_8),
                    FIRST));
            producer.send(new ProducerRecord<>("korean", null, FIRST.toEpochMilli(), "ko",
                    ((ParseResult.Parsed) korean).dispatch()));
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("wirestream.errors.reason", "NO_BODY".getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>("raw-feed.dlq", null, FIRST.toEpochMilli(), null,
                    "Headline only".getBytes(StandardCharsets.UTF_8), headers));
        }
    }

    @AfterAll
    static void stop() {
        registry.close();
        kafka.close();
    }

    @Test
    void shouldPrintExactlyTheDispatchesFromTheGivenTime() throws IOException {
        List<JsonNode> lines = json(tail("north-korea", "--from", "2024-03-15T00:00:00Z"));
        assertThat(lines).extracting(l -> l.get("headline").asText()).containsExactlyInAnyOrder(
                "Story of day 14", "Story of day 15", "Story of day 16", "Story of day 17", "Story of day 18",
                "Story of day 19");
        assertThat(lines).allSatisfy(l -> assertThat(Instant.parse(l.get("timestamp").asText()))
                .isAfterOrEqualTo(Instant.parse("2024-03-15T00:00:00Z")));
    }

    @Test
    void shouldPrintEverythingFromTheBeginningOrTheLastTenPerPartition() throws IOException {
        assertThat(json(tail("north-korea", "--from-beginning"))).hasSize(20);
        assertThat(json(tail("north-korea"))).hasSizeLessThanOrEqualTo(20).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void shouldPrintReadableLinesAndDeadLetterReasons() {
        String text = tail("north-korea", "--from", "2024-03-20", "--format", "text");
        assertThat(text.strip()).isEqualTo("2024-03-20 00:00  Story of day 19  (north-korea)");
        String dead = tail("raw-feed.dlq", "--from-beginning", "--format", "text");
        assertThat(dead.strip()).isEqualTo("2024-03-01 00:00  [NO_BODY] Headline only");
    }

    @Test
    void shouldWriteKoreanAsUtf8WhateverThePlatformsDefaultCharset() throws IOException {
        // Given a Korean dispatch on a topic, and a standard output whose platform charset cannot encode Hangul
        // When tail prints it as text and as JSON through the command line's own writers
        String text = tailBytes("korean", "--from-beginning", "--format", "text");
        List<JsonNode> json = json(tailBytes("korean", "--from-beginning"));

        // Then the bytes are UTF-8 and the Korean comes out whole: headline, quotes and lead
        assertThat(text.strip()).isEqualTo("2024-03-01 00:00  [LEAD] " + KOREAN_HEADLINE);
        assertThat(json).singleElement().satisfies(line -> {
            assertThat(line.get("headline").asText()).isEqualTo(KOREAN_HEADLINE);
            assertThat(line.get("language").asText()).isEqualTo("ko");
            assertThat(line.toString()).contains("북한이 27일 오전 동해상으로", "\u201c한미 간 긴밀히 공조하고 있다\u201d");
        });
    }

    /** Runs tail as {@code main} does, writing to a stdout whose default charset is ASCII; decodes it as UTF-8. */
    private static String tailBytes(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("tail"));
        all.addAll(List.of(args));
        all.addAll(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url()));
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.US_ASCII));
            assertThat(WirestreamCommand.newCommandLine().execute(all.toArray(String[]::new))).isZero();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String tail(String... args) {
        StringWriter out = new StringWriter();
        List<String> all = new ArrayList<>(List.of("tail"));
        all.addAll(List.of(args));
        all.addAll(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url()));
        int exit = WirestreamCommand.newCommandLine().setOut(new PrintWriter(out, true)).execute(all.toArray(String[]::new));
        assertThat(exit).isZero();
        return out.toString();
    }

    private static List<JsonNode> json(String output) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

}
