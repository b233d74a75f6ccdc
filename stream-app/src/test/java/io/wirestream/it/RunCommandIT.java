package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.embedded.Ports;
import io.wirestream.registry.AvroDeserializer;
import io.wirestream.registry.RegistryConfig;
import io.wirestream.schema.Dispatch;
import io.wirestream.testing.WirestreamProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The README's main command as a user runs it: {@code java -jar wirestream.jar run --demo}, a separate process
 * with its embedded broker and registry. It must route the samples and print the summary, let another client
 * read its topics while it is up, and stop cleanly on SIGTERM.
 */
class RunCommandIT {

    @Test
    void shouldRouteTheSamplesServeOtherClientsAndStopCleanly() throws Exception {
        Path data = Files.createTempDirectory("wirestream-run-it");
        int kafkaPort = Ports.freePort();
        int registryPort = Ports.freePort();
        try (WirestreamProcess app = WirestreamProcess.start("run", "--demo", "--data-dir", data.toString(),
                "--kafka-port", Integer.toString(kafkaPort), "--registry-port", Integer.toString(registryPort),
                "--dashboard-port", Integer.toString(Ports.freePort()))) {
            String output = app.awaitStdout("Ctrl-C to stop.", Duration.ofMinutes(3));
            assertThat(output).contains("Kafka:           127.0.0.1:" + kafkaPort + " (embedded)")
                    .contains("schema registry: http://127.0.0.1:" + registryPort + "/apis/ccompat/v7 (embedded)")
                    .contains("fed 27 sample dispatches to raw-feed");
            assertThat(output).containsPattern("alliance\\s+(\\d+)\\s+\\1")
                    .containsPattern("unrouted\\s+(\\d+)\\s+\\1")
                    .containsPattern("raw-feed\\.dlq\\s+2\\s+2");

            // Another client, like kafka-console-consumer, reads the embedded broker while wirestream runs.
            List<Dispatch> read = readAlliance(kafkaPort, registryPort);
            assertThat(read).isNotEmpty().allSatisfy(d -> assertThat(d.getRouting().getSubjects()).contains("alliance"));

            assertThat(app.stop()).as("exit code on SIGTERM, within a minute").isEqualTo(143);
            assertThat(app.stderr()).doesNotContain("Exception in thread");
        }
        assertThat(Files.exists(data.resolve("kafka").resolve("meta.properties"))).isTrue();
    }

    private static List<Dispatch> readAlliance(int kafkaPort, int registryPort) {
        AvroDeserializer<Dispatch> values = new AvroDeserializer<>(Dispatch.class);
        values.configure(Map.of(RegistryConfig.URL, "http://127.0.0.1:" + registryPort + "/apis/ccompat/v7"), false);
        List<Dispatch> read = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort,
                ConsumerConfig.GROUP_ID_CONFIG, "console-like",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("alliance"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    read.add(values.deserialize(record.topic(), record.value()));
                }
            }
        }
        return read;
    }
}
