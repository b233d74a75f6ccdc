package io.wirestream.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.config.Secret;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.metrics.Metrics;
import io.wirestream.registry.AvroSerdes;
import io.wirestream.registry.InMemorySchemaRegistry;
import io.wirestream.registry.RegistryConfig;
import io.wirestream.schema.Alert;
import io.wirestream.schema.AlertRule;
import io.wirestream.schema.Dispatch;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JSON the page reads, field for field, against golden files under {@code web/api-json}: the snapshot with
 * every kind of item, the live events, info, counts, rules, health and errors. The golden files were written by
 * the hand-built JSON this API started with (Jackson's generator and a StringBuilder), before the API's bodies
 * became records mapped by Jackson; {@code seenAt} (the wall clock) and the minutes of the counts are the only
 * values set to placeholders. Key order is compared too.
 */
class ApiJsonShapeTest {

    private static final String SCOPE = "api-json-shape-test";
    private static final Map<String, Object> NO_BROKER = Map.of("bootstrap.servers", "127.0.0.1:9");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final long TIMESTAMP = 1_732_842_123_456L;
    private final AvroSerdes serdes = new AvroSerdes(Map.of(RegistryConfig.URL, "mock://" + SCOPE));
    private final HttpClient http = HttpClient.newHttpClient();
    private final FeedState feed = new FeedState(columns());
    private final FeedReader reader = new FeedReader(NO_BROKER, feed, "raw-feed.dlq", "alerts", "alert-rules",
            serdes);
    private AlertRuleService rules;
    private DashboardServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (rules != null) {
            rules.close();
        }
        reader.close();
        InMemorySchemaRegistry.drop(SCOPE);
    }

    @Test
    void shouldRenderTheSnapshotAndEventsAsThePageReadsThem() throws Exception {
        feed.caughtUp();
        List<String> events = new ArrayList<>();
        feed.subscribe(event -> events.add("{\"event\":\"" + event.name() + "\",\"data\":" + event.json() + "}"));
        records().forEach(reader::take);

        assertGolden("snapshot.json", ApiJson.write(feed.snapshot()));
        assertGolden("events.json", "[" + String.join(",", events) + "]");
    }

    @Test
    void shouldRenderInfoCountsRulesStatusAndErrorsAsThePageReadsThem() throws Exception {
        records().forEach(reader::take);
        rules = new AlertRuleService(NO_BROKER, "alert-rules", serdes.valueSerde(AlertRule.class).serializer(),
                Set.of("north-korea"), feed, null);
        server = new DashboardServer(new WirestreamConfig.Dashboard(true, "127.0.0.1", 0, Secret.of("the-token"),
                Set.of(), 100), "wirestream-shape", backend(), new Metrics(), feed, rules).start();
        String base = server.url();

        assertGolden("info.json", get(base + "api/info"));
        assertGolden("counts.json", get(base + "api/counts?minutes=3"));
        assertGolden("rules.json", get(base + "api/alert-rules"));
        assertGolden("health.json", get(base + "health"));
        assertGolden("ready.json", get(base + "ready"));
        assertGolden("not-found.json", get(base + "api/nothing"));
    }

    /** The JSON with the wall clock's values replaced, so that it can be compared; key order is kept. */
    static String normalized(String json) throws IOException {
        JsonNode tree = MAPPER.readTree(json);
        placeholders(tree);
        return MAPPER.writeValueAsString(tree);
    }

    private static void placeholders(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("seenAt")) {
                assertThat(object.get("seenAt").isIntegralNumber()).as("seenAt is epoch milliseconds").isTrue();
                object.put("seenAt", 0);
            }
            if (object.get("minutes") instanceof ArrayNode minutes) {
                for (int i = 0; i < minutes.size(); i++) {
                    assertThat(Instant.parse(minutes.get(i).asText()).getEpochSecond() % 60).isZero();
                    minutes.set(i, "minute " + i);
                }
            }
            object.forEach(ApiJsonShapeTest::placeholders);
        } else if (node instanceof ArrayNode array) {
            array.forEach(ApiJsonShapeTest::placeholders);
        }
    }

    private static void assertGolden(String name, String json) throws IOException {
        try (InputStream in = ApiJsonShapeTest.class.getResourceAsStream("/web/api-json/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(normalized(json)).as(name).isEqualTo(expected);
        }
    }

    private static List<Column> columns() {
        return List.of(new Column("north-korea", "North Korea", "north-korea", "Missiles, \"talks\""),
                new Column("unrouted", "Unrouted", "unrouted", "Dispatches no subject claimed"),
                new Column("dead-letters", "Dead letters", "raw-feed.dlq", "Input that is not a dispatch"));
    }

    private List<ConsumerRecord<byte[], byte[]>> records() {
        return List.of(
                record("alert-rules", 0, 0, ApiFixtures.anyRule().getId(),
                        serdes.valueSerde(AlertRule.class).serializer().serialize("alert-rules", ApiFixtures.anyRule()),
                        new RecordHeaders()),
                record("alert-rules", 0, 1, ApiFixtures.subjectRule().getId(), serdes.valueSerde(AlertRule.class)
                        .serializer().serialize("alert-rules", ApiFixtures.subjectRule()), new RecordHeaders()),
                record("north-korea", 0, 12, null, serdes.valueSerde(Dispatch.class).serializer()
                        .serialize("north-korea", ApiFixtures.routed()), new RecordHeaders()),
                record("unrouted", 1, 3, null, serdes.valueSerde(Dispatch.class).serializer()
                        .serialize("unrouted", ApiFixtures.bare()), new RecordHeaders()),
                record("raw-feed.dlq", 0, 5, null, ApiFixtures.deadLetterValue(), ApiFixtures.deadLetterHeaders()),
                record("raw-feed.dlq", 0, 6, null, null, new RecordHeaders()),
                record("alerts", 0, 9, "missiles-3f2a9c", serdes.valueSerde(Alert.class).serializer()
                        .serialize("alerts", ApiFixtures.alert()), new RecordHeaders()),
                record("alert-rules", 0, 2, ApiFixtures.subjectRule().getId(), null, new RecordHeaders()));
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset, String key,
            byte[] value, Headers headers) {
        return new ConsumerRecord<>(topic, partition, offset, TIMESTAMP + offset, TimestampType.CREATE_TIME, -1, -1,
                key == null ? null : ApiFixtures.utf8(key), value, headers, Optional.empty());
    }

    private static DashboardServer.Backend backend() {
        return ApiFixtures.backend(() -> false, (from, to) -> Map.of("north-korea", Map.of(to, 4L, from, 1L),
                "raw-feed.dlq", Map.of(to, 2L)));
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
