package io.wirestream.runtime;

import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RuleSet;
import io.wirestream.classify.RulesException;
import io.wirestream.classify.RulesLoader;
import io.wirestream.config.Settings;
import io.wirestream.metrics.Metrics;
import io.wirestream.registry.RegistryConfig;
import io.wirestream.topology.AlertBook;
import io.wirestream.topology.TopicConfig;
import io.wirestream.web.DashboardWiring;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher of {@code wirestream run}: resolve settings, load the rules, start or reach the services, create
 * the topics, run the topology until Ctrl-C or an error, and stop everything in order.
 */
public final class App {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private App() {
    }

    /** The settings and the rules, both checked. */
    private record Configured(Settings settings, RuleSet rules) {

        /** Null, after saying why on {@code err}, when either is unusable. */
        static Configured load(Path configFile, Map<String, String> env, Map<String, String> cli, PrintWriter err) {
            try {
                Settings settings = Settings.resolve(configFile, env, cli);
                return new Configured(settings, RulesLoader.loadOrDefault(settings.getPath(Settings.RULES)));
            } catch (RulesException e) {
                err.println("cannot start: the rules file is invalid\n" + e.getMessage());
            } catch (IOException | IllegalArgumentException e) {
                err.println("cannot start: " + e.getMessage());
            }
            return null;
        }
    }

    /** Runs until stopped; returns the exit code. */
    public static int run(Path configFile, Map<String, String> env, Map<String, String> cli, boolean demo,
            boolean stopAfterDemo, PrintWriter out, PrintWriter err) {
        Configured configured = Configured.load(configFile, env, cli, err);
        if (configured == null) {
            return 1;
        }
        Settings settings = configured.settings();
        RuleSet rules = configured.rules();
        TopicConfig topics = new TopicConfig(settings.get(Settings.INPUT_TOPIC), settings.get(Settings.UNROUTED_TOPIC),
                settings.get(Settings.DEAD_LETTER_TOPIC));
        CountDownLatch done = new CountDownLatch(1);
        try (Services services = Services.start(settings)) {
            Settings effective = services.settings();
            LOG.info("settings:{}", effective.describe());
            topics.validate(rules);
            if (!registryAnswers(effective, err)) {
                return 1;
            }
            ensureTopics(effective, topics, rules);
            RuleClassifier classifier = new RuleClassifier(rules);
            AlertBook book = new AlertBook();
            boolean dashboard = effective.getBoolean(Settings.DASHBOARD_ENABLED);
            try (Metrics metrics = new Metrics();
                    StreamsRunner runner = StreamsRunner.start(effective, topics, classifier, Map.of(), book, metrics,
                            dashboard);
                    DashboardWiring web = DashboardWiring.start(effective, rules, topics, bind(metrics, runner), metrics,
                            book)) {
                Thread hook = new Thread(() -> {
                    runner.close();
                    awaitQuietly(done);
                }, "wirestream-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    if (!runner.awaitRunning(START_TIMEOUT)) {
                        err.println("wirestream did not start processing: " + describe(runner));
                        return 1;
                    }
                    out.printf("wirestream is routing %s -> %s (rules %s, %s)%n", topics.input(), topics.all(rules),
                            rules.digest(), effective.get(Settings.PROCESSING_GUARANTEE));
                    out.printf("  Kafka:           %s%s%n", effective.get(Settings.BOOTSTRAP_SERVERS),
                            services.embeddedKafka() ? " (embedded)" : "");
                    out.printf("  schema registry: %s%s%n", effective.get(Settings.SCHEMA_REGISTRY_URL),
                            services.embeddedRegistry() ? " (embedded)" : "");
                    out.printf("  %s %s%s%n", web.dashboardOn() ? "dashboard:      " : "metrics, health:", web.url(),
                            web.dashboardOn() ? "" : "metrics");
                    out.flush();
                    if (demo) {
                        boolean asExpected = DemoFeed.run(StreamsRunner.clientConfig(effective), topics, classifier,
                                runner::duplicates, out);
                        if (stopAfterDemo) {
                            return asExpected ? 0 : 1;
                        }
                    }
                    out.println("Ctrl-C to stop.");
                    out.flush();
                    runner.awaitStop();
                    if (runner.failure() != null) {
                        err.println("wirestream stopped: " + StreamsRunner.rootMessage(runner.failure())
                                + "\nNothing is lost: start it again to resume where it stopped.");
                        return 1;
                    }
                    return 0;
                } finally {
                    removeQuietly(hook);
                }
            }
        } catch (IOException | RuntimeException e) {
            err.println("wirestream stopped: " + StreamsRunner.rootMessage(e));
            LOG.debug("stopped", e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            done.countDown();
        }
    }

    /**
     * {@code wirestream dashboard}: the dashboard on its own, watching a pipeline that runs elsewhere. Its chart's
     * counts come from a small Kafka Streams app of its own ({@code <application.id>-dashboard}) that counts the
     * output topics. Runs until stopped; returns the exit code.
     */
    public static int dashboard(Path configFile, Map<String, String> env, Map<String, String> cli, PrintWriter out,
            PrintWriter err) {
        Configured configured = Configured.load(configFile, env, cli, err);
        if (configured == null) {
            return 1;
        }
        Settings settings = configured.settings();
        RuleSet rules = configured.rules();
        if (settings.get(Settings.BOOTSTRAP_SERVERS) == null || settings.get(Settings.SCHEMA_REGISTRY_URL) == null) {
            err.println("cannot start: the dashboard watches a pipeline that runs elsewhere; give its "
                    + "--bootstrap-servers and --schema-registry-url ('wirestream run' serves the dashboard itself)");
            return 1;
        }
        if (!settings.getBoolean(Settings.DASHBOARD_ENABLED)) {
            err.println("cannot start: --no-dashboard leaves the dashboard command nothing to do");
            return 1;
        }
        TopicConfig topics = new TopicConfig(settings.get(Settings.INPUT_TOPIC), settings.get(Settings.UNROUTED_TOPIC),
                settings.get(Settings.DEAD_LETTER_TOPIC));
        LOG.info("settings:{}", settings.describe());
        try {
            topics.validate(rules);
            if (!registryAnswers(settings, err)) {
                return 1;
            }
            ensureTopics(settings, topics, rules);
            java.util.Properties properties = StreamsRunner.properties(settings);
            properties.put("application.id", settings.get(Settings.APPLICATION_ID) + "-dashboard");
            properties.put("processing.guarantee", "at_least_once");
            // Counts only what the pipeline committed, as the page shows only that.
            properties.put("main.consumer.isolation.level", "read_committed");
            org.apache.kafka.streams.Topology counting = io.wirestream.topology.MinuteCounts.addTo(
                    new org.apache.kafka.streams.Topology(), topics.outputs(rules));
            try (Metrics metrics = new Metrics();
                    StreamsRunner runner = StreamsRunner.start(counting, properties);
                    DashboardWiring web = DashboardWiring.start(settings, rules, topics, bind(metrics, runner), metrics,
                            null)) {
                Thread hook = new Thread(runner::close, "wirestream-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                out.printf("wirestream dashboard: %s (watching %s at %s)%nCtrl-C to stop.%n", web.url(),
                        settings.get(Settings.APPLICATION_ID), settings.get(Settings.BOOTSTRAP_SERVERS));
                out.flush();
                runner.awaitStop();
                removeQuietly(hook);
                if (runner.failure() != null) {
                    err.println("wirestream dashboard stopped: " + StreamsRunner.rootMessage(runner.failure()));
                    return 1;
                }
                return 0;
            }
        } catch (IOException | RuntimeException e) {
            err.println("wirestream dashboard stopped: " + StreamsRunner.rootMessage(e));
            LOG.debug("stopped", e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * Waits for the registry at start (it may be starting too), warning at each attempt; false, after saying which
     * registry and how long it was waited for, when it did not come within the retry budget: better here than at
     * the first dispatch.
     */
    private static boolean registryAnswers(Settings settings, PrintWriter err) {
        try {
            io.wirestream.registry.SchemaRegistryClients.create(settings.registry()).checkReachable();
            return true;
        } catch (io.wirestream.registry.SchemaRegistryException e) {
            err.println("cannot start: " + e.getMessage() + "\nIs the registry running, and is "
                    + Settings.SCHEMA_REGISTRY_URL + " right? wirestream waits for it for "
                    + RegistryConfig.RETRY_TIMEOUT_MS + " (" + RegistryConfig.from(settings.registry())
                    .retryTimeout().toSeconds() + " s) at start.");
            return false;
        }
    }

    /** The topics the pipeline reads and writes, alerts included; alert rules are kept compacted. */
    public static void ensureTopics(Settings settings, TopicConfig topics, RuleSet rules) throws InterruptedException {
        java.util.List<String> names = new java.util.ArrayList<>(topics.all(rules));
        names.add(settings.get(Settings.ALERTS_TOPIC));
        names.add(settings.get(Settings.ALERT_RULES_TOPIC));
        Topics.ensure(StreamsRunner.clientConfig(settings), names, java.util.Set.of(settings.get(Settings.ALERT_RULES_TOPIC)),
                settings.getInt(Settings.PARTITIONS));
    }

    private static org.apache.kafka.streams.KafkaStreams bind(Metrics metrics, StreamsRunner runner) {
        metrics.bind(runner.streams());
        return runner.streams();
    }

    private static String describe(StreamsRunner runner) {
        return runner.failure() == null ? "state " + runner.state() : StreamsRunner.rootMessage(runner.failure());
    }

    private static void awaitQuietly(CountDownLatch done) {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running and waits for us.
        }
    }
}
