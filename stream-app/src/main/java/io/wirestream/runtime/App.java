package io.wirestream.runtime;

import io.wirestream.classify.Classifier;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RuleSet;
import io.wirestream.classify.RulesException;
import io.wirestream.classify.RulesLoader;
import io.wirestream.config.Setting;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.metrics.Metrics;
import io.wirestream.registry.RegistryConfig;
import io.wirestream.registry.SchemaRegistryClients;
import io.wirestream.registry.SchemaRegistryException;
import io.wirestream.topology.AlertBook;
import io.wirestream.topology.Collaborators;
import io.wirestream.topology.MinuteCounts;
import io.wirestream.topology.RoutingConfig;
import io.wirestream.topology.TopicConfig;
import io.wirestream.web.DashboardWiring;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher of {@code wirestream run}: load the rules, start or reach the services, create
 * the topics, run the topology until Ctrl-C or an error, and stop everything in order.
 */
public final class App {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private App() {
    }

    /** The rules of {@code config}, checked; null, after saying why on {@code err}, when they are unusable. */
    private static RuleSet rules(WirestreamConfig config, PrintWriter err) {
        try {
            return RulesLoader.loadOrDefault(config.rules());
        } catch (RulesException e) {
            err.println("cannot start: the rules file is invalid\n" + e.getMessage());
            return null;
        }
    }

    /** Runs until stopped; returns the exit code. */
    public static int run(WirestreamConfig config, boolean demo, boolean stopAfterDemo, PrintWriter out,
            PrintWriter err) {
        RuleSet rules = rules(config, err);
        if (rules == null) {
            return 1;
        }
        TopicConfig topics = TopicConfig.of(config.topics());
        CountDownLatch done = new CountDownLatch(1);
        sayWhatStarts(config, out);
        try (Services services = Services.start(config)) {
            WirestreamConfig effective = services.config();
            LOG.debug("settings in effect:{}", effective.describe());
            // Users' alerts, and the dashboard's counts when it is on.
            RoutingConfig routing = RoutingConfig.of(effective)
                    .withAlerts(RoutingConfig.AlertTopics.of(effective.topics()))
                    .withOutputCounts(effective.dashboard().enabled());
            routing.validate(rules);
            if (!registryAnswers(effective, err)) {
                return 1;
            }
            ensureTopics(effective, topics, rules);
            Classifier classifier = new RuleClassifier(rules);
            AlertBook book = new AlertBook();
            try (Metrics metrics = new Metrics();
                    StreamsRunner runner = StreamsRunner.start(effective, routing,
                            Collaborators.of(effective, classifier).withAlertBook(book).withListener(metrics));
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
                    // Now, when Kafka Streams has made its internal topics too.
                    ReplicationCheck.warnIfWeak(effective.kafkaClientConfig(), usedTopics(effective, topics, rules),
                            effective.kafka().applicationId());
                    out.printf("wirestream is routing %s -> %s (rules %s, %s)%n", topics.input(), topics.all(rules).stream()
                            .filter(t -> !t.equals(topics.input())).toList(),
                            rules.digest(), effective.kafka().guarantee().value());
                    out.printf("  Kafka:           %s%s%n", effective.kafka().bootstrapServers(),
                            services.embeddedKafka() ? " (embedded)" : "");
                    out.printf("  schema registry: %s%s%n", effective.registry().url(),
                            services.embeddedRegistry() ? " (embedded)" : "");
                    out.printf("  %s %s%s%n", web.dashboardOn() ? "dashboard:      " : "metrics, health:", web.url(),
                            web.dashboardOn() ? "" : "metrics");
                    try (PipelineIngest ingest = PipelineIngest.start(effective, metrics, out)) {
                        out.flush();
                        return awaitStop(runner, demo ? () -> DemoFeed.run(effective.kafkaClientConfig(), topics,
                                classifier, runner::duplicates, out) : null, stopAfterDemo, out, err);
                    }
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

    /** The demo, when asked for, then processing until it stops; the exit code. */
    private static int awaitStop(StreamsRunner runner, DemoRun demo, boolean stopAfterDemo, PrintWriter out,
            PrintWriter err) throws IOException, InterruptedException {
        if (demo != null) {
            boolean asExpected = demo.run();
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
    }

    /** The demo feed, run once the pipeline runs. */
    private interface DemoRun {
        boolean run() throws IOException, InterruptedException;
    }

    /**
     * {@code wirestream dashboard}: the dashboard on its own, watching a pipeline that runs elsewhere. Its chart's
     * counts come from a small Kafka Streams app of its own ({@code <application.id>-dashboard}) that counts the
     * output topics. Runs until stopped; returns the exit code.
     */
    public static int dashboard(WirestreamConfig config, PrintWriter out, PrintWriter err) {
        RuleSet rules = rules(config, err);
        if (rules == null) {
            return 1;
        }
        if (config.kafka().bootstrapServers() == null || config.registry().url() == null) {
            err.println("cannot start: the dashboard watches a pipeline that runs elsewhere; give its "
                    + "--bootstrap-servers and --schema-registry-url ('wirestream run' serves the dashboard itself)");
            return 1;
        }
        if (!config.dashboard().enabled()) {
            err.println("cannot start: --no-dashboard leaves the dashboard command nothing to do");
            return 1;
        }
        TopicConfig topics = TopicConfig.of(config.topics());
        LOG.debug("settings in effect:{}", config.describe());
        try {
            topics.validate(rules);
            if (!registryAnswers(config, err)) {
                return 1;
            }
            ensureTopics(config, topics, rules);
            ReplicationCheck.warnIfWeak(config.kafkaClientConfig(), usedTopics(config, topics, rules),
                    config.kafka().applicationId());
            Properties properties = StreamsRunner.properties(config);
            properties.put("application.id", config.kafka().applicationId() + "-dashboard");
            properties.put("processing.guarantee", "at_least_once");
            // Counts only what the pipeline committed, as the page shows only that.
            properties.put("main.consumer.isolation.level", "read_committed");
            Topology counting = MinuteCounts.addTo(new Topology(), topics.outputs(rules));
            try (Metrics metrics = new Metrics();
                    StreamsRunner runner = StreamsRunner.start(counting, properties);
                    DashboardWiring web = DashboardWiring.start(config, rules, topics, bind(metrics, runner), metrics,
                            null)) {
                Thread hook = new Thread(runner::close, "wirestream-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                out.printf("wirestream dashboard: %s (watching %s at %s)%nCtrl-C to stop.%n", web.url(),
                        config.kafka().applicationId(), config.kafka().bootstrapServers());
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

    /** The embedded services take a while (the registry about half a minute): say so, rather than seem stuck. */
    private static void sayWhatStarts(WirestreamConfig config, PrintWriter out) {
        boolean kafka = config.kafka().bootstrapServers() == null;
        boolean registry = config.registry().url() == null;
        if (kafka || registry) {
            String what = kafka && registry ? "Kafka broker and schema registry" : kafka ? "Kafka broker"
                    : "schema registry";
            out.printf("starting the embedded %s on %s...%n", what, config.embedded().bind());
            out.flush();
        }
    }

    /**
     * Waits for the registry at start (it may be starting too), warning at each attempt; false, after saying which
     * registry and how long it was waited for, when it did not come within the retry budget: better here than at
     * the first dispatch.
     */
    private static boolean registryAnswers(WirestreamConfig config, PrintWriter err) {
        try {
            SchemaRegistryClients.create(config.registryClientConfig()).checkReachable();
            return true;
        } catch (SchemaRegistryException e) {
            err.println("cannot start: " + e.getMessage() + "\nIs the registry running, and is "
                    + Setting.SCHEMA_REGISTRY_URL.key() + " right? wirestream waits for it for "
                    + RegistryConfig.RETRY_TIMEOUT_MS + " (" + RegistryConfig.from(config.registryClientConfig())
                    .retryTimeout().toSeconds() + " s) at start.");
            return false;
        }
    }

    /** The topics the pipeline reads and writes, alerts included; alert rules are kept compacted. */
    public static void ensureTopics(WirestreamConfig config, TopicConfig topics, RuleSet rules)
            throws InterruptedException {
        Topics.ensure(config.kafkaClientConfig(), usedTopics(config, topics, rules),
                Set.of(config.topics().alertRules()), Topics.Layout.of(config.topics()));
    }

    private static List<String> usedTopics(WirestreamConfig config, TopicConfig topics, RuleSet rules) {
        List<String> names = new ArrayList<>(topics.all(rules));
        names.add(config.topics().alerts());
        names.add(config.topics().alertRules());
        return names;
    }

    private static KafkaStreams bind(Metrics metrics, StreamsRunner runner) {
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
