package io.wirestream.testing;

import io.wirestream.embedded.EmbeddedRegistry;
import io.wirestream.embedded.Ports;
import io.wirestream.runtime.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ThreeNodeCluster} with two routes and a schema registry (Apicurio, a child process, its storage its own so
 * that no broker fault reaches it), and {@code wirestream run} against them as a user runs it: its own JVM, connected
 * to the nodes directly or only through a route of proxies that the test can cut. Starting them takes a minute or more, so the
 * cluster tests share one set, each test class with its own application id and trace prefixes; it is stopped, and
 * its brokers' data deleted, when the test JVM ends.
 */
public final class ClusterServices implements TestServices {

    /** Partitions of the input: room for two instances with work each. */
    public static final int PARTITIONS = 6;

    private static ClusterServices shared;

    private final Path dir;
    private final ThreeNodeCluster cluster;
    private final EmbeddedRegistry registry;

    private ClusterServices(Path dir, ThreeNodeCluster cluster, EmbeddedRegistry registry) {
        this.dir = dir;
        this.cluster = cluster;
        this.registry = registry;
    }

    /**
     * The set the cluster tests share, started on first use; later, repaired of whatever the test before left behind
     * (see {@link ThreeNodeCluster#repair()}).
     */
    public static synchronized ClusterServices shared() throws IOException, InterruptedException {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "stop-cluster-services"));
        } else {
            shared.cluster.repair();
        }
        return shared;
    }

    /**
     * Starts both (one after the other: side by side on a small machine, the registry's database can time out while
     * it starts), and creates the traced inputs' topics as production wants them: {@value #PARTITIONS} partitions,
     * three replicas.
     */
    /**
     * The cluster, on ports found free and bound seconds later by the nodes' JVMs: a port can be taken in between (by
     * any client's ephemeral port), and a node then fails to bind it. Such a start is tried again on new ports, twice.
     */
    private static ThreeNodeCluster startCluster(Path dir) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return ThreeNodeCluster.start(dir.resolve(attempt == 1 ? "cluster" : "cluster-" + attempt), 2);
            } catch (IOException e) {
                if (attempt == 3) {
                    throw e;
                }
                System.out.printf("the cluster did not start (%s); starting it again on other ports%n",
                        e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            }
        }
    }

    private static ClusterServices start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("wirestream-cluster-it");
        ThreeNodeCluster cluster = startCluster(dir);
        EmbeddedRegistry registry = null;
        try {
            registry = EmbeddedRegistry.start(Path.of("target", "apicurio-registry"), "127.0.0.1", Ports.freePort(),
                    dir.resolve("registry"));
            List<String> topics = new ArrayList<>(TracedInputs.TOPICS.all(TracedInputs.CLASSIFIER.ruleSet()));
            topics.addAll(List.of("alerts", "alert-rules"));
            Topics.ensure(cluster.clientConfig(), topics, Set.of("alert-rules"), new Topics.Layout(PARTITIONS, 3));
            return new ClusterServices(dir, cluster, registry);
        } catch (IOException | RuntimeException e) {
            if (registry != null) {
                registry.close();
            }
            cluster.close();
            throw e;
        }
    }

    public ThreeNodeCluster cluster() {
        return cluster;
    }

    /** Every node's direct address, for the test's own clients. */
    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /**
     * Reads back, {@code read_committed}, what the pipeline wrote for {@code inputs} (traced with {@code prefix}),
     * asserts that each had exactly its outcomes, and returns how many outcomes that was.
     */
    public long assertExactly(List<TracedInputs.Input> inputs, String prefix, Duration patience) {
        long expected = inputs.stream().mapToLong(i -> i.expected().size()).sum();
        Outcomes.read(clientConfig(), prefix, expected, patience).assertExactly(inputs);
        return expected;
    }

    public Map<String, Object> clientConfig() {
        return cluster.clientConfig();
    }

    @Override
    public String registryUrl() {
        return registry.url();
    }

    @Override
    public Path dir() {
        return dir;
    }

    /**
     * {@code wirestream run} as instance {@code name} of {@code applicationId}, with {@code more} options, connected to
     * the nodes directly: for tests that stop and start brokers. (Not through a route: a proxy in front of a broker
     * that is down has accepted the connection before it can find that out, and Kafka's clients take a broker that
     * accepts connections for a live one and keep asking it for metadata; a broker that is down refuses them.)
     *
     * <p>Without the dashboard page (only {@code /metrics} and the health checks, on a port of its own). Its session is
     * 10 s, so that the group notices a lost instance in seconds rather than 45; deduplication is off unless
     * {@code more} says otherwise, so that exactly-once itself is under test (with it on, an input processed twice
     * would be dropped as a repeat of itself and the doubling would go unseen).
     */
    public WirestreamProcess run(String name, String applicationId, String... more) throws IOException {
        return run(cluster.bootstrapServers(), name, applicationId, more);
    }

    /**
     * The same, reaching the cluster only through route {@code route}, which the test can cut: for tests of the
     * network, which leave the brokers up.
     */
    public WirestreamProcess runThrough(int route, String name, String applicationId, String... more)
            throws IOException {
        return run(cluster.route(route).bootstrapServers(), name, applicationId, more);
    }

    private WirestreamProcess run(String bootstrapServers, String name, String applicationId, String... more)
            throws IOException {
        Path config = dir.resolve(name + ".properties");
        Files.writeString(config, "kafka.session.timeout.ms=10000\nkafka.heartbeat.interval.ms=2000\n"
                + "dashboard.enabled=false\n");
        List<String> args = new ArrayList<>(List.of("run", "--dashboard-port", "0",
                "--bootstrap-servers", bootstrapServers, "--schema-registry-url", registryUrl(),
                "--application-id", applicationId, "--data-dir", dir.resolve(name).toString(),
                "--partitions", Integer.toString(PARTITIONS), "--config", config.toString()));
        if (!List.of(more).contains("--dedup-window")) {
            args.addAll(List.of("--dedup-window", "0"));
        }
        args.addAll(List.of(more));
        return WirestreamProcess.start(args.toArray(String[]::new));
    }

    @Override
    public void close() {
        registry.close();
        cluster.close();
    }
}
