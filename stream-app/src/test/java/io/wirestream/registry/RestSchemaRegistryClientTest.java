package io.wirestream.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.wirestream.testing.TestCertificates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the HTTP client speaks the Confluent REST API: paths, bodies, credentials, retries and errors, checked
 * against a scripted HTTP endpoint on loopback. (Behaviour against a real registry is in the integration tests.)
 */
class RestSchemaRegistryClientTest {

    private static final Schema SCHEMA = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void shouldRegisterLookUpAndFetchWithBasicAuthFromUserInfo() throws IOException {
        serve(exchange -> {
            String path = exchange.getRequestURI().toString();
            if (path.equals("/subjects/orders-value/versions")) {
                respond(exchange, 200, "{\"id\":7}");
            } else if (path.equals("/schemas/ids/7")) {
                respond(exchange, 200, "{\"schema\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(SCHEMA.toString()) + "}");
            } else {
                respond(exchange, 404, "{\"error_code\":40401,\"message\":\"Subject 'x' not found.\"}");
            }
        });
        RestSchemaRegistryClient client = client(Map.of(RegistryConfig.BASIC_AUTH_SOURCE, "USER_INFO",
                RegistryConfig.BASIC_AUTH_USER_INFO, "fred:secret"));

        assertThat(client.register("orders-value", SCHEMA)).isEqualTo(7);
        assertThat(client.getById(7)).isEqualTo(SCHEMA);
        assertThat(requests).containsExactly("POST /subjects/orders-value/versions", "GET /schemas/ids/7");
        assertThat(authorizations).containsOnly("Basic ZnJlZDpzZWNyZXQ=");
        assertThatThrownBy(() -> client.latest("x"))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("40401")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40401));
    }

    @Test
    void shouldSendABearerTokenAndNeverPrintCredentials() throws IOException {
        serve(exchange -> respond(exchange, 200, "{\"compatibility\":\"BACKWARD\"}"));
        RestSchemaRegistryClient client = client(Map.of(RegistryConfig.BEARER_AUTH_SOURCE, "STATIC_TOKEN",
                RegistryConfig.BEARER_AUTH_TOKEN, "tok-123"));
        client.setCompatibility(null, "BACKWARD");
        assertThat(requests).containsExactly("PUT /config");
        assertThat(authorizations).containsExactly("Bearer tok-123");
        assertThat(RegistryConfig.from(Map.of(RegistryConfig.URL, "http://u:p@127.0.0.1:1",
                RegistryConfig.BEARER_AUTH_TOKEN, "tok-123")).toString()).doesNotContain("tok-123", "u:p", ":p@");
    }

    @Test
    void shouldRetryAFailingRegistryUntilItAnswers() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        serve(exchange -> {
            if (calls.incrementAndGet() < 3) {
                respond(exchange, 503, "busy");
            } else {
                respond(exchange, 200, "{\"id\":3}");
            }
        });
        assertThat(client(Map.of()).register("s", SCHEMA)).isEqualTo(3);
        assertThat(calls).hasValue(3);
    }

    @Test
    void shouldNotRetryARefusalAndShouldGiveUpOnAnUnreachableRegistry() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        serve(exchange -> {
            calls.incrementAndGet();
            respond(exchange, 409, "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}");
        });
        assertThatThrownBy(() -> client(Map.of()).register("s", SCHEMA))
                .hasMessageContaining("incompatible");
        assertThat(calls).hasValue(1);

        RestSchemaRegistryClient unreachable = new RestSchemaRegistryClient(RegistryConfig.from(Map.of(
                RegistryConfig.URL, "http://127.0.0.1:1", RegistryConfig.RETRY_TIMEOUT_MS, "300")));
        assertThatThrownBy(() -> unreachable.getById(1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("did not answer GET /schemas/ids/1")
                .hasMessageContaining("cannot connect")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isUnreachable()).isTrue());
    }

    @Test
    void shouldTreatACompatibilityCheckOnANewSubjectAsCompatible() throws IOException {
        serve(exchange -> respond(exchange, 404, "{\"error_code\":40401,\"message\":\"Subject not found\"}"));
        assertThat(client(Map.of()).testCompatibility("new-value", SCHEMA).compatible()).isTrue();
        assertThat(requests).containsExactly("POST /compatibility/subjects/new-value/versions/latest?verbose=true");
    }

    @Test
    void shouldSayThatAuthenticationFailedWithoutRetryingOrShowingTheCredentials() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        serve(exchange -> {
            calls.incrementAndGet();
            respond(exchange, 401, "Unauthorized");
        });
        assertThatThrownBy(() -> client(Map.of(RegistryConfig.BASIC_AUTH_SOURCE, "USER_INFO",
                RegistryConfig.BASIC_AUTH_USER_INFO, "fred:wrong-pw")).checkReachable())
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("GET /subjects -> 401")
                .hasMessageContaining("authentication failed")
                .hasMessageContaining("the basic auth user was refused (check basic.auth.user.info")
                .hasMessageNotContaining("wrong-pw");
        assertThat(calls).hasValue(1);
        assertThatThrownBy(() -> client(Map.of()).checkReachable()).hasMessageContaining("no credentials were given");
    }

    @Test
    void shouldTrustTheRegistryThroughTheConfiguredTrustStoreOnly(@TempDir Path dir) throws Exception {
        TestCertificates certificates = TestCertificates.create(dir);
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(certificates.serverContext()));
        https.createContext("/", exchange -> respond(exchange, 200, "[\"orders-value\"]"));
        server = https;
        https.start();
        String url = "https://127.0.0.1:" + https.getAddress().getPort();

        new RestSchemaRegistryClient(RegistryConfig.from(Map.of(RegistryConfig.URL, url,
                RegistryConfig.TRUSTSTORE_LOCATION, certificates.trustStore().toString(),
                RegistryConfig.TRUSTSTORE_PASSWORD, certificates.password(),
                RegistryConfig.TRUSTSTORE_TYPE, "PKCS12"))).checkReachable();

        assertThatThrownBy(() -> new RestSchemaRegistryClient(RegistryConfig.from(Map.of(RegistryConfig.URL, url,
                RegistryConfig.RETRY_TIMEOUT_MS, "200"))).checkReachable())
                .isInstanceOf(SchemaRegistryException.class).hasStackTraceContaining("SSLHandshakeException");
        assertThatThrownBy(() -> RegistryConfig.from(Map.of(RegistryConfig.URL, url,
                RegistryConfig.TRUSTSTORE_LOCATION, certificates.trustStore().toString(),
                RegistryConfig.TRUSTSTORE_PASSWORD, "not-" + certificates.password())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read the trust store schema.registry.ssl.truststore.location=")
                .hasMessageNotContaining(certificates.password());
        assertThatThrownBy(() -> RegistryConfig.from(Map.of(RegistryConfig.URL, url,
                RegistryConfig.TRUSTSTORE_LOCATION, dir.resolve("missing.p12").toString())))
                .hasMessageContaining("missing.p12");
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void serve(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                authorizations.add(auth);
            }
            exchange.getRequestBody().readAllBytes();
            handler.handle(exchange);
        });
        server.start();
    }

    private RestSchemaRegistryClient client(Map<String, String> extra) {
        Map<String, Object> configs = new java.util.HashMap<>(extra);
        configs.put(RegistryConfig.URL, "http://127.0.0.1:" + server.getAddress().getPort());
        configs.put(RegistryConfig.RETRY_TIMEOUT_MS, "5000");
        return new RestSchemaRegistryClient(RegistryConfig.from(configs));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
