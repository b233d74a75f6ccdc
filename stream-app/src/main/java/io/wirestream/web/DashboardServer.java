package io.wirestream.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import io.javalin.router.EndpointNotFound;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.metrics.Metrics;
import io.wirestream.topology.HeldList;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's HTTP server, on Javalin (Jetty): the page and its assets from the jar, a JSON API, server-sent
 * events for live changes (no thread per viewer: {@link EventStream}), {@code /metrics}, {@code /health} and
 * {@code /ready}. The routes are one table
 * ({@link #routes}); before any of them, the {@link Guards} add a strict Content-Security-Policy to every answer and
 * refuse requests naming another host, changes from other sites, and rule changes without the token. It listens
 * on the configured address only, and drops a client silent for 30 s.
 *
 * <p>With the dashboard turned off, only {@code /metrics}, {@code /health} and {@code /ready} are served.
 */
public final class DashboardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    /** Chart.js, from its WebJar: the path holds the version, which the WebJar's Maven metadata gives. */
    static final String CHART_JS = "META-INF/resources/webjars/chart.js/" + webJarVersion("org.webjars.npm", "chart.js")
            + "/dist/chart.umd.min.js";
    private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";
    private static final String TURNED_OFF = "the dashboard is turned off; /metrics, /health and /ready are served\n";
    /** A client silent this long, reading or writing, is dropped, so that a slow one cannot hold the server. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_THREADS = 32;
    /** Connections the kernel holds for the server to accept (Java's default is 50). */
    private static final int ACCEPT_QUEUE = 1024;
    /**
     * The kernel's buffer for what a client has not read yet, per connection (Linux doubles it): fixed, rather than
     * grown to megabytes, so that a viewer that stops reading holds little memory and shows as slow soon.
     */
    private static final int SEND_BUFFER = 128 * 1024;

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

        /**
         * The dispatches this instance holds back (embargoed, withheld), soonest first; none when embargoes pass.
         * Throws IllegalStateException while they cannot be read.
         */
        default List<HeldList.Entry> held() {
            return List.of();
        }
    }

    private final InetSocketAddress address;
    private final EventStream events;
    private final Javalin app;

    /**
     * @param feed  null with the dashboard turned off (then {@code rules} is null too)
     * @param rules where alert rules are changed
     */
    public DashboardServer(WirestreamConfig.Dashboard settings, String applicationId, Backend backend, Metrics metrics,
            FeedState feed, AlertRuleService rules) {
        this.address = new InetSocketAddress(settings.bind(), settings.port());
        Guards guards = new Guards(settings.token(), settings.allowedHosts());
        this.events = feed == null ? null : new EventStream(feed, settings.maxViewers(), metrics);
        ApiHandlers api = feed == null ? null
                : new ApiHandlers(feed, rules, backend, applicationId, guards.tokenRequired());
        List<Route> routes = routes(backend, metrics, api, events);
        this.app = Javalin.create(config -> {
            configure(config);
            config.router.mount(router -> {
                router.before(Guards::secureHeaders);
                router.before(guards::checkHost);
                router.before(Guards::checkOrigin);
                if (api != null) {
                    router.before("/api/alert-rules", guards::checkToken);
                    router.before("/api/alert-rules/{id}", guards::checkToken);
                }
                routes.forEach(route -> route.addTo(router));
                router.exception(EndpointNotFound.class, (e, ctx) -> unmatched(ctx, routes, api != null));
                router.exception(Exception.class, DashboardServer::failed);
            });
        });
    }

    /** Every route, in one table: method, path, handler. */
    private static List<Route> routes(Backend backend, Metrics metrics, ApiHandlers api, EventStream events) {
        List<Route> routes = new ArrayList<>(List.of(
                Route.get("/metrics", ctx -> ctx.contentType(PROMETHEUS).result(metrics.scrape())),
                Route.get("/health", ctx -> status(ctx, backend.alive(), "UP", "DOWN")),
                Route.get("/ready", ctx -> status(ctx, backend.ready(), "READY", "NOT_READY"))));
        if (api == null) {
            return routes;
        }
        routes.addAll(List.of(
                Route.get("/", asset("dashboard/index.html", "text/html; charset=utf-8")),
                Route.get("/static/app.js", asset("dashboard/app.js", "text/javascript; charset=utf-8")),
                Route.get("/static/app.css", asset("dashboard/app.css", "text/css; charset=utf-8")),
                Route.get("/static/chart.umd.min.js", asset(CHART_JS, "text/javascript; charset=utf-8")),
                Route.get("/api/info", api::info),
                Route.get("/api/recent", api::recent),
                Route.get("/api/events", events::open),
                Route.get("/api/counts", api::counts),
                Route.get("/api/ingest", ctx -> ApiJson.reply(ctx, 200, metrics.ingestSources())),
                Route.get("/api/held", api::held),
                Route.get("/api/alert-rules", api::rules),
                Route.post("/api/alert-rules", api::createRule),
                Route.delete("/api/alert-rules/{id}", api::deleteRule)));
        return routes;
    }

    /** Quiet (no banner, no request log), strict paths, bounded bodies, threads and idle clients. */
    private void configure(JavalinConfig config) {
        config.showJavalinBanner = false;
        config.startupWatcherEnabled = false;
        config.router.ignoreTrailingSlashes = false;
        config.http.maxRequestSize = ApiHandlers.MAX_BODY;
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("wirestream-http");
        threads.setDaemon(true);
        config.jetty.threadPool = threads;
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyRefusals()));
        config.jetty.addConnector(this::connector);
    }

    /** The one listener, on the configured address; bound here, so that a port in use fails the start plainly. */
    private Connector connector(Server server, HttpConfiguration http) {
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(address.getAddress().getHostAddress());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        connector.setAcceptQueueSize(ACCEPT_QUEUE); // Many viewers may come at once, after a restart say.
        connector.setAcceptedSendBufferSize(SEND_BUFFER);
        try {
            connector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return connector;
    }

    /** Starts listening; an IOException (a BindException among its causes) when the address cannot be had. */
    public DashboardServer start() throws IOException {
        try {
            app.start();
        } catch (UncheckedIOException e) {
            close();
            throw e.getCause();
        }
        return this;
    }

    /** The port it listens on (useful when started on port 0). */
    public int port() {
        return app.port();
    }

    public String url() {
        InetAddress bound = address.getAddress();
        String host = bound.isAnyLocalAddress() ? "127.0.0.1" : bound.getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    private static void status(Context ctx, boolean up, String yes, String no) {
        ApiJson.reply(ctx, up ? 200 : 503, new ApiBodies.Status(up ? yes : no));
    }

    private static Handler asset(String resource, String type) {
        return ctx -> {
            try (InputStream in = DashboardServer.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    ApiJson.error(ctx, 404, "missing asset " + resource);
                    return;
                }
                ctx.contentType(type).result(in.readAllBytes());
            }
        };
    }

    /** No route for this path and method: 405 with the methods there are, else 404. */
    private static void unmatched(Context ctx, List<Route> routes, boolean dashboard) {
        String path = ctx.path();
        String allow = routes.stream().filter(route -> route.matches(path)).map(route -> route.method().name())
                .collect(Collectors.joining(", "));
        if (!allow.isEmpty()) {
            ctx.header(Header.ALLOW, allow);
            ApiJson.error(ctx, 405, "method not allowed");
        } else if (dashboard) {
            ApiJson.error(ctx, 404, "not found: " + path);
        } else {
            ctx.status(404).contentType("text/plain; charset=utf-8").result(TURNED_OFF);
        }
    }

    private static void failed(Exception e, Context ctx) {
        LOG.warn("dashboard request {} {} failed", ctx.method(), ctx.path(), e);
        ApiJson.error(ctx, 500, "internal error: " + e.getMessage());
    }

    static String webJarVersion(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = DashboardServer.class.getClassLoader().getResourceAsStream(resource)) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "missing");
        } catch (IOException e) {
            return "missing";
        }
    }

    @Override
    public void close() {
        if (events != null) {
            events.close(); // First, so that no stream is cut off mid-event by the stop.
        }
        app.stop();
    }
}
