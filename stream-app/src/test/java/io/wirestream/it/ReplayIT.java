package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.classify.Classification;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RulesLoader;
import io.wirestream.config.ConfigLoader;
import io.wirestream.config.Setting;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.registry.AvroDeserializer;
import io.wirestream.registry.RegistryConfig;
import io.wirestream.replay.Rate;
import io.wirestream.replay.Replayer;
import io.wirestream.runtime.StreamsRunner;
import io.wirestream.runtime.Topics;
import io.wirestream.schema.Dispatch;
import io.wirestream.testing.RealServices;
import io.wirestream.topology.Collaborators;
import io.wirestream.topology.DeadLetterHeaders;
import io.wirestream.topology.RoutingConfig;
import io.wirestream.topology.TopicConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays a generated archive of 20,000 dispatches over two years (gzipped and plain JSON lines, a few bad ones)
 * into the real broker: every dispatch is routed once with its original time, a second replay adds nothing
 * routed, and the bad ones are dead-lettered with their reasons.
 */
class ReplayIT {

    private static final int DISPATCHES = 20_000;
    private static final int BAD = 12;
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final RuleClassifier CLASSIFIER = new RuleClassifier(RulesLoader.loadDefault());
    private static final String[] TEMPLATES = {
        "N. Korea fires ballistic missile %d into East Sea: JCS|North Korea fired a ballistic missile into the East Sea, the Joint Chiefs of Staff said. The North's launch was its %d-th this year, Pyongyang's state media said.",
        "S. Korea, U.S. stage combined air drills, round %d|South Korea and the United States staged combined air drills, the allies said, in round %d of the exercise.",
        "K-pop group's album %d tops chart|A K-pop group's album topped the chart in week %d, its agency said.",
        "Gov't proposes defense budget plan %d|The government proposed a defense budget of %d trillion won for next year, the defense ministry said."};

    private static RealServices services;
    private static StreamsRunner runner;
    private static WirestreamConfig settings;
    private static final Map<String, Set<String>> EXPECTED_TOPICS = new HashMap<>();
    private static final Map<String, Instant> EXPECTED_TIME = new HashMap<>();
    private static Replayer.Summary first;
    private static Replayer.Summary second;
    private static long duplicatesAfterSecond;
    private static final List<ConsumerRecord<byte[], byte[]>> OUTPUTS = new ArrayList<>();

    @BeforeAll
    static void replayTwice() throws Exception {
        services = RealServices.start();
        Map<Setting, String> cli = new EnumMap<>(Setting.class);
        cli.put(Setting.BOOTSTRAP_SERVERS, services.bootstrapServers());
        cli.put(Setting.SCHEMA_REGISTRY_URL, services.registryUrl());
        cli.put(Setting.APPLICATION_ID, "replay-it");
        cli.put(Setting.DATA_DIR, services.dir().resolve("app").toString());
        settings = ConfigLoader.load(Map.of(), Map.of(), cli);
        Topics.ensure(settings.kafkaClientConfig(), TopicConfig.DEFAULTS.all(CLASSIFIER.ruleSet()), 3);
        runner = StreamsRunner.start(settings, RoutingConfig.of(settings).withTopics(TopicConfig.DEFAULTS),
                Collaborators.of(settings, CLASSIFIER));
        assertThat(runner.awaitRunning(Duration.ofSeconds(120))).isTrue();

        Path archive = writeArchive(services.dir().resolve("archive"));
        Replayer replayer = new Replayer(new Replayer.Options("raw-feed", Rate.MAX, null, null, null, false, 1 << 20, null));
        PrintWriter quiet = new PrintWriter(new StringWriter());
        first = replayer.run(List.of(archive), null, settings.kafkaClientConfig(), quiet, false);
        long expectedRecords = EXPECTED_TOPICS.values().stream().mapToLong(Set::size).sum() + BAD;
        consume(expectedRecords);
        second = new Replayer(new Replayer.Options("raw-feed", Rate.MAX, null, null, null, false, 1 << 20, null))
                .run(List.of(archive), null, settings.kafkaClientConfig(), quiet, false);
        awaitDuplicates(DISPATCHES);
        consume(expectedRecords + BAD);
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    void shouldRouteEveryDispatchOnceWithItsOriginalTime() {
        assertThat(first.read()).isEqualTo(DISPATCHES + BAD);
        assertThat(first.sent()).isEqualTo(DISPATCHES + BAD);
        assertThat(first.unparseable()).isEqualTo(BAD);
        AvroDeserializer<Dispatch> values = new AvroDeserializer<>(Dispatch.class);
        values.configure(Map.of(RegistryConfig.URL, services.registryUrl()), false);
        Map<String, Set<String>> actual = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : OUTPUTS) {
            if (record.topic().equals("raw-feed.dlq")) {
                continue;
            }
            Dispatch dispatch = values.deserialize(record.topic(), record.value());
            assertThat(actual.computeIfAbsent(dispatch.getHeadline(), h -> new TreeSet<>()).add(record.topic()))
                    .as("%s routed to %s twice", dispatch.getHeadline(), record.topic()).isTrue();
            assertThat(Instant.ofEpochMilli(record.timestamp())).as(dispatch.getHeadline())
                    .isEqualTo(EXPECTED_TIME.get(dispatch.getHeadline()));
        }
        assertThat(actual).isEqualTo(EXPECTED_TOPICS);
    }

    @Test
    void shouldRouteNothingMoreWhenTheSameArchiveIsReplayedAgain() {
        assertThat(second.sent()).isEqualTo(DISPATCHES + BAD);
        assertThat(duplicatesAfterSecond).isEqualTo(DISPATCHES);
        long routed = OUTPUTS.stream().filter(r -> !r.topic().equals("raw-feed.dlq")).count();
        assertThat(routed).isEqualTo(EXPECTED_TOPICS.values().stream().mapToLong(Set::size).sum());
    }

    @Test
    void shouldDeadLetterTheBadOnesWithReasonsEachTime() {
        List<String> reasons = OUTPUTS.stream().filter(r -> r.topic().equals("raw-feed.dlq"))
                .map(r -> new String(r.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .toList();
        assertThat(reasons).hasSize(2 * BAD).containsOnly("EMPTY", "INVALID_UTF8", "NO_BODY");
    }

    private static Path writeArchive(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        DispatchParser parser = new DispatchParser();
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM", Locale.ROOT);
        List<List<String>> files = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        LocalDate start = LocalDate.of(2023, 1, 1);
        for (int i = 0; i < DISPATCHES; i++) {
            LocalDate date = start.plusDays(i % 730);
            String[] template = TEMPLATES[i % TEMPLATES.length].split("\\|");
            String headline = String.format(Locale.ROOT, template[0], i);
            String text = headline + "\nSEOUL, " + month.format(date) + ". " + date.getDayOfMonth() + " (Yonhap) -- "
                    + String.format(Locale.ROOT, template[1], i) + "\nwire@yna.co.kr\n(END)";
            Instant received = date.plusDays(3).atTime(9, 0).atZone(SEOUL).toInstant();
            Map<String, Object> line = Map.of("id", "g" + i, "text", text, "received_at", received.toString());
            files.get(i % 4).add(json.writeValueAsString(line));
            Dispatch dispatch = ((ParseResult.Parsed) parser.parse(RawDispatch.of(text.getBytes(StandardCharsets.UTF_8),
                    received))).dispatch();
            EXPECTED_TIME.put(headline, date.atStartOfDay(SEOUL).toInstant());
            Classification decision = CLASSIFIER.classify(dispatch);
            Set<String> topics = new TreeSet<>();
            decision.routed().forEach(s -> topics.add(s.subject().topic()));
            EXPECTED_TOPICS.put(headline, topics.isEmpty() ? Set.of("unrouted") : topics);
        }
        for (int b = 0; b < BAD; b++) {
            Map<String, Object> bad = switch (b % 3) {
                case 0 -> Map.of("id", "bad" + b, "text", "");
                case 1 -> Map.of("id", "bad" + b, "text_base64", "SGVhZGxpbmUKkiBieXRlcwo=");
                default -> Map.of("id", "bad" + b, "text", "Headline only " + b);
            };
            files.get(b % 4).add(json.writeValueAsString(bad));
        }
        for (int f = 0; f < 4; f++) {
            String content = String.join("\n", files.get(f)) + "\n";
            if (f % 2 == 0) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("feed-" + f + ".jsonl.gz")))) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                }
            } else {
                Files.writeString(dir.resolve("feed-" + f + ".jsonl"), content);
            }
        }
        return dir;
    }

    private static void awaitDuplicates(long expected) {
        // Polls the counter: the duplicates leave no record to wait for.
        await("the second replay's duplicates counted").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> runner.duplicates() >= expected);
        duplicatesAfterSecond = runner.duplicates();
    }

    /** Reads outputs until {@code total} records arrived, then a little longer for any that should not. */
    private static void consume(long total) {
        Map<String, Object> config = new HashMap<>(settings.kafkaClientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "replay-it-check");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("alliance", "defense-cost", "north-korea", "unrouted", "raw-feed.dlq"));
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                consumer.poll(Duration.ofMillis(500)).forEach(OUTPUTS::add);
                if (OUTPUTS.size() >= total && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
            consumer.commitSync();
        }
    }
}
