package io.wirestream.app;

import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RuleSet;
import io.wirestream.classify.RulesException;
import io.wirestream.classify.RulesLoader;
import io.wirestream.registry.RegistryConfig;
import io.wirestream.topology.TopicConfig;
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

    /** Runs until stopped; returns the exit code. */
    public static int run(Path configFile, Map<String, String> env, Map<String, String> cli, boolean demo,
            boolean stopAfterDemo, PrintWriter out, PrintWriter err) {
        Settings settings;
        RuleSet rules;
        try {
            settings = Settings.resolve(configFile, env, cli);
            rules = RulesLoader.loadOrDefault(settings.getPath(Settings.RULES));
        } catch (RulesException e) {
            err.println("cannot start: the rules file is invalid\n" + e.getMessage());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot start: " + e.getMessage());
            return 1;
        }
        TopicConfig topics = new TopicConfig(settings.get(Settings.INPUT_TOPIC), settings.get(Settings.UNROUTED_TOPIC),
                settings.get(Settings.DEAD_LETTER_TOPIC));
        CountDownLatch done = new CountDownLatch(1);
        try (Services services = Services.start(settings)) {
            Settings effective = services.settings();
            LOG.info("settings:{}", effective.describe());
            topics.validate(rules);
            // Wait for the registry at start (it may be starting too), warning at each attempt; if it does not come
            // within the retry budget, fail here, naming it, rather than at the first dispatch.
            try {
                io.wirestream.registry.SchemaRegistryClients.create(effective.registry()).checkReachable();
            } catch (io.wirestream.registry.SchemaRegistryException e) {
                err.println("cannot start: " + e.getMessage() + "\nIs the registry running, and is "
                        + Settings.SCHEMA_REGISTRY_URL + " right? wirestream waits for it for "
                        + RegistryConfig.RETRY_TIMEOUT_MS + " (" + RegistryConfig.from(effective.registry())
                        .retryTimeout().toSeconds() + " s) at start.");
                return 1;
            }
            Topics.ensure(StreamsRunner.clientConfig(effective), topics.all(rules), effective.getInt(Settings.PARTITIONS));
            RuleClassifier classifier = new RuleClassifier(rules);
            try (StreamsRunner runner = StreamsRunner.start(effective, topics, classifier)) {
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
