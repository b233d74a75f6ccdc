package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.registry.AvroDeserializer;
import io.wirestream.registry.RegistryConfig;
import io.wirestream.schema.Dispatch;
import io.wirestream.testing.KoreanCorpus;
import io.wirestream.testing.Outcomes;
import io.wirestream.testing.RealServices;
import io.wirestream.testing.TracedInputs;
import io.wirestream.testing.WirestreamProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Yonhap's Korean and English services in one pipeline: {@code wirestream run} on a real broker and registry, fed
 * the labelled Korean corpus's tuning part mixed with English dispatches and a few unreadable records. Each record
 * reaches exactly its topics, once each; each Korean dispatch reaches the topics of its labels; Korean text comes
 * out of the registry's Avro as it went in.
 */
class KoreanRoutingIT {

    private static final String APPLICATION_ID = "korean-it";
    private static final int ENGLISH = 80;

    @Test
    void shouldRouteKoreanAndEnglishDispatchesExactlyOnceEach() throws Exception {
        try (RealServices services = RealServices.start();
                WirestreamProcess app = WirestreamProcess.start("run", "--dashboard-port", "0",
                        "--bootstrap-servers", services.bootstrapServers(),
                        "--schema-registry-url", services.registryUrl(), "--application-id", APPLICATION_ID,
                        "--data-dir", services.dir().resolve("app").toString())) {
            // Given the application running, and the Korean dispatches with their labels as the topics they need
            app.awaitStdout("Ctrl-C to stop.", Duration.ofMinutes(2));
            Map<String, Object> client = Map.of("bootstrap.servers", services.bootstrapServers());
            List<TracedInputs.Input> inputs = new ArrayList<>();
            Map<String, List<String>> labelled = new TreeMap<>();
            for (JsonNode entry : KoreanCorpus.entries(KoreanCorpus.TUNING)) {
                String trace = "k-" + entry.get("id").asText();
                TracedInputs.Input input = TracedInputs.predict(trace, null,
                        entry.get("text").asText().getBytes(StandardCharsets.UTF_8),
                        Instant.parse(entry.get("received_at").asText()).toEpochMilli(), List.of());
                inputs.add(input);
                labelled.put(trace, topics(entry));
            }
            List<TracedInputs.Input> english = TracedInputs.wireFeed("k-en-", ENGLISH);
            for (int i = 0; i < english.size(); i++) {
                inputs.add(Math.min(inputs.size(), i * 2), english.get(i));
            }
            Map<String, List<String>> predicted = new TreeMap<>();
            inputs.stream().filter(i -> labelled.containsKey(i.trace()))
                    .forEach(i -> predicted.put(i.trace(), i.expected()));
            assertThat(predicted).as("the rules route every Korean dispatch of the tuning part as labelled")
                    .isEqualTo(labelled);

            // When they are fed to the input topic, interleaved
            TracedInputs.produce(client, TracedInputs.TOPICS.input(), inputs);

            // Then every record reached exactly its topics, once each, and nothing else arrived
            long expected = inputs.stream().mapToLong(i -> i.expected().size()).sum();
            Outcomes outcomes = Outcomes.read(client, "k-", expected, Duration.ofMinutes(3));
            outcomes.assertExactly(inputs);
            assertThat(inputs).as("the mix holds dead letters too")
                    .anySatisfy(i -> assertThat(i.expected()).contains(TracedInputs.TOPICS.deadLetter()));

            // And a Korean dispatch decodes from its topic with its headline and language as sent
            AvroDeserializer<Dispatch> values = new AvroDeserializer<>(Dispatch.class);
            values.configure(Map.of(RegistryConfig.URL, services.registryUrl()), false);
            ConsumerRecord<byte[], byte[]> launch = outcomes.of("k-ko-001").get(0);
            Dispatch dispatch = values.deserialize(launch.topic(), launch.value());
            assertThat(launch.topic()).isEqualTo("north-korea");
            assertThat(dispatch.getHeadline()).isEqualTo("北 \"첫 수소탄 시험 성공\" 발표…4차 핵실험 감행");
            assertThat(dispatch.getLanguage()).isEqualTo("ko");

            assertThat(app.stop()).as("exit code on SIGTERM").isEqualTo(143);
            assertThat(app.stderr()).doesNotContain("Exception in thread");
        }
    }

    /** The topics a labelled entry must reach: its subjects' (named alike here), or the unrouted topic. */
    private static List<String> topics(JsonNode entry) {
        List<String> topics = new ArrayList<>();
        entry.get("topics").forEach(t -> topics.add(t.asText()));
        if (topics.isEmpty()) {
            topics.add(TracedInputs.TOPICS.unrouted());
        }
        return topics.stream().sorted().toList();
    }
}
