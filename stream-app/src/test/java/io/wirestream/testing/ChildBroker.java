package io.wirestream.testing;

import static org.awaitility.Awaitility.await;

import io.wirestream.embedded.ChildProcesses;
import io.wirestream.embedded.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) in a child JVM, on loopback ports fixed at
 * creation, so that it can be stopped - politely or by SIGKILL - and started again on the same address with the
 * same log, as an operator restarts a broker. It runs {@code kafka.Kafka} from this test's class path, its
 * storage formatted first with {@code kafka.tools.StorageTool}, as {@code kafka-storage.sh format} does.
 */
public final class ChildBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final int port;
    private volatile Process process;
    /** Stops the child if the test JVM ends first: no orphan broker keeps the port. */
    private final Thread reaper = new Thread(this::close, "stop-child-broker");

    private ChildBroker(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Formats a new broker's storage in {@code dir} and starts it; returns once it answers. */
    public static ChildBroker start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port = Ports.freePort();
        int controllerPort = Ports.freePort();
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("log").toAbsolutePath(),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
        Process format = java("kafka.tools.StorageTool", "format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", properties.toString()).redirectOutput(dir.resolve("format.log").toFile()).start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IOException("cannot format the broker's storage; see " + dir.resolve("format.log"));
        }
        ChildBroker broker = new ChildBroker(dir, port);
        broker.start();
        return broker;
    }

    /** Starts the broker process (again) on the same ports and log; returns once it answers. */
    public void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is running");
        }
        process = java("kafka.Kafka", dir.resolve("server.properties").toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
                .start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            await("broker at " + bootstrapServers() + " answers (its log: " + dir.resolve("broker.log") + ")")
                    .atMost(READY_TIMEOUT).until(() -> answers(admin));
        }
    }

    private boolean answers(Admin admin) {
        if (!process.isAlive()) {
            throw new IllegalStateException("the broker exited with code " + process.exitValue() + "; its log: "
                    + dir.resolve("broker.log"));
        }
        try {
            return admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size() == 1;
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

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
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

    /** A JVM on this test's class path running {@code mainClass}; its stderr joins its stdout. */
    private static ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(ChildProcesses.javaBinary(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
