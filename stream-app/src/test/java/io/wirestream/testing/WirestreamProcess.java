package io.wirestream.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.embedded.ChildProcesses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * {@code java -jar wirestream.jar ARGS} as a user runs it, in its own JVM: its stdout and stderr lines are kept for
 * the test to wait on and check; it can be stopped with SIGTERM or killed with SIGKILL.
 */
public final class WirestreamProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target", "wirestream.jar");

    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();

    /** Kills the child if the test JVM ends first: no orphan keeps ports or a group membership. */
    private final Thread reaper;

    private WirestreamProcess(Process process) {
        this.process = process;
        this.reaper = new Thread(process::destroyForcibly, "stop-wirestream-" + process.pid());
        Runtime.getRuntime().addShutdownHook(reaper);
        readers.add(follow(process.getInputStream(), out, "stdout"));
        readers.add(follow(process.getErrorStream(), err, "stderr"));
    }

    /** Starts {@code java -Xmx384m -jar target/wirestream.jar args}. */
    public static WirestreamProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "-Xmx384m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new WirestreamProcess(new ProcessBuilder(command).start());
    }

    private Thread follow(InputStream stream, List<String> lines, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                synchronized (lines) {
                    lines.add("(" + name + " closed: " + e + ")");
                }
            }
        }, "wirestream-" + process.pid() + "-" + name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Waits for a line of stdout containing {@code text}; returns stdout so far. */
    public String awaitStdout(String text, Duration timeout) throws InterruptedException {
        return await(out, text, timeout);
    }

    /** Waits for a line of stderr (the log) containing {@code text}; returns stderr so far. */
    public String awaitStderr(String text, Duration timeout) throws InterruptedException {
        return await(err, text, timeout);
    }

    private String await(List<String> lines, String text, Duration timeout) throws InterruptedException {
        Awaitility.await("wirestream (pid " + process.pid() + ") printed '" + text + "'").atMost(timeout)
                .untilAsserted(() -> assertThat(join(lines).contains(text) || !process.isAlive())
                        .as(() -> "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr()).isTrue());
        if (!process.isAlive()) {
            awaitReaders();
        }
        if (!join(lines).contains(text)) {
            throw new AssertionError("wirestream exited (" + process.exitValue() + ") without printing '" + text
                    + "'\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
        }
        return join(lines);
    }

    /** After the process ended: its last lines may still be on their way to the readers. */
    private void awaitReaders() throws InterruptedException {
        for (Thread reader : readers) {
            reader.join(5_000);
        }
    }

    public String stdout() {
        return join(out);
    }

    public String stderr() {
        return join(err);
    }

    private static String join(List<String> lines) {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("wirestream (pid " + process.pid() + ") still runs after " + timeout.toSeconds()
                    + " s\nstderr:\n" + stderr());
        }
        awaitReaders();
        return process.exitValue();
    }

    /** SIGTERM, as Ctrl-C or {@code docker stop}; the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        return awaitExit(Duration.ofSeconds(60));
    }

    /**
     * Checks that it ran through whatever the test did to its surroundings - still running, processing never stopped,
     * no thread died of an exception - then stops it with SIGTERM, which must be a clean stop (exit code 143).
     */
    public void stopAfterRunningThrough() throws InterruptedException {
        assertThat(isAlive()).as("wirestream (pid %d) still runs; its log:%n%s", pid(), stderr()).isTrue();
        assertThat(stop()).as("exit code on SIGTERM").isEqualTo(143);
        assertThat(stderr()).doesNotContain("Exception in thread").doesNotContain("processing stopped");
    }

    /** SIGKILL: no shutdown hook runs, nothing is closed or committed; the exit code (137 on Linux). */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return awaitExit(Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // Already shutting down: the reaper runs.
        }
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

}
