package io.wirestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RulesLoader;
import io.wirestream.registry.RegistryConfig;
import io.wirestream.topology.TopicConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A schema registry that does not answer must stop the pipeline with a clear message and lose nothing: started
 * again with the registry back, wirestream routes the waiting dispatch exactly once.
 */
class RegistryOutageIT {

    private static final String STORY = """
            N. Korea fires ballistic missile into East Sea: JCS
            SEOUL, March 10 (Yonhap) -- North Korea fired a ballistic missile into the East Sea on Monday, the Joint Chiefs of Staff said. The North's launch came as Pyongyang stepped up its protests.
            (END)
            """;
    private static RealServices services;
    private static final RuleClassifier CLASSIFIER = new RuleClassifier(RulesLoader.loadDefault());

    @BeforeAll
    static void start() throws Exception {
        services = RealServices.start();
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void shouldStopClearlyWhileTheRegistryIsAwayAndResumeWithoutLoss() throws Exception {
        Settings unreachable = settings("http://127.0.0.1:" + RealServices.freePort() + "/apis/ccompat/v7");
        Topics.ensure(StreamsRunner.clientConfig(unreachable), TopicConfig.DEFAULTS.all(CLASSIFIER.ruleSet()), 1);
        produce(unreachable);

        try (StreamsRunner down = StreamsRunner.start(unreachable, TopicConfig.DEFAULTS, CLASSIFIER)) {
            down.awaitStop();
            assertThat(down.failure()).isNotNull();
            assertThat(StreamsRunner.rootMessage(down.failure())).contains("did not answer").contains("schema registry");
        }
        assertThat(read(unreachable, Duration.ofSeconds(2))).isEmpty();

        Settings back = settings(services.registryUrl());
        try (StreamsRunner up = StreamsRunner.start(back, TopicConfig.DEFAULTS, CLASSIFIER)) {
            assertThat(up.awaitRunning(Duration.ofSeconds(60))).isTrue();
            List<ConsumerRecord<byte[], byte[]>> routed = read(back, Duration.ofSeconds(30));
            assertThat(routed).hasSize(1);
            assertThat(read(back, Duration.ofSeconds(3))).as("nothing more arrives").isEmpty();
        }
    }

    private static Settings settings(String registryUrl) throws Exception {
        Map<String, String> cli = new HashMap<>();
        cli.put(Settings.BOOTSTRAP_SERVERS, services.bootstrapServers());
        cli.put(Settings.SCHEMA_REGISTRY_URL, registryUrl);
        cli.put(Settings.APPLICATION_ID, "outage-it");
        cli.put(Settings.DATA_DIR, services.dir().resolve("app").toString());
        java.nio.file.Path file = services.dir().resolve("outage.properties");
        // A short session, so the restarted instance need not wait 45 s for the failed one's to expire.
        java.nio.file.Files.writeString(file, RegistryConfig.RETRY_TIMEOUT_MS + "=2000\nkafka.session.timeout.ms=6000\n");
        return Settings.resolve(file, Map.of(), cli);
    }

    private static void produce(Settings settings) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(StreamsRunner.clientConfig(settings),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("raw-feed", STORY.getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }
    }

    private static final Map<String, Object> GROUP = Map.of(ConsumerConfig.GROUP_ID_CONFIG, "outage-check",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");

    /** What arrives on north-korea within {@code wait}, continuing from what was read before. */
    private static List<ConsumerRecord<byte[], byte[]>> read(Settings settings, Duration wait) {
        Map<String, Object> config = new HashMap<>(StreamsRunner.clientConfig(settings));
        config.putAll(GROUP);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("north-korea"));
            long deadline = System.nanoTime() + wait.toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
            consumer.commitSync();
        }
        return records;
    }
}
