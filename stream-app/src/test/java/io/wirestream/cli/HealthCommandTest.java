package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.wirestream.embedded.Ports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code wirestream health}: 0 for a 2xx answer, 1 for any other answer or none. */
class HealthCommandTest {

    private HttpServer server;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ready", exchange -> respond(exchange, 200, "READY\n"));
        server.createContext("/starting", exchange -> respond(exchange, 503, "REBALANCING\nmore"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldExitZeroOnlyWhenTheEndpointAnswersWithSuccess() throws IOException {
        assertThat(health(base() + "/ready")).isZero();
        assertThat(out.toString()).contains("ready (HTTP 200: READY)");

        assertThat(health(base() + "/starting")).isEqualTo(1);
        assertThat(err.toString()).contains("not ready (HTTP 503: REBALANCING)").doesNotContain("more");

        int closed = Ports.freePort();
        assertThat(health("http://127.0.0.1:" + closed + "/ready")).isEqualTo(1);
        assertThat(err.toString()).contains("not ready: no answer from http://127.0.0.1:" + closed + "/ready");
    }

    @Test
    void shouldAskTheDashboardPortOnLoopbackByDefault() {
        String help = WirestreamCommand.newCommandLine().getSubcommands().get("health").getUsageMessage();
        String port = System.getenv().getOrDefault("WIRESTREAM_DASHBOARD_PORT", "8080");
        assertThat(help).contains("http://127.0.0.1:" + port + "/ready");
    }

    private int health(String url) {
        return WirestreamCommand.newCommandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("health", "--url", url, "--timeout", "5");
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
