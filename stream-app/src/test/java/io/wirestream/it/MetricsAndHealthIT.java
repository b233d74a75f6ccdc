package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RuleSet;
import io.wirestream.classify.RulesLoader;
import io.wirestream.config.ConfigLoader;
import io.wirestream.config.Setting;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.embedded.Ports;
import io.wirestream.metrics.Metrics;
import io.wirestream.runtime.App;
import io.wirestream.runtime.StreamsRunner;
import io.wirestream.testing.RealServices;
import io.wirestream.topology.AlertBook;
import io.wirestream.topology.Collaborators;
import io.wirestream.topology.RoutingConfig;
import io.wirestream.topology.TopicConfig;
import io.wirestream.web.DashboardWiring;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The operators' side of the HTTP server, on a real broker and registry: {@code /metrics} in Prometheus' format
 * with the outcome counters moving as dispatches flow, {@code /ready} and {@code /health} following the streams'
 * state, and alert rules guarded by the dashboard token.
 */
class MetricsAndHealthIT {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static final String TOKEN = "s3cret-token-for-rules";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldCountOutcomesFollowTheStreamsStateAndGuardRulesWithTheToken() throws Exception {
        try (RealServices services = RealServices.start()) {
            Map<Setting, String> cli = new EnumMap<>(Setting.class);
            cli.put(Setting.BOOTSTRAP_SERVERS, services.bootstrapServers());
            cli.put(Setting.SCHEMA_REGISTRY_URL, services.registryUrl());
            cli.put(Setting.DATA_DIR, services.dir().resolve("data").toString());
            cli.put(Setting.DASHBOARD_PORT, Integer.toString(Ports.freePort()));
            cli.put(Setting.DASHBOARD_TOKEN, TOKEN);
            WirestreamConfig settings = ConfigLoader.load(Map.of(), Map.of(), cli);
            RuleSet rules = RulesLoader.loadDefault();
            TopicConfig topics = TopicConfig.DEFAULTS;
            App.ensureTopics(settings, topics, rules);
            AlertBook book = new AlertBook();
            try (Metrics metrics = new Metrics();
                    StreamsRunner runner = StreamsRunner.start(settings,
                            RoutingConfig.of(settings).withTopics(topics)
                                    .withAlerts(RoutingConfig.AlertTopics.of(settings.topics())).withOutputCounts(true),
                            Collaborators.of(settings, new RuleClassifier(rules)).withAlertBook(book)
                                    .withListener(metrics))) {
                metrics.bind(runner.streams());
                try (DashboardWiring web = DashboardWiring.start(settings, rules, topics, runner.streams(), metrics,
                        book)) {
                    String base = web.url();
                    await("/ready answers 200").atMost(SOON).ignoreExceptions().until(() -> get(base + "ready").statusCode() == 200);
                    assertThat(get(base + "health").statusCode()).isEqualTo(200);

                    String before = get(base + "metrics").body();
                    assertThat(before).contains("kafka_stream_").contains("jvm_memory_used_bytes");
                    assertThat(counter(before, "routed", "north-korea", "")).isZero();

                    produce(services, """
                            N. Korea fires ballistic missile into East Sea
                            SEOUL, Nov. 27 (Yonhap) -- North Korea fired a ballistic missile into the East Sea on Friday, the Joint Chiefs of Staff said.
                            (END)
                            """, """
                            K-pop group tops Billboard chart
                            SEOUL, Nov. 27 (Yonhap) -- A K-pop group topped the Billboard 200 chart for the first time, its agency said.
                            (END)
                            """, "");
                    await("the outcome counters move").atMost(SOON).ignoreExceptions().until(() -> {
                        String after = get(base + "metrics").body();
                        return counter(after, "routed", "north-korea", "") == 1
                                && counter(after, "unrouted", "", "") == 1
                                && counter(after, "dead_letter", "", "EMPTY") == 1;
                    });
                    String after = get(base + "metrics").body();
                    assertThat(after).containsPattern("wirestream_routing_latency_seconds_count 3\\b")
                            .contains("wirestream_routing_latency_seconds_bucket{le=");
                    await("the dashboard's feed has read all three outcomes back").atMost(SOON).ignoreExceptions().until(() -> get(base
                            + "metrics").body().contains("wirestream_delivery_latency_seconds_count 3"));

                    // Changing alert rules needs the token; reading them does not.
                    String rule = "{\"name\":\"Missiles\",\"query\":\"\\\"ballistic missile\\\"\"}";
                    assertThat(post(base + "api/alert-rules", rule, null).statusCode()).isEqualTo(401);
                    assertThat(post(base + "api/alert-rules", rule, "wrong").statusCode()).isEqualTo(401);
                    HttpResponse<String> created = post(base + "api/alert-rules", rule, TOKEN);
                    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                    String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                    assertThat(get(base + "api/alert-rules").body()).contains(id);
                    assertThat(delete(base + "api/alert-rules/" + id, null).statusCode()).isEqualTo(401);
                    assertThat(delete(base + "api/alert-rules/" + id, TOKEN).statusCode()).isEqualTo(204);
                    assertThat(delete(base + "api/alert-rules/" + id, TOKEN).statusCode()).isEqualTo(404);
                    assertThat(get(base + "api/alert-rules").body()).doesNotContain(id);
                    HttpResponse<String> kept = post(base + "api/alert-rules",
                            "{\"name\":\"Kept\",\"query\":\"Pyeongtaek\"}", TOKEN);
                    assertThat(kept.statusCode()).isEqualTo(201);
                    String keptId = kept.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

                    // When the streams stop, the process is no longer ready, nor healthy.
                    runner.close();
                    assertThat(get(base + "ready").statusCode()).isEqualTo(503);
                    assertThat(get(base + "health").statusCode()).isEqualTo(503);

                    // Rules outlive the process: a new one restores them from the topic before it routes. (Another
                    // application id spares the wait for the closed one's session to expire: the store is global.)
                    cli.put(Setting.APPLICATION_ID, "wirestream-restarted");
                    AlertBook restored = new AlertBook();
                    WirestreamConfig restarted = ConfigLoader.load(Map.of(), Map.of(), cli);
                    try (StreamsRunner again = StreamsRunner.start(restarted, RoutingConfig.of(restarted)
                            .withTopics(topics).withAlerts(RoutingConfig.AlertTopics.of(restarted.topics())),
                            Collaborators.of(restarted, new RuleClassifier(rules)).withAlertBook(restored))) {
                        assertThat(again.awaitRunning(SOON)).isTrue();
                        assertThat(restored.rules()).extracting(r -> r.getId()).containsExactly(keptId);
                    }
                }
            }
        }
    }

    /** The value of {@code wirestream_dispatches_total} with these tags; 0 when not there yet. */
    private static double counter(String metrics, String outcome, String subject, String reason) {
        Matcher matcher = Pattern.compile("wirestream_dispatches_total\\{outcome=\"" + outcome + "\",reason=\""
                + reason + "\",subject=\"" + subject + "\"} ([0-9.]+)").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static void produce(RealServices services, String... values) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                services.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>("raw-feed", value.getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).DELETE();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
