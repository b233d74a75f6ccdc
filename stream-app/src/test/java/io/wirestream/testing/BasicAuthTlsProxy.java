package io.wirestream.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TLS reverse proxy on loopback that lets through only requests with the right basic auth credentials, as a
 * registry deployed behind a gateway does: Apicurio's own authentication needs an OIDC server, this needs none.
 * Refused requests get a 401 and never reach the registry.
 */
public final class BasicAuthTlsProxy implements AutoCloseable {

    private final HttpsServer server;
    private final ExecutorService executor;
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    private BasicAuthTlsProxy(HttpsServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Proxies to the origin of {@code target} (scheme, host and port; paths are kept as requested). */
    public static BasicAuthTlsProxy start(TestCertificates certificates, URI target, String user, String password)
            throws IOException, GeneralSecurityException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificates.serverContext()));
        ExecutorService executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        BasicAuthTlsProxy proxy = new BasicAuthTlsProxy(server, executor);
        String origin = target.getScheme() + "://" + target.getRawAuthority();
        String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newHttpClient();
        server.createContext("/", exchange -> {
            try {
                proxy.handle(exchange, http, origin, expected);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
        return proxy;
    }

    private void handle(HttpExchange exchange, HttpClient http, String origin, String expected)
            throws IOException, InterruptedException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            refused.incrementAndGet();
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"schema registry\"");
            send(exchange, 401, "{\"error_code\":401,\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : new String[] {"Content-Type", "Accept"}) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        response.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
        forwarded.incrementAndGet();
        send(exchange, response.statusCode(), response.body());
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests that reached the registry. */
    public int forwarded() {
        return forwarded.get();
    }

    /** Requests turned away for want of the right credentials. */
    public int refused() {
        return refused.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
