package io.wirestream.bench;

import io.wirestream.testing.SseViewers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The viewers of {@link DashboardViewersBenchmark} in a JVM of their own, which the benchmark starts at the lowest
 * CPU priority ({@code nice -n 19}): reading thousands of streams is a browser's work, done on the viewers' own
 * machines in use, and here it should take only what the pipeline and the broker leave of the cores, while its CPU
 * time can be read apart from theirs. Told what to do on stdin, one command a line; answers on stdout:
 * <ul>
 *   <li>{@code connect}: opens the streams and waits for every snapshot; {@code connected <viewers> <largest
 *       snapshot's bytes>};</li>
 *   <li>{@code disconnect}: closes them; {@code disconnected <streams the server had closed>};</li>
 *   <li>{@code marking on|off}: whether items are read for markers; {@code marking};</li>
 *   <li>{@code arrivals}: {@code arrivals <markers' arrivals so far>};</li>
 *   <li>{@code latencies <from> <to> <sent at, by marker, in nanoseconds...>}: of the markers numbered from, up to
 *       to, {@code latencies <count> <p50> <p99> <max>} in milliseconds, then the same three of each marker's time to its first viewer, and of the time from its
 *       first viewer to its last;</li>
 *   <li>{@code resynced}: {@code resynced <snapshots the viewers had while markers were read>};</li>
 *   <li>{@code arrived}: {@code arrived <first> <last> ...}, each marker's first and last arrival at any viewer
 *       ({@link System#nanoTime}, 0 for none);</li>
 *   <li>{@code closed}: {@code closed <streams the server closed> <the first failure, or ->}, of the streams
 *       open now.</li>
 * </ul>
 * Arguments: the dashboard's port, viewers, markers.
 */
public final class ViewersProcess {

    static final String READY = "viewers ready";
    private static final Duration CONNECT = Duration.ofMinutes(5);

    private final InetSocketAddress server;
    private final int viewers;
    private final ViewerLatencies seen;
    private SseViewers clients;

    private ViewersProcess(int port, int viewers, int markers) {
        this.server = new InetSocketAddress("127.0.0.1", port);
        this.viewers = viewers;
        this.seen = new ViewerLatencies(viewers, markers);
    }

    public static void main(String[] args) throws Exception {
        ViewersProcess process = new ViewersProcess(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]));
        process.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        System.exit(0);
    }

    private void serve(BufferedReader in) throws Exception {
        System.out.println(READY);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.strip().split(" ");
            switch (words[0]) {
                case "connect" -> connect();
                case "disconnect" -> {
                    clients.close();
                    System.out.println("disconnected " + clients.closed());
                }
                case "marking" -> {
                    seen.marking(words[1].equals("on"));
                    System.out.println("marking");
                }
                case "arrivals" -> System.out.println("arrivals " + seen.arrivals());
                case "latencies" -> latencies(words);
                case "resynced" -> System.out.println("resynced " + seen.snapshotsWhileMarking());
                case "arrived" -> System.out.println("arrived " + Arrays.stream(seen.firstAndLast())
                        .mapToObj(Long::toString).collect(Collectors.joining(" ")));
                case "closed" -> System.out.println("closed " + clients.closed() + " "
                        + (clients.failure() == null ? "-" : clients.failure().replace('\n', ' ')));
                case "quit" -> {
                    clients.close();
                    return;
                }
                default -> throw new IllegalArgumentException("no such command: " + line);
            }
        }
    }

    private void connect() throws IOException, InterruptedException {
        seen.forgetSnapshots();
        clients = new SseViewers(server, "127.0.0.1", seen);
        clients.open(viewers);
        long deadline = System.nanoTime() + CONNECT.toNanos();
        while (seen.snapshots() < viewers && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        System.out.println("connected " + seen.snapshots() + " " + seen.largestSnapshot());
    }

    private void latencies(String[] words) {
        int from = Integer.parseInt(words[1]);
        int to = Integer.parseInt(words[2]);
        long[] sentAt = Arrays.stream(words, 3, words.length).mapToLong(Long::parseLong).toArray();
        double[] millis = seen.millis(sentAt, from, to);
        double[][] firstAndSpread = seen.firstAndSpread(sentAt, from, to);
        System.out.println(String.format(Locale.ROOT, "latencies %d %s %s %s", millis.length, percentiles(millis),
                percentiles(firstAndSpread[0]), percentiles(firstAndSpread[1])));
    }

    private static String percentiles(double[] sorted) {
        return String.format(Locale.ROOT, "%.3f %.3f %.3f", ViewerLatencies.percentile(sorted, 0.5),
                ViewerLatencies.percentile(sorted, 0.99), ViewerLatencies.percentile(sorted, 1));
    }
}
