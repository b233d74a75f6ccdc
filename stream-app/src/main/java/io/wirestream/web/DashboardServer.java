package io.wirestream.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirestream.metrics.Metrics;
import io.wirestream.schema.AlertRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's HTTP server (the JDK's own): the page and its assets from the jar, a JSON API, server-sent
 * events for live changes, {@code /metrics}, {@code /health} and {@code /ready}. Every response carries a strict
 * Content-Security-Policy; the page builds its DOM from text, never from HTML strings. With a token set, changing
 * alert rules needs {@code Authorization: Bearer <token>}, compared in constant time. On a loopback address,
 * requests naming another host are refused, so that a web page elsewhere cannot reach it by DNS rebinding.
 *
 * <p>With the dashboard turned off, only {@code /metrics}, {@code /health} and {@code /ready} are served.
 */
public final class DashboardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** Chart.js, from its WebJar: the path holds the version, which the WebJar's Maven metadata gives. */
    static final String CHART_JS = "META-INF/resources/webjars/chart.js/" + webJarVersion("org.webjars.npm", "chart.js")
            + "/dist/chart.umd.min.js";
    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_STREAMS = 256;
    /** Events a live connection may fall behind by before it is dropped (its browser reconnects afresh). */
    private static final int MAX_BACKLOG = 500;

    static {
        // A client that trickles its request in must not hold a thread for ever (read once, by the JDK's server).
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "30");
        }
    }
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final Map<String, String> ASSETS = Map.of(
            "/", "dashboard/index.html",
            "/static/app.js", "dashboard/app.js",
            "/static/app.css", "dashboard/app.css",
            "/static/chart.umd.min.js", CHART_JS);

    /** What the server shows about the processing it watches. */
    public interface Backend {
        /** Ready to serve traffic: the streams are RUNNING. */
        boolean ready();

        /** Alive: false only once processing has stopped for good. */
        boolean alive();

        /** A word for people, e.g. the Kafka Streams state. */
        String state();

        /** Counts by column topic and minute; throws IllegalStateException while they cannot be read. */
        Map<String, Map<Instant, Long>> counts(Instant from, Instant to);
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Backend backend;
    private final Metrics metrics;
    private final LiveFeed feed;
    private final AlertRuleService rules;
    private final byte[] tokenDigest;
    private final java.util.Set<String> allowedHosts;
    private final String applicationId;
    private final AtomicInteger streams = new AtomicInteger();
    private volatile boolean closing;

    /**
     * @param feed  null with the dashboard turned off (then {@code rules} is null too)
     * @param token null for none
     */
    public DashboardServer(InetSocketAddress address, Backend backend, Metrics metrics, LiveFeed feed,
            AlertRuleService rules, String token, String applicationId) throws IOException {
        this(address, backend, metrics, feed, rules, token, applicationId, java.util.Set.of());
    }

    /** @param allowedHosts host names (besides localhost and literal addresses) the server answers to */
    public DashboardServer(InetSocketAddress address, Backend backend, Metrics metrics, LiveFeed feed,
            AlertRuleService rules, String token, String applicationId, java.util.Set<String> allowedHosts)
            throws IOException {
        this.backend = backend;
        this.metrics = metrics;
        this.feed = feed;
        this.rules = rules;
        this.tokenDigest = token == null || token.isEmpty() ? null : sha256(token);
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.applicationId = applicationId;
        this.server = HttpServer.create(address, 64);
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "wirestream-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public DashboardServer start() {
        server.start();
        return this;
    }

    /** The port it listens on (useful when started on port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        InetAddress address = server.getAddress().getAddress();
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            secureHeaders(exchange);
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (!isAllowedHost(host, allowedHosts)) {
                send(exchange, 421, "text/plain", "this server answers to localhost, literal addresses and the names in "
                        + "dashboard.allowed-hosts, not to '" + host + "'\n");
                return;
            }
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if (origin != null && !exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")
                    && !sameOrigin(origin, host)) {
                send(exchange, 403, "text/plain", "requests from other sites may only read\n");
                return;
            }
            route(exchange);
        } catch (RuntimeException e) {
            LOG.warn("dashboard request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            trySend(exchange, 500, Json.error("internal error: " + e.getMessage()));
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        switch (path) {
            case "/metrics" -> {
                if (requireGet(exchange)) {
                    send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
                }
                return;
            }
            case "/health" -> {
                if (requireGet(exchange)) {
                    boolean alive = backend.alive();
                    sendJson(exchange, alive ? 200 : 503, status(alive ? "UP" : "DOWN"));
                }
                return;
            }
            case "/ready" -> {
                if (requireGet(exchange)) {
                    boolean ready = backend.ready();
                    sendJson(exchange, ready ? 200 : 503, status(ready ? "READY" : "NOT_READY"));
                }
                return;
            }
            default -> {
            }
        }
        if (feed == null) {
            send(exchange, 404, "text/plain", "the dashboard is turned off; /metrics, /health and /ready are served\n");
            return;
        }
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (read && ASSETS.containsKey(path)) {
            asset(exchange, ASSETS.get(path));
        } else if (read && path.equals("/api/info")) {
            sendJson(exchange, 200, info());
        } else if (read && path.equals("/api/recent")) {
            sendJson(exchange, 200, feed.snapshot());
        } else if (read && path.equals("/api/events")) {
            events(exchange);
        } else if (read && path.equals("/api/counts")) {
            counts(exchange);
        } else if (read && path.equals("/api/alert-rules")) {
            sendJson(exchange, 200, Json.write(g -> {
                g.writeStartArray();
                for (AlertRule rule : feed.rules().values()) {
                    LiveFeed.writeRule(g, rule);
                }
                g.writeEndArray();
            }));
        } else if (method.equals("POST") && path.equals("/api/alert-rules")) {
            createRule(exchange);
        } else if (method.equals("DELETE") && path.startsWith("/api/alert-rules/")) {
            deleteRule(exchange, path.substring("/api/alert-rules/".length()));
        } else if (path.startsWith("/api/alert-rules")) {
            exchange.getResponseHeaders().set("Allow", path.equals("/api/alert-rules") ? "GET, POST" : "DELETE");
            sendJson(exchange, 405, Json.error("method not allowed"));
        } else if (ASSETS.containsKey(path) || List.of("/api/info", "/api/recent", "/api/events", "/api/counts")
                .contains(path)) {
            exchange.getResponseHeaders().set("Allow", "GET");
            sendJson(exchange, 405, Json.error("method not allowed"));
        } else {
            sendJson(exchange, 404, Json.error("not found: " + path));
        }
    }

    private String info() {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("applicationId", applicationId);
            g.writeStringField("state", backend.state());
            g.writeBooleanField("feedCaughtUp", feed.isReady());
            g.writeBooleanField("tokenRequired", tokenDigest != null);
            g.writeArrayFieldStart("columns");
            for (LiveFeed.Column column : feed.columns()) {
                g.writeStartObject();
                g.writeStringField("id", column.id());
                g.writeStringField("title", column.title());
                g.writeStringField("topic", column.topic());
                g.writeStringField("description", column.description());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** Dispatches per column per minute, the last {@code minutes} (default 180, at most a day) up to now. */
    private void counts(HttpExchange exchange) throws IOException {
        int minutes = 180;
        String query = exchange.getRequestURI().getQuery();
        if (query != null && query.startsWith("minutes=")) {
            try {
                minutes = Integer.parseInt(query.substring("minutes=".length()));
            } catch (NumberFormatException e) {
                minutes = -1;
            }
            if (minutes < 1 || minutes > 24 * 60) {
                sendJson(exchange, 400, Json.error("minutes must be from 1 to 1440"));
                return;
            }
        }
        Instant to = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant from = to.minus(minutes - 1L, ChronoUnit.MINUTES);
        Map<String, Map<Instant, Long>> counts;
        try {
            counts = backend.counts(from, to);
        } catch (IllegalStateException e) {
            sendJson(exchange, 503, Json.error("counts are not available yet: " + e.getMessage()));
            return;
        }
        int span = minutes;
        sendJson(exchange, 200, Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("minutes");
            for (int i = 0; i < span; i++) {
                g.writeString(from.plus(i, ChronoUnit.MINUTES).toString());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("series");
            for (LiveFeed.Column column : feed.columns()) {
                Map<Instant, Long> byMinute = counts.getOrDefault(column.topic(), Map.of());
                g.writeStartObject();
                g.writeStringField("column", column.id());
                g.writeStringField("title", column.title());
                g.writeArrayFieldStart("counts");
                long total = 0;
                for (int i = 0; i < span; i++) {
                    long count = byMinute.getOrDefault(from.plus(i, ChronoUnit.MINUTES), 0L);
                    total += count;
                    g.writeNumber(count);
                }
                g.writeEndArray();
                g.writeNumberField("total", total);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    /** Server-sent events: a snapshot, then every change, with a comment line now and then to keep it open. */
    private void events(HttpExchange exchange) throws IOException {
        if (streams.incrementAndGet() > MAX_STREAMS) {
            streams.decrementAndGet();
            // A 503 would make the browser give up for good; this way it tries again in a minute.
            send(exchange, 200, "text/event-stream; charset=utf-8", "retry: 60000\n\n");
            return;
        }
        BlockingQueue<LiveFeed.Event> queue = new LinkedBlockingQueue<>(MAX_BACKLOG);
        AtomicBoolean overflow = new AtomicBoolean();
        Consumer<LiveFeed.Event> listener = event -> {
            if (!queue.offer(event)) {
                overflow.set(true); // A reader this slow is dropped; its browser reconnects and starts afresh.
            }
        };
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
            feed.subscribe(listener);
            while (!closing && !overflow.get()) {
                LiveFeed.Event event = queue.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                String frame = event == null ? ": keep-alive\n\n" : "event: " + event.name() + "\ndata: " + event.json() + "\n\n";
                out.write(frame.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // The browser went away.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            feed.unsubscribe(listener);
            streams.decrementAndGet();
        }
    }

    private void createRule(HttpExchange exchange) throws IOException {
        if (!authorized(exchange) || !isJson(exchange)) {
            return;
        }
        JsonNode body;
        try {
            body = Json.read(readBody(exchange));
        } catch (IOException | IllegalArgumentException e) {
            sendJson(exchange, 400, Json.error("the body must be a JSON object: {\"name\", \"query\", \"subject\"}"));
            return;
        }
        if (body == null || !body.isObject()) {
            sendJson(exchange, 400, Json.error("the body must be a JSON object: {\"name\", \"query\", \"subject\"}"));
            return;
        }
        try {
            AlertRule rule = rules.create(text(body, "name"), text(body, "query"), text(body, "subject"));
            sendJson(exchange, 201, Json.write(g -> LiveFeed.writeRule(g, rule)));
        } catch (AlertRuleService.InvalidRuleException e) {
            sendJson(exchange, 400, Json.error(e.getMessage()));
        } catch (IllegalStateException e) {
            sendJson(exchange, 503, Json.error(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sendJson(exchange, 503, Json.error("stopping"));
        }
    }

    private void deleteRule(HttpExchange exchange, String id) throws IOException {
        if (!authorized(exchange)) {
            return;
        }
        try {
            if (rules.delete(id)) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                sendJson(exchange, 404, Json.error("no alert rule with id '" + id + "'"));
            }
        } catch (IllegalStateException e) {
            sendJson(exchange, 503, Json.error(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sendJson(exchange, 503, Json.error("stopping"));
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** With a token set, the request must carry it; compared as digests, so in time independent of the guess. */
    private boolean authorized(HttpExchange exchange) throws IOException {
        if (tokenDigest == null) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (MessageDigest.isEqual(tokenDigest, sha256(given))) {
            return true;
        }
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"wirestream\"");
        sendJson(exchange, 401, Json.error("changing alert rules needs the dashboard token"));
        return false;
    }

    /** JSON only: a plain HTML form on another site cannot send it without the browser asking first. */
    private static boolean isJson(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return true;
        }
        sendJson(exchange, 415, Json.error("send the rule as application/json"));
        return false;
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new IllegalArgumentException("body too large");
            }
            return body;
        }
    }

    private static boolean requireGet(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("GET") || exchange.getRequestMethod().equals("HEAD")) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", "GET");
        sendJson(exchange, 405, Json.error("method not allowed"));
        return false;
    }

    private static String status(String status) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("status", status);
            g.writeEndObject();
        });
    }

    static String webJarVersion(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = DashboardServer.class.getClassLoader().getResourceAsStream(resource)) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "missing");
        } catch (IOException e) {
            return "missing";
        }
    }

    private static void asset(HttpExchange exchange, String resource) throws IOException {
        try (InputStream in = DashboardServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                sendJson(exchange, 404, Json.error("missing asset " + resource));
                return;
            }
            byte[] body = in.readAllBytes();
            String type = resource.endsWith(".html") ? "text/html; charset=utf-8"
                    : resource.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            exchange.getResponseHeaders().set("Content-Type", type);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private static void secureHeaders(HttpExchange exchange) {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cache-Control", "no-store");
    }

    /**
     * True for a Host header naming {@code localhost}, a literal address, or one of {@code allowed}. A web page
     * that rebinds its own name to this machine's address sends its own name, and is refused.
     */
    static boolean isAllowedHost(String host, java.util.Set<String> allowed) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = hostName(host);
        return name.equals("localhost") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                || name.startsWith("[") && name.endsWith("]") && name.length() > 2 || allowed.contains(name);
    }

    private static String hostName(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            return name.substring(0, name.indexOf(']') + 1);
        }
        int colon = name.lastIndexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    /** The {@code Origin} of a request is the page's own: same host and port as the request's {@code Host}. */
    static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null) {
                return false; // "null", the origin of sandboxed and file pages
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            String requested = host.strip().toLowerCase(Locale.ROOT);
            String name = hostName(requested);
            String hostWithPort = name.length() == requested.length() ? requested + ":80" : requested;
            return hostWithPort.equals(uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", json);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void trySend(HttpExchange exchange, int status, String json) {
        try {
            sendJson(exchange, status, json);
        } catch (IOException | RuntimeException e) {
            // Headers were sent already; nothing more to say.
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closing = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
