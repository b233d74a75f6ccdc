package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.cli.CommandLineAccess;
import io.wirestream.registry.AvroDeserializer;
import io.wirestream.registry.RegistryConfig;
import io.wirestream.runtime.Topics;
import io.wirestream.schema.Dispatch;
import io.wirestream.testing.RealServices;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * {@code wirestream reprocess} with a changed rules file: the history from a time on is re-routed into prefixed
 * topics by the new rules, and nothing before that time, while nothing is written to the live topics.
 */
class ReprocessIT {

    private static final Instant CUT = Instant.parse("2024-06-01T00:00:00Z");
    private static RealServices services;

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
    void shouldReRouteHistoryFromTheGivenTimeWithTheNewRulesIntoPrefixedTopics() throws Exception {
        produce("raw-feed", List.of(
                story("K-pop band tops chart in May", "SEOUL, May 20 (Yonhap) -- A K-pop band topped the chart.", "2024-05-20"),
                story("K-pop band tours Europe in June", "SEOUL, June 3 (Yonhap) -- A K-pop band began a European tour.", "2024-06-03"),
                story("N. Korea fires missile in June", "SEOUL, June 5 (Yonhap) -- North Korea fired a ballistic missile, the JCS said. The North's launch was its first in weeks.", "2024-06-05")));
        Path rules = services.dir().resolve("rules-v2.yaml");
        Files.writeString(rules, new String(getClass().getResourceAsStream("/rules/default-rules.yaml").readAllBytes(),
                StandardCharsets.UTF_8) + """

                  - id: kpop
                    topic: kpop
                    threshold: 1
                    rules:
                      - {id: kpop-word, query: '"K-pop"'}
                """);

        StringWriter out = new StringWriter();
        int exit = CommandLineAccess.execute(new PrintWriter(out, true), "reprocess", "--from", CUT.toString(),
                "--rules", rules.toString(), "--output-prefix", "v2.", "--application-id", "reprocess-it",
                "--data-dir", services.dir().resolve("reprocess").toString(),
                "--bootstrap-servers", services.bootstrapServers(), "--schema-registry-url", services.registryUrl());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("re-routing 2 records of raw-feed").contains("v2.kpop");
        Map<String, List<String>> outputs = headlines(List.of("v2.kpop", "v2.north-korea", "v2.unrouted", "v2.alliance",
                "north-korea"));
        assertThat(outputs.get("v2.kpop")).containsExactly("K-pop band tours Europe in June");
        assertThat(outputs.get("v2.north-korea")).containsExactly("N. Korea fires missile in June");
        assertThat(outputs.get("v2.unrouted")).isEmpty();
        assertThat(outputs.get("v2.alliance")).isEmpty();
        assertThat(outputs.get("north-korea")).as("the live topic").isEmpty();
    }

    private static byte[] story(String headline, String lead, String date) {
        return (headline + "\n" + lead + "\n(END)").getBytes(StandardCharsets.UTF_8);
    }

    private static void produce(String topic, List<byte[]> stories) throws Exception {
        Map<String, Object> admin = Map.of("bootstrap.servers", services.bootstrapServers());
        Topics.ensure(admin, List.of(topic), 1);
        Instant[] times = {Instant.parse("2024-05-20T03:00:00Z"), Instant.parse("2024-06-03T03:00:00Z"),
            Instant.parse("2024-06-05T03:00:00Z")};
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                services.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < stories.size(); i++) {
                producer.send(new ProducerRecord<>(topic, null, times[i].toEpochMilli(), null, stories.get(i)));
            }
        }
    }

    /** Everything the topics hold, read for a few seconds (long enough for what should not be there to show). */
    private static Map<String, List<String>> headlines(List<String> topics) {
        AvroDeserializer<Dispatch> values = new AvroDeserializer<>(Dispatch.class);
        values.configure(Map.of(RegistryConfig.URL, services.registryUrl()), false);
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", services.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reprocess-check");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, List<String>> headlines = new HashMap<>();
        topics.forEach(t -> headlines.put(t, new ArrayList<>()));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    headlines.get(record.topic()).add(values.deserialize(record.topic(), record.value()).getHeadline());
                }
            }
        }
        return headlines;
    }
}
