package io.wirestream.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.wirestream.config.ConfigLoader;
import io.wirestream.config.Setting;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.embedded.Ports;
import io.wirestream.format.Format;
import io.wirestream.kafka.TopicReader;
import io.wirestream.runtime.StreamsRunner;
import io.wirestream.runtime.Topics;
import io.wirestream.testing.Outcomes;
import io.wirestream.testing.RealServices;
import io.wirestream.testing.TracedInputs;
import io.wirestream.testing.WirestreamProcess;
import io.wirestream.topology.Collaborators;
import io.wirestream.topology.RoutingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code wirestream ingest} against a feed served on loopback and a real broker, each run a new process: every item
 * once, nothing again, a changed or new item alone, and the pipeline routing what came; and a process killed between
 * sending and committing, whose successor sends each item exactly once; and {@code run --ingest} polling inside the
 * pipeline's process. Ordered: the last one's pipeline writes to the subjects' topics, which the first reads.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestIT {

    private static final Duration RUN = Duration.ofMinutes(2);
    private static final String ETAG = "\"feed-v1\"";

    private static RealServices services;
    private static WirestreamConfig config;
    private static WireMockServer feeds;

    @BeforeAll
    static void start() throws IOException {
        services = RealServices.start();
        config = ConfigLoader.load(Map.of(), Map.of(), Map.of(
                Setting.BOOTSTRAP_SERVERS, services.bootstrapServers(),
                Setting.SCHEMA_REGISTRY_URL, services.registryUrl(),
                Setting.APPLICATION_ID, "ingest-it",
                Setting.DATA_DIR, services.dir().resolve("app").toString()));
        feeds = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        feeds.start();
    }

    @AfterAll
    static void stop() {
        if (feeds != null) {
            feeds.stop();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void shouldSendEachItemOnceAcrossProcessesThenOnlyWhatChangedAndHaveThePipelineRouteThem() throws Exception {
        Map<String, Object> client = config.kafkaClientConfig();
        Topics.ensure(client, TracedInputs.TOPICS.all(TracedInputs.CLASSIFIER.ruleSet()), 3);
        String feed = new String(fixture("rss/01-three-items.rss"), StandardCharsets.UTF_8);
        try (StreamsRunner runner = StreamsRunner.start(config,
                RoutingConfig.of(config).withTopics(TracedInputs.TOPICS),
                Collaborators.of(config, TracedInputs.CLASSIFIER))) {
            assertThat(runner.awaitRunning(Duration.ofSeconds(120))).as("streams running").isTrue();

            // Given a feed of three items with an ETag, which answers 304 to it
            feeds.stubFor(get("/wire.rss").willReturn(ok(feed).withHeader("Content-Type", "application/rss+xml")
                    .withHeader("ETag", ETAG)));
            feeds.stubFor(get("/wire.rss").withHeader("If-None-Match", equalTo(ETAG)).willReturn(status(304)));

            // When a first ingest --once runs, Then every item is sent, keyed by its guid, with its headers
            assertThat(ingestOnce("raw-feed", "ingest-it-state", "ingest-it")).contains("3 items sent");
            List<ConsumerRecord<byte[], byte[]>> first = readCommitted("raw-feed");
            assertThat(first).extracting(IngestIT::key).containsExactlyInAnyOrder("wire-2024-0109-001",
                    "wire-2024-0111-002", "wire-2024-0122-003");
            assertThat(first).allSatisfy(record -> {
                assertThat(Outcomes.header(record, "wirestream.source")).isEqualTo(feeds.baseUrl() + "/wire.rss");
                assertThat(Outcomes.header(record, Format.HEADER)).isEqualTo("rss");
                assertThat(Outcomes.header(record, "wirestream.guid")).isEqualTo(key(record));
                assertThat(Outcomes.header(record, "wirestream.fetched-at")).isNotBlank();
            });

            // When a second ingest --once runs in a new process, Then it polls conditionally and sends nothing
            assertThat(ingestOnce("raw-feed", "ingest-it-state", "ingest-it")).contains("0 items sent");
            feeds.verify(getRequestedFor(urlEqualTo("/wire.rss")).withHeader("If-None-Match", equalTo(ETAG)));
            assertThat(readCommitted("raw-feed")).hasSize(3);

            // When the feed changes (an item edited, one added, the others as they were), and a third runs
            feeds.resetAll();
            String changed = feed.replace("for eighth time", "for the eighth time").replace("</channel>",
                    "<item><title>Snow closes schools in Gangwon</title><guid>wire-2024-0123-004</guid>"
                            + "<description>CHUNCHEON -- Schools closed.</description></item>\n  </channel>");
            feeds.stubFor(get("/wire.rss").willReturn(ok(changed).withHeader("ETag", "\"feed-v2\"")));
            assertThat(ingestOnce("raw-feed", "ingest-it-state", "ingest-it")).contains("2 items sent");

            // Then only the edited and the new item are sent
            List<ConsumerRecord<byte[], byte[]>> all = readCommitted("raw-feed");
            assertThat(all).hasSize(5);
            assertThat(all.stream().filter(r -> !first.stream().anyMatch(f -> f.offset() == r.offset()
                    && f.partition() == r.partition())).map(IngestIT::key))
                    .containsExactlyInAnyOrder("wire-2024-0111-002", "wire-2024-0123-004");

            // And the pipeline routed each of the five, none dead-lettered
            long expected = 0;
            for (ConsumerRecord<byte[], byte[]> record : all) {
                TracedInputs.Input predicted = TracedInputs.predict("ingested", record.key(), record.value(),
                        record.timestamp(), List.of(record.headers().toArray()));
                assertThat(predicted.expected()).as(key(record)).doesNotContain(TracedInputs.TOPICS.deadLetter());
                expected += predicted.expected().size();
            }
            Outcomes outcomes = Outcomes.read(client, "none-", expected, RUN);
            assertThat(outcomes.count()).isEqualTo(expected).isGreaterThanOrEqualTo(5);
            assertThat(runner.failure()).isNull();
        }
    }

    @Test
    @Order(2)
    void shouldNeitherLoseNorRepeatAnItemWhenKilledBetweenSendingAndCommitting() throws Exception {
        // Given a feed of three items, and an ingest that waits a minute between sending and committing
        feeds.stubFor(get("/killed.rss").willReturn(ok(new String(fixture("rss/01-three-items.rss"),
                StandardCharsets.UTF_8))));
        String url = feeds.baseUrl() + "/killed.rss";
        try (WirestreamProcess slow = WirestreamProcess.start("ingest", "--bootstrap-servers",
                services.bootstrapServers(), "--input-topic", "raw-killed", "--state-topic", "killed-state",
                "--ingest-id", "killed", "--commit-delay", "60s", "--dashboard-port",
                Integer.toString(Ports.freePort()), url)) {
            await().atMost(RUN).until(() -> readUncommitted("raw-killed") == 3);

            // When it is killed with its transaction open
            assertThat(slow.kill()).isEqualTo(137);
        }

        // Then nothing it sent is committed
        assertThat(readCommitted("raw-killed")).isEmpty();

        // When another process starts with the same id, then another after it
        assertThat(ingestOnce("raw-killed", "killed-state", "killed")).contains("3 items sent");
        assertThat(ingestOnce("raw-killed", "killed-state", "killed")).contains("0 items sent");

        // Then each item is committed exactly once
        assertThat(readCommitted("raw-killed")).extracting(IngestIT::key).containsExactlyInAnyOrder(
                "wire-2024-0109-001", "wire-2024-0111-002", "wire-2024-0122-003");
    }

    @Test
    @Order(3)
    void shouldPollTheSourcesFileInsideThePipelinesProcessWithRunIngest() throws Exception {
        // Given a sources file naming a feed of three items
        feeds.stubFor(get("/run.rss").willReturn(ok(new String(fixture("rss/01-three-items.rss"),
                StandardCharsets.UTF_8))));
        Path sources = Files.writeString(services.dir().resolve("sources.yaml"),
                "sources:\n  - name: korea-wire\n    url: " + feeds.baseUrl() + "/run.rss\n    interval: 1m\n");
        int port = Ports.freePort();

        // When the pipeline runs with --ingest
        try (WirestreamProcess run = WirestreamProcess.start("run", "--bootstrap-servers",
                services.bootstrapServers(), "--schema-registry-url", services.registryUrl(), "--application-id",
                "ingest-run-it", "--input-topic", "raw-run", "--ingest", sources.toString(), "--ingest-state-topic",
                "run-state", "--ingest-id", "run-ingest", "--no-dashboard", "--dashboard-port",
                Integer.toString(port), "--data-dir", services.dir().resolve("run").toString())) {
            String out = run.awaitStdout("Ctrl-C to stop.", RUN);

            // Then it says so, sends the items, and shows the source's figures on /metrics
            assertThat(out).contains("ingest:          1 sources of " + sources + " (state in run-state)");
            await().atMost(RUN).pollInSameThread().until(() -> readCommitted("raw-run").size() == 3);
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(RUN).until(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body()
                    .contains("wirestream_ingest_items_sent_total{source=\"korea-wire\"} 3.0"));
            assertThat(run.stop()).as(run.stderr()).isEqualTo(143);
        }
    }

    @Test
    @Order(4)
    void shouldReadTheOtherSourcesWhenOneIsBrokenAndSaySoWithItsExitCode() throws Exception {
        // Given a good feed and a source that always fails
        feeds.stubFor(get("/good.rss").willReturn(ok(new String(fixture("rss/01-three-items.rss"),
                StandardCharsets.UTF_8))));
        feeds.stubFor(get("/broken.rss").willReturn(status(500)));

        // When both are polled once
        try (WirestreamProcess ingest = WirestreamProcess.start("ingest", "--once", "--bootstrap-servers",
                services.bootstrapServers(), "--input-topic", "raw-partly", "--state-topic", "partly-state",
                "--ingest-id", "partly", feeds.baseUrl() + "/broken.rss", feeds.baseUrl() + "/good.rss")) {

            // Then the good one's items are sent, the broken one is named with its problem, and the exit code says
            // that not every source was read
            assertThat(ingest.awaitExit(RUN)).isEqualTo(1);
            assertThat(ingest.stdout()).contains("/good.rss: 3 items sent", "/broken.rss: not read: HTTP 500");
        }
        assertThat(readCommitted("raw-partly")).hasSize(3);
    }

    @Test
    @Order(5)
    void shouldReadADropFoldersCompleteFilesOnceLeavePartialOnesAndMoveWhatWasReadToDone() throws Exception {
        // Given a drop folder with a complete feed file and a NewsML-G2 message still under its upload name
        Path drop = Files.createDirectories(services.dir().resolve("drop"));
        Path complete = settled(Files.write(drop.resolve("korea.rss"), fixture("rss/01-three-items.rss")));
        Path partial = settled(Files.write(drop.resolve("message.xml.part"),
                fixture("newsml-g2/01-message-two-items.xml")));

        // When it is polled once, Then the complete file's items are sent and the file moved to done/
        assertThat(ingestFolder(drop)).contains("3 items sent");
        assertThat(drop.resolve("done/korea.rss")).exists();
        assertThat(complete).doesNotExist();
        assertThat(partial).exists();

        // When the upload is renamed to its final name and the folder polled again
        settled(Files.move(partial, drop.resolve("message.xml")));
        assertThat(ingestFolder(drop)).contains("2 items sent");

        // Then the message's two items alone were added, each once
        List<ConsumerRecord<byte[], byte[]>> records = readCommitted("raw-drop");
        assertThat(records).hasSize(5);
        assertThat(records.stream().filter(r -> "newsml-g2".equals(Outcomes.header(r, Format.HEADER)))).hasSize(2);
        assertThat(records).allSatisfy(r -> assertThat(Outcomes.header(r, "wirestream.source"))
                .isEqualTo(drop.toString()));
    }

    /** A file as an uploader leaves it once done: untouched for longer than the settle time. */
    private static Path settled(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        return file;
    }

    private static String ingestFolder(Path drop) throws Exception {
        try (WirestreamProcess ingest = WirestreamProcess.start("ingest", "--once", "--move-done",
                "--bootstrap-servers", services.bootstrapServers(), "--input-topic", "raw-drop", "--state-topic",
                "drop-state", "--ingest-id", "drop", drop.toString())) {
            assertThat(ingest.awaitExit(RUN)).as(ingest.stderr()).isZero();
            return ingest.stdout();
        }
    }

    /** {@code ingest --once} of the feed in a new process; its standard output, once it exited 0. */
    private static String ingestOnce(String input, String state, String id) throws Exception {
        try (WirestreamProcess ingest = WirestreamProcess.start("ingest", "--once", "--bootstrap-servers",
                services.bootstrapServers(), "--input-topic", input, "--state-topic", state, "--ingest-id", id,
                feeds.baseUrl() + (input.equals("raw-feed") ? "/wire.rss" : "/killed.rss"))) {
            assertThat(ingest.awaitExit(RUN)).as(ingest.stderr()).isZero();
            return ingest.stdout();
        }
    }

    /** Every committed record of {@code topic}, read to its end. */
    private static List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (TopicReader reader = TopicReader.open(config.kafkaClientConfig(), "ingest-it-reader")) {
            Map<TopicPartition, Long> ends = reader.assign(List.of(topic), TopicReader.Position.beginning());
            await().atMost(RUN).pollInSameThread().until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(records::add);
                return reader.reached(ends);
            });
        }
        return records;
    }

    /** How many records of {@code topic} there are, committed or not. */
    private static long readUncommitted(String topic) {
        Map<String, Object> settings = new HashMap<>(config.kafkaClientConfig());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            if (!consumer.listTopics().containsKey(topic)) {
                return 0;
            }
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }

    private static byte[] fixture(String path) throws IOException {
        try (InputStream in = IngestIT.class.getResourceAsStream("/formats/" + path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
