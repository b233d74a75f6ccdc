package io.wirestream.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The shaded jar run as a user runs it, in a process of its own, with its output read line by line. */
final class JarProcess implements AutoCloseable {

    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private JarProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readLines, "app-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -jar target/wirestream.jar args...}, standard error to {@code stderr}. */
    static JarProcess start(Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", Path.of("target", "wirestream.jar").toString()));
        command.addAll(List.of(args));
        return new JarProcess(new ProcessBuilder(command).redirectError(stderr.toFile()).start());
    }

    /** Every line printed until one containing {@code wanted}; fails after {@code timeout}, showing them. */
    List<String> awaitLine(String wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(wanted)) {
                    return List.copyOf(seen);
                }
            }
        }
        throw new AssertionError("no '" + wanted + "' within " + timeout + "; output so far:\n" + String.join("\n", seen));
    }

    Process process() {
        return process;
    }

    /** SIGTERM, then waits; true when it stopped within {@code timeout}. */
    boolean stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void readLines() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(stdout closed: " + e + ")");
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() && !stop(Duration.ofSeconds(60))) {
            process.destroyForcibly();
        }
    }
}
