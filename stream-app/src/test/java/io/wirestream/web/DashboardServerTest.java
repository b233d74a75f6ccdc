package io.wirestream.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.config.Secret;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.metrics.Metrics;
import io.wirestream.registry.AvroSerdes;
import io.wirestream.registry.InMemorySchemaRegistry;
import io.wirestream.registry.RegistryConfig;
import io.wirestream.schema.AlertRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server's own rules, with no broker behind it (nothing here reaches Kafka: every request below is
 * answered or refused before anything would be written): headers, methods, the Host check, the token, and the
 * refusal of bad rules with the query parser's message.
 */
class DashboardServerTest {

    private static final String SCOPE = "dashboard-server-test";
    private static final Map<String, Object> NO_BROKER = Map.of("bootstrap.servers", "127.0.0.1:9");
    private final HttpClient http = HttpClient.newHttpClient();
    private DashboardServer server;
    private FeedState feed;
    private AlertRuleService rules;
    private boolean ready;

    private final DashboardServer.Backend backend = ApiFixtures.backend(() -> ready,
            (from, to) -> Map.of("north-korea", Map.of(to, 4L)));

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (rules != null) {
            rules.close();
        }
        InMemorySchemaRegistry.drop(SCOPE);
    }

    private String start(boolean dashboard, String token) throws IOException {
        return start(dashboard, token, InetAddress.getLoopbackAddress(), Set.of());
    }

    private String start(boolean dashboard, String token, InetAddress bind, Set<String> allowedHosts)
            throws IOException {
        if (dashboard) {
            AvroSerdes serdes = new AvroSerdes(Map.of(RegistryConfig.URL, "mock://" + SCOPE));
            feed = new FeedState(List.of(new Column("north-korea", "North Korea", "north-korea", ""),
                    new Column("dead-letters", "Dead letters", "raw-feed.dlq", "")));
            rules = new AlertRuleService(NO_BROKER, "alert-rules", serdes.valueSerde(AlertRule.class).serializer(),
                    Set.of("north-korea"), feed, null);
        }
        server = new DashboardServer(new WirestreamConfig.Dashboard(dashboard, bind.getHostAddress(), 0,
                Secret.of(token), allowedHosts, 100), "wirestream", backend, new Metrics(), feed, rules).start();
        return server.url();
    }

    @Test
    void shouldServeThePageWithAStrictContentSecurityPolicy() throws Exception {
        String base = start(true, null);
        HttpResponse<String> page = get(base);
        assertThat(page.statusCode()).isEqualTo(200);
        // Jetty writes the media type in its canonical form, without the optional space before the parameter.
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "default-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).contains("/static/app.js", "/static/chart.umd.min.js").doesNotContain("<script>");
        HttpResponse<String> chart = get(base + "static/chart.umd.min.js");
        assertThat(chart.statusCode()).as("Chart.js from its WebJar, at %s", DashboardServer.CHART_JS).isEqualTo(200);
        assertThat(chart.body()).contains("Chart");
        assertThat(get(base + "static/app.js").body()).doesNotContain("innerHTML");
    }

    @Test
    void shouldServeKoreanCardsAsUtf8() throws Exception {
        // Given a Korean dispatch in the North Korea column
        String base = start(true, "s3cret");
        String text = "北, 동해상으로 탄도미사일 발사…합참 \"경계태세 강화\"(종합)\n"
                + "(서울=연합뉴스) 김철수 기자 = 북한이 27일 오전 동해상으로 탄도미사일 1발을 발사했다.\n"
                + "합참은 \u201c한미 간 긴밀히 공조하고 있다\u201d고 말했다.\nkcs@yna.co.kr\n(끝)\n";
        ParseResult parsed = new DispatchParser().parse(RawDispatch.of(text.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2024-03-27T01:00:00Z")));
        feed.add(new Item.DispatchItem("north-korea:0:7", "north-korea", 1, 2,
                DispatchBody.of(((ParseResult.Parsed) parsed).dispatch())));

        // When the page asks for the recent cards, read as bytes
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + "api/recent")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        // Then the answer says UTF-8 and its bytes are the Korean text, whole
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase("application/json;charset=utf-8"));
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("北, 동해상으로 탄도미사일 발사…합참 \\\"경계태세 강화\\\"")
                .contains("북한이 27일 오전 동해상으로", "\u201c한미 간 긴밀히 공조하고 있다\u201d", "\"language\":\"ko\"");
    }

    @Test
    void shouldFollowTheBackendForReadinessAndServeCountsByColumn() throws Exception {
        String base = start(true, null);
        assertThat(get(base + "ready").statusCode()).isEqualTo(503);
        ready = true;
        assertThat(get(base + "ready").statusCode()).isEqualTo(200);
        assertThat(get(base + "health").statusCode()).isEqualTo(200);
        String counts = get(base + "api/counts?minutes=3").body();
        assertThat(counts).contains("\"column\":\"north-korea\"", "\"counts\":[0,0,4]", "\"total\":4");
        assertThat(get(base + "api/counts?minutes=0").statusCode()).isEqualTo(400);
        assertThat(get(base + "api/counts?minutes=x").statusCode()).isEqualTo(400);
        assertThat(get(base + "api/ingest").body()).as("no ingest sources in this process").isEqualTo("[]");
    }

    @Test
    void shouldListTheDispatchesHeldBackWithTheirReleaseTime() throws Exception {
        // Given a pipeline holding an embargoed dispatch
        String base = start(true, null);

        // When the page asks what is held, Then it hears of it and of its release time
        assertThat(get(base + "api/held").body()).contains("\"headline\":\"Fertility rate falls to record low\"",
                "\"until\":\"2024-02-28T03:00:00Z\"", "\"withheld\":false");
    }

    @Test
    void shouldRefuseBadRulesWithTheReasonBeforeWritingAnything() throws Exception {
        String base = start(true, null);
        assertThat(post(base, "{\"name\":\"Broken\",\"query\":\"\\\"Camp Humphreys\"}", "application/json", null))
                .satisfies(r -> assertThat(r.statusCode()).isEqualTo(400))
                .satisfies(r -> assertThat(r.body()).contains("bad query syntax"));
        assertThat(post(base, "{\"name\":\"\",\"query\":\"USFK\"}", "application/json", null).body())
                .contains("the name must have");
        assertThat(post(base, "{\"name\":\"X\",\"query\":\"USFK\",\"subject\":\"k-pop\"}", "application/json", null)
                .body()).contains("unknown subject 'k-pop'");
        assertThat(post(base, "{\"name\":\"X\",\"query\":\"*\"}", "application/json", null).statusCode()).isEqualTo(400);
        assertThat(post(base, "not json", "application/json", null).statusCode()).isEqualTo(400);
        assertThat(post(base, "{\"name\":\"X\",\"query\":\"USFK\"}", "text/plain", null).statusCode()).isEqualTo(415);
        assertThat(post(base, "x".repeat(70_000), "application/json", null).statusCode()).isEqualTo(400);
        assertThat(feed.rules()).isEmpty();
    }

    @Test
    void shouldAskForTheTokenBeforeLookingAtARule() throws Exception {
        String base = start(true, "the-token");
        HttpResponse<String> refused = post(base, "{\"name\":\"X\",\"query\":\"\\\"broken\"}", "application/json", "nope");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(post(base, "{\"name\":\"X\",\"query\":\"\\\"broken\"}", "application/json", "the-token").statusCode())
                .as("with the token, the rule itself is looked at (and refused)").isEqualTo(400);
        assertThat(get(base + "api/info").body()).contains("\"tokenRequired\":true").doesNotContain("the-token");
    }

    @Test
    void shouldServeOnlyOperatorsEndpointsWithTheDashboardOff() throws Exception {
        String base = start(false, null);
        assertThat(get(base).statusCode()).isEqualTo(404);
        assertThat(get(base + "api/info").statusCode()).isEqualTo(404);
        assertThat(get(base + "metrics").body()).contains("wirestream_alerts_total");
        assertThat(get(base + "health").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseOtherMethodsAndUnknownPaths() throws Exception {
        String base = start(true, null);
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "metrics"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(get(base + "api/nothing").statusCode()).isEqualTo(404);
        // Jetty refuses a path above the root before any handler sees it (the JDK's server passed it on, to a 404).
        assertThat(get(base + "../../etc/passwd").statusCode()).isIn(400, 404);
    }

    @Test
    void shouldRefuseRequestsNamingAnotherHostOnLoopback() throws Exception {
        start(true, null);
        assertThat(raw("GET", "evil.example:" + server.port())).startsWith("HTTP/1.1 421");
        assertThat(raw("GET", "127.0.0.1.evil.example:" + server.port())).startsWith("HTTP/1.1 421");
        assertThat(raw("GET", "localhost:" + server.port())).startsWith("HTTP/1.1 200");
    }

    @Test
    void shouldRefuseOtherHostsOnEveryAddressButTheAllowedNames() throws Exception {
        start(true, null, InetAddress.getByName("0.0.0.0"), Set.of("wire.example"));
        assertThat(raw("GET", "evil.example:" + server.port())).as("DNS rebinding through a published port")
                .startsWith("HTTP/1.1 421");
        assertThat(raw("GET", "127.0.0.1:" + server.port())).startsWith("HTTP/1.1 200");
        assertThat(raw("GET", "wire.example")).startsWith("HTTP/1.1 200");
        assertThat(raw("HEAD", "localhost")).startsWith("HTTP/1.1 200");
        assertThat(Guards.isAllowedHost("[::1]:8080", Set.of())).isTrue();
        assertThat(Guards.isAllowedHost("10.1.2.3", Set.of())).isTrue();
        assertThat(Guards.isAllowedHost("WIRE.example:443", Set.of("wire.example"))).isTrue();
        assertThat(Guards.isAllowedHost("", Set.of())).isFalse();
        assertThat(Guards.isAllowedHost(null, Set.of())).isFalse();
    }

    @Test
    void shouldRefuseChangesFromPagesOfOtherOrigins() throws Exception {
        String base = start(true, null);
        String rule = "{\"name\":\"X\",\"query\":\"\\\"broken\"}";
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(base + "api/alert-rules"))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(rule)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);
        HttpResponse<String> own = http.send(HttpRequest.newBuilder(URI.create(base + "api/alert-rules"))
                .header("Content-Type", "application/json").header("Origin", base.substring(0, base.length() - 1))
                .POST(HttpRequest.BodyPublishers.ofString(rule)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).as("the page's own origin gets to the rule itself (and its error)").isEqualTo(400);
        assertThat(Guards.sameOrigin("http://localhost", "localhost:80")).isTrue();
        assertThat(Guards.sameOrigin("null", "localhost:8080")).isFalse();
    }

    @Test
    void shouldGuardTheLiveStreamLikeEveryOtherAnswer() throws Exception {
        start(true, null);
        try (SseConnection stream = SseConnection.open(server.port(), Map.of())) {
            assertThat(stream.status()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(stream.header("content-type")).isEqualTo("text/event-stream;charset=utf-8");
            assertThat(stream.header("content-security-policy")).isEqualTo(Guards.CSP);
            assertThat(stream.header("x-content-type-options")).isEqualTo("nosniff");
            assertThat(stream.block()).containsExactly("retry: 2000");
            assertThat(stream.block()).contains("event: snapshot");
        }
        try (SseConnection foreign = SseConnection.open(server.port(), Map.of("Host", "evil.example"))) {
            assertThat(foreign.status()).as("DNS rebinding").startsWith("HTTP/1.1 421");
        }
    }

    @Test
    void shouldAnswerRequestsJettyRefusesWithTheSameSecurityHeaders() throws Exception {
        start(true, null);
        String refused = raw("GET", "localhost", "/../../etc/passwd");
        assertThat(refused).startsWith("HTTP/1.1 400").contains("Content-Security-Policy: default-src 'none'",
                "X-Content-Type-Options: nosniff").doesNotContain("<h1>");
    }

    @Test
    void shouldSayPlainlyThatThePortIsTaken() throws Exception {
        start(false, null);
        DashboardServer second = new DashboardServer(new WirestreamConfig.Dashboard(false, "127.0.0.1",
                server.port(), null, Set.of(), 100), "wirestream", backend, new Metrics(), null, null);
        assertThatThrownBy(second::start).isInstanceOf(IOException.class).hasRootCauseInstanceOf(BindException.class);
    }

    /** A request with a Host header of our choosing, which the JDK's HTTP client will not send. */
    private String raw(String method, String host) throws IOException {
        return raw(method, host, "/");
    }

    private String raw(String method, String host, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String base, String body, String type, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "api/alert-rules"))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
