package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.config.ConfigLoader;
import io.wirestream.config.Setting;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.embedded.EmbeddedKafka;
import io.wirestream.embedded.EmbeddedRegistry;
import io.wirestream.embedded.Ports;
import io.wirestream.registry.RegistryConfig;
import io.wirestream.runtime.StreamsRunner;
import io.wirestream.runtime.Topics;
import io.wirestream.testing.Outcomes;
import io.wirestream.testing.TracedInputs;
import io.wirestream.testing.WirestreamProcess;
import io.wirestream.topology.Collaborators;
import io.wirestream.topology.RoutingConfig;
import io.wirestream.topology.TopicConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A schema registry that is down. At start, wirestream waits for it, warning at each attempt, for
 * {@code schema.registry.retry.timeout.ms}: if it comes, routing starts; if not, wirestream exits with code 1 and a
 * message that names it, having consumed nothing. Down mid-stream, the dispatches that need it (a subject whose
 * schema is not registered yet) wait, and processing resumes by itself when it returns. Away for longer than the
 * retry time mid-stream, processing stops with a clear message; started again, wirestream resumes. In every case
 * the accounting is exact: every input with exactly its outcomes, read {@code read_committed}.
 *
 * <p>One broker for the class; the registry is one Apicurio on a fixed port with one database, stopped and
 * started as the tests need, as an operator restarts it.
 */
class RegistryDownIT {

    private static Path dir;
    private static EmbeddedKafka kafka;
    private static int registryPort;
    private static EmbeddedRegistry registry;

    @BeforeAll
    static void startBroker() throws Exception {
        dir = Files.createTempDirectory("wirestream-registry-down-it");
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), "127.0.0.1", Ports.freePort(), Ports.freePort());
        registryPort = Ports.freePort();
    }

    @AfterAll
    static void stop() {
        stopRegistry();
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldExitWithAClearMessageWhenTheRegistryDoesNotComeAtStart() throws Exception {
        stopRegistry();
        try (WirestreamProcess app = WirestreamProcess.start("run", "--dashboard-port", "0",
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--schema-registry-url", registryUrl(), "--application-id", "never-up",
                "--input-topic", "never-up-feed", "--data-dir", dir.resolve("never-up").toString(),
                "--config", config("never-up", Duration.ofSeconds(4)).toString())) {
            assertThat(app.awaitExit(Duration.ofSeconds(90))).as("exit code").isEqualTo(1);
            assertThat(app.stderr())
                    .contains("cannot start: the schema registry [" + registryUrl() + "]")
                    .contains("did not answer GET /subjects")
                    .contains("Is the registry running, and is schema.registry.url right?");
            assertThat(app.stderr().lines().filter(l -> l.contains("WARN") && l.contains(registryUrl() + " did not answer")))
                    .as("a warning at each attempt while it waited").hasSizeGreaterThanOrEqualTo(3);
            assertThat(app.stdout()).doesNotContain("wirestream is routing");
        }
        assertThat(Outcomes.committed(client(), "never-up", "never-up-feed")).as("consumed").isZero();
    }

    @Test
    void shouldWaitForTheRegistryAtStartAndResumeByItselfWhenItReturnsMidStream() throws Exception {
        stopRegistry();
        String feed = "registry-down-feed";
        Topics.ensure(client(), List.of(feed), 3);
        // Before the outage, only dispatches whose schema subject (north-korea-value) and dead letters (no schema);
        // during it, those of the subjects not registered yet, which must wait for the registry.
        List<TracedInputs.Input> before = new ArrayList<>();
        List<TracedInputs.Input> during = new ArrayList<>();
        for (TracedInputs.Input input : TracedInputs.wireFeed("down-", 3_000)) {
            boolean early = input.expected().equals(List.of("north-korea")) || input.reason() != null;
            (early ? before : during).add(input);
        }
        TracedInputs.produce(client(), feed, before);
        try (WirestreamProcess app = WirestreamProcess.start("run", "--dashboard-port", "0",
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--schema-registry-url", registryUrl(), "--application-id", "registry-down-it",
                "--input-topic", feed, "--data-dir", dir.resolve("registry-down-it").toString(),
                "--config", config("registry-down-it", Duration.ofMinutes(3)).toString(),
                // Off, so that exactly-once itself is under test (see FailoverIT).
                "--dedup-window", "0")) {
            app.awaitStderr(registryUrl() + " did not answer GET /subjects", Duration.ofMinutes(1));
            startRegistry();
            app.awaitStdout("Ctrl-C to stop.", Duration.ofMinutes(2));
            await("the dispatches before the outage routed").atMost(Duration.ofMinutes(2))
                    .until(() -> Outcomes.committed(client(), "registry-down-it", feed) == before.size());

            stopRegistry();
            TracedInputs.produce(client(), feed, during);
            app.awaitStderr(registryUrl() + " did not answer POST /subjects/", Duration.ofMinutes(1));
            startRegistry();

            List<TracedInputs.Input> inputs = new ArrayList<>(before);
            inputs.addAll(during);
            Outcomes outcomes = Outcomes.read(client(), "down-", expected(inputs), Duration.ofMinutes(3));
            outcomes.assertExactly(inputs);
            assertThat(app.isAlive()).as("still running, never restarted").isTrue();
            assertThat(app.stderr()).doesNotContain("processing stopped");
            assertThat(app.stop()).isEqualTo(143);
        }
    }

    @Test
    void shouldStopClearlyWhenTheRegistryStaysAwayAndResumeWithoutLossWhenStartedAgain() throws Exception {
        String feed = "registry-away-feed";
        WirestreamConfig unreachable = settings(feed, "http://127.0.0.1:" + Ports.freePort() + "/apis/ccompat/v7");
        Topics.ensure(client(), TracedInputs.TOPICS.all(TracedInputs.CLASSIFIER.ruleSet()), 3);
        Topics.ensure(client(), List.of(feed), 3);
        List<TracedInputs.Input> inputs = TracedInputs.wireFeed("away-", 200);
        TracedInputs.produce(client(), feed, inputs);
        TopicConfig topics = new TopicConfig(feed, "unrouted", "raw-feed.dlq");

        try (StreamsRunner down = StreamsRunner.start(unreachable, RoutingConfig.of(unreachable).withTopics(topics),
                Collaborators.of(unreachable, TracedInputs.CLASSIFIER))) {
            down.awaitStop();
            assertThat(down.failure()).isNotNull();
            assertThat(StreamsRunner.rootMessage(down.failure())).contains("did not answer").contains("schema registry");
        }

        startRegistry();
        WirestreamConfig back = settings(feed, registryUrl());
        try (StreamsRunner up = StreamsRunner.start(back, RoutingConfig.of(back).withTopics(topics),
                Collaborators.of(back, TracedInputs.CLASSIFIER))) {
            assertThat(up.awaitRunning(Duration.ofSeconds(60))).isTrue();
            Outcomes.read(client(), "away-", expected(inputs), Duration.ofMinutes(2)).assertExactly(inputs);
        }
    }

    private static long expected(List<TracedInputs.Input> inputs) {
        return inputs.stream().mapToLong(i -> i.expected().size()).sum();
    }

    private static WirestreamConfig settings(String feed, String registryUrl) throws Exception {
        Map<Setting, String> cli = new EnumMap<>(Setting.class);
        cli.put(Setting.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        cli.put(Setting.SCHEMA_REGISTRY_URL, registryUrl);
        cli.put(Setting.APPLICATION_ID, "registry-away-it");
        cli.put(Setting.INPUT_TOPIC, feed);
        cli.put(Setting.DEDUP_WINDOW, "0");
        cli.put(Setting.DATA_DIR, dir.resolve("registry-away-it").toString());
        return ConfigLoader.load(config("registry-away-it", Duration.ofSeconds(2)), Map.of(), cli);
    }

    /**
     * A settings file with the registry's retry time, and a short session, so that a restarted instance need not wait
     * 45 s for the stopped one's to expire.
     */
    private static Path config(String name, Duration registryRetry) throws Exception {
        Path file = dir.resolve(name + ".properties");
        Files.writeString(file, RegistryConfig.RETRY_TIMEOUT_MS + "=" + registryRetry.toMillis()
                + "\nkafka.session.timeout.ms=6000\n");
        return file;
    }

    private static Map<String, Object> client() {
        return Map.of("bootstrap.servers", kafka.bootstrapServers());
    }

    private static String registryUrl() {
        return "http://127.0.0.1:" + registryPort + "/apis/ccompat/v7";
    }

    /** Starts the registry on its port with its database, unless it runs. */
    private static void startRegistry() throws Exception {
        if (registry == null) {
            registry = EmbeddedRegistry.start(Path.of("target", "apicurio-registry"), "127.0.0.1", registryPort,
                    dir.resolve("registry"));
        }
    }

    private static void stopRegistry() {
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }
}
