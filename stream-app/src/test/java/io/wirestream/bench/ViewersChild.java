package io.wirestream.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The benchmark's side of {@link ViewersProcess}: starts it at the lowest CPU priority, tells it what to do, reads
 * its answers, and reads its CPU time from {@code /proc}.
 */
final class ViewersChild implements AutoCloseable {

    private static final Duration ANSWER = Duration.ofSeconds(30);
    private static final Duration CONNECT = Duration.ofMinutes(6);

    private final JavaProcess process;

    private ViewersChild(JavaProcess process) {
        this.process = process;
    }

    /** Starts the viewers' JVM, with no stream open yet. */
    static ViewersChild start(int port, int viewers, int markers, Path dir) throws IOException, InterruptedException {
        List<String> jvm = List.of("-Xmx512m", "-Xlog:gc:file=" + gcLog(dir).toAbsolutePath() + ":timemillis");
        JavaProcess process = JavaProcess.startNiced("viewers", jvm, ViewersProcess.class.getName(), List.of(Integer.toString(port), Integer.toString(viewers), Integer.toString(markers)), dir);
        try {
            process.awaitLine(ViewersProcess.READY, Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return new ViewersChild(process);
    }

    /** The viewers' JVM's collector's log, in {@code dir}. */
    static Path gcLog(Path dir) {
        return dir.resolve("viewers-gc.log");
    }

    /** Opens every stream and waits for their snapshots: how many had one, and the largest's bytes. */
    long[] connect() throws IOException, InterruptedException {
        return numbers(ask("connect", "connected ", CONNECT));
    }

    /** Closes every stream; how many of them the server had closed. */
    long disconnect() throws IOException, InterruptedException {
        return numbers(ask("disconnect", "disconnected ", ANSWER))[0];
    }

    void marking(boolean on) throws IOException, InterruptedException {
        ask("marking " + (on ? "on" : "off"), "marking", ANSWER);
    }

    /** Arrivals of marked dispatches so far, at all viewers. */
    long arrivals() throws IOException, InterruptedException {
        return numbers(ask("arrivals", "arrivals ", ANSWER))[0];
    }

    /**
     * From each marker's send ({@code sentAt}, nanoseconds by marker) to its arrivals, of the markers numbered
     * {@code from} up to {@code to}: count, p50, p99, max in ms; then p50, p99, max of each marker's time to its first
     * viewer, and of the time from its first viewer to its last.
     */
    double[] latencies(long[] sentAt, int from, int to) throws IOException, InterruptedException {
        String line = ask("latencies " + from + " " + to + " " + Arrays.stream(sentAt).mapToObj(Long::toString)
                .collect(Collectors.joining(" ")), "latencies ", ANSWER);
        return Arrays.stream(line.split(" ")).skip(1).mapToDouble(Double::parseDouble).toArray();
    }

    /** Snapshots the viewers had while markers were read. */
    long resynced() throws IOException, InterruptedException {
        return numbers(ask("resynced", "resynced ", ANSWER))[0];
    }

    /** Each marker's first and last arrival at any viewer, interleaved, in {@link System#nanoTime}; 0 for none. */
    long[] arrived() throws IOException, InterruptedException {
        return numbers(ask("arrived", "arrived ", ANSWER));
    }

    /** How many of the open streams the server closed, and the first thing the viewers could not make sense of. */
    String closed() throws IOException, InterruptedException {
        return ask("closed", "closed ", ANSWER).substring("closed ".length());
    }

    /** The viewers' JVM's CPU time so far, in seconds. */
    double cpuSeconds() {
        return process.cpuSeconds();
    }

    private String ask(String command, String answer, Duration timeout) throws IOException, InterruptedException {
        process.requireAlive();
        process.send(command);
        return process.awaitLine(answer, timeout);
    }

    private static long[] numbers(String line) {
        return Arrays.stream(line.split(" ")).skip(1).mapToLong(Long::parseLong).toArray();
    }

    @Override
    public void close() {
        process.close();
    }
}
