package io.wirestream.testing;

import static org.awaitility.Awaitility.await;

import io.wirestream.embedded.ChildProcesses;
import io.wirestream.embedded.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) in a child JVM, on loopback ports fixed at
 * creation, so that it can be stopped - politely or by SIGKILL - and started again on the same address with the
 * same log, as an operator restarts a broker: alone, or as a node of a {@link ThreeNodeCluster}. It runs
 * {@code kafka.Kafka} from this test's class path, its storage formatted first with {@code kafka.tools.StorageTool},
 * as {@code kafka-storage.sh format} does.
 */
public final class ChildBroker implements AutoCloseable {

    // Generous: on a busy shared machine a JVM that starts a broker can take more than a minute to listen.
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final Path dir;
    private final int nodeId;
    private final int port;
    private volatile Process process;
    /** Stops the child if the test JVM ends first: no orphan broker keeps the port. */
    private final Thread reaper = new Thread(this::close, "stop-child-broker");

    private ChildBroker(Path dir, int nodeId, int port) {
        this.dir = dir;
        this.nodeId = nodeId;
        this.port = port;
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Formats a new single-node broker's storage in {@code dir} and starts it; returns once it answers. */
    public static ChildBroker start(Path dir) throws IOException, InterruptedException {
        int port = Ports.freePort();
        int controllerPort = Ports.freePort();
        ChildBroker broker = format(dir, 1, Uuid.randomUuid().toString(), port, List.of(
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1"));
        broker.start();
        return broker;
    }

    /**
     * Writes the server.properties of node {@code nodeId} of cluster {@code clusterId} in {@code dir} - a combined
     * broker and controller, its log in {@code dir}, with {@code settings} for its listeners and quorum - and formats
     * its storage; does not start it. {@code port} is the listener the test's own clients reach it on.
     */
    public static ChildBroker format(Path dir, int nodeId, String clusterId, int port, List<String> settings)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path properties = dir.resolve("server.properties");
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.listener.names=CONTROLLER",
                "log.dirs=" + dir.resolve("log").toAbsolutePath(),
                "group.initial.rebalance.delay.ms=0"));
        lines.addAll(settings);
        Files.write(properties, lines);
        Process format = java("kafka.tools.StorageTool", "format", "--cluster-id", clusterId,
                "--config", properties.toString()).redirectOutput(dir.resolve("format.log").toFile()).start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IOException("cannot format the broker's storage; see " + dir.resolve("format.log"));
        }
        return new ChildBroker(dir, nodeId, port);
    }

    /** Starts the broker process (again) on the same ports and log; returns once the cluster counts it in. */
    public void start() throws IOException, InterruptedException {
        launch();
        awaitReady();
    }

    /** Starts the broker process (again) without waiting: the nodes of a quorum must start together. */
    public void launch() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("broker " + nodeId + " is running");
        }
        process = java("kafka.Kafka", dir.resolve("server.properties").toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
    }

    /** Waits until the broker answers and the cluster's metadata lists it: registered, not fenced. */
    public void awaitReady() {
        // Listening first, so that the client below does not warn of every refused connection while it starts.
        await("broker " + nodeId + " listens on " + bootstrapServers()).atMost(READY_TIMEOUT)
                .pollInterval(Duration.ofMillis(200)).until(this::listens);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            await("broker " + nodeId + " at " + bootstrapServers() + " is in the cluster (its log: " + log() + ")")
                    .atMost(READY_TIMEOUT).until(() -> answers(admin));
        }
    }

    private boolean listens() {
        if (!process.isAlive()) {
            throw new IllegalStateException("broker " + nodeId + " exited with code " + process.exitValue()
                    + "; its log: " + log());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean answers(Admin admin) {
        if (!process.isAlive()) {
            throw new IllegalStateException("broker " + nodeId + " exited with code " + process.exitValue()
                    + "; its log: " + log());
        }
        try {
            return admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).stream().anyMatch(n -> n.id() == nodeId);
        } catch (Exception e) {
            return false;
        }
    }

    /** SIGTERM: a controlled shutdown; waits until the process is gone. */
    public int stop() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    /** SIGKILL: the broker gets no chance to close its log or tell anyone; waits until the process is gone. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return awaitExit();
    }

    private int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    /** Where the test's own clients reach it. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int nodeId() {
        return nodeId;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Its stdout and stderr, over every start. */
    public Path log() {
        return dir.resolve("broker.log");
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // Already shutting down: this is the reaper.
        }
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops it if it runs and deletes its data, keeping its own log: a finished test's disk back. */
    public void closeAndDeleteData() {
        close();
        Path data = dir.resolve("log");
        if (Files.isDirectory(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // Only disk space: the temporary folder goes in time.
            }
        }
    }

    /** A JVM on this test's class path running {@code mainClass}; its stderr joins its stdout. */
    private static ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
