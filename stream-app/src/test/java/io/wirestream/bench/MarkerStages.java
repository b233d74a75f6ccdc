package io.wirestream.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each marked dispatch's time went, for the viewers' benchmark: from its send to its first read on an output
 * topic as committed (the broker, the routing, the exactly-once commit), from there to its first viewer (the page's
 * feed and the broadcaster), and from its first viewer to its last (the fan-out and the reading); and, for the
 * slowest, the pipeline's collector pauses that fell within its way. Times are {@link System#nanoTime}, which the
 * harness and the viewers' JVM share on Linux; the collector's log is stamped in epoch milliseconds
 * ({@code -Xlog:gc:...:timemillis}), set beside them by one reading of both clocks.
 */
final class MarkerStages {

    /** {@code [1765000000123ms] GC(5) Pause Young (Normal) (G1 Evacuation Pause) 120M->100M(256M) 15.123ms}. */
    private static final Pattern PAUSE = Pattern.compile("^\\[(\\d+)ms\\].*(Pause [^(]*(?:\\([^)]*\\))?).* "
            + "(\\d+)M->(\\d+)M\\(\\d+M\\) ([0-9.]+)ms");
    private static final int SLOWEST = 8;

    /** A pause of the collector: when it ended (epoch ms), how long, what kind, heap before and after. */
    private record Pause(long endMillis, double millis, String kind, int before, int after) {
    }

    private final long[] sentAt;
    private final long[] readAt;
    private final long[] arrived;
    private final long[] probe;
    private final long epochOffsetMillis;

    /**
     * @param sentAt  each marker's send
     * @param readAt  its first read on an output, 0 for none
     * @param arrived its first and last arrival at a viewer, interleaved, 0 for none
     * @param probe   the same at one viewer read at normal priority in the harness's JVM
     */
    MarkerStages(long[] sentAt, long[] readAt, long[] arrived, long[] probe) {
        this.sentAt = sentAt;
        this.readAt = readAt;
        this.arrived = arrived;
        this.probe = probe;
        this.epochOffsetMillis = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
    }

    /** p50 / p99 / max of each stage, in ms, over the markers numbered {@code from} up to {@code to}. */
    String split(int from, int to) {
        List<Double> output = new ArrayList<>();
        List<Double> feed = new ArrayList<>();
        List<Double> spread = new ArrayList<>();
        List<Double> probed = new ArrayList<>();
        for (int n = from; n < to; n++) {
            if (readAt[n] != 0 && probe[2 * n] != 0) {
                probed.add(ms(probe[2 * n] - readAt[n]));
            }
            if (readAt[n] != 0) {
                output.add(ms(readAt[n] - sentAt[n]));
            }
            if (readAt[n] != 0 && arrived[2 * n] != 0) {
                feed.add(ms(arrived[2 * n] - readAt[n]));
            }
            if (arrived[2 * n] != 0) {
                spread.add(ms(arrived[2 * n + 1] - arrived[2 * n]));
            }
        }
        return String.format(Locale.ROOT, "%s; %s; %s ms (%d of %d markers read on an output); from the output to "
                + "the harness's own viewer at normal priority %s ms", percentiles(output), percentiles(feed),
                percentiles(spread), output.size(), to - from, percentiles(probed));
    }

    /**
     * A line per marker, tab-separated, into {@code file}; the slowest markers' lines. Each with the collector's
     * pauses on its way, of the pipeline ({@code gcLog}) and of the viewers' JVM ({@code viewersGcLog}).
     */
    List<String> slowest(Path gcLog, Path viewersGcLog, Path file) throws IOException {
        List<Pause> pauses = pauses(gcLog);
        List<Pause> viewersPauses = pauses(viewersGcLog);
        List<String> lines = new ArrayList<>(List.of("marker\tsent (epoch ms)\tto output ms\toutput to first viewer "
                + "ms\tfirst to last viewer ms\ttotal ms\toutput to the harness's viewer ms\tthe pipeline's pauses on "
                + "the way (ms)\tthe viewers' JVM's pauses"));
        Integer[] order = new Integer[sentAt.length];
        for (int n = 0; n < order.length; n++) {
            order[n] = n;
            lines.add(line(n, pauses, viewersPauses));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        Arrays.sort(order, (a, b) -> Long.compare(end(b) - sentAt[b], end(a) - sentAt[a]));
        List<String> slow = new ArrayList<>();
        for (int i = 0; i < Math.min(SLOWEST, order.length); i++) {
            slow.add(line(order[i], pauses, viewersPauses));
        }
        return slow;
    }

    private String line(int n, List<Pause> pauses, List<Pause> viewersPauses) {
        return String.format(Locale.ROOT, "%d\t%d\t%s\t%s\t%s\t%.0f\t%s\t%s\t%s", n,
                sentAt[n] / 1_000_000 + epochOffsetMillis, stage(sentAt[n], readAt[n]), stage(readAt[n], arrived[2 * n]),
                stage(arrived[2 * n], arrived[2 * n + 1]), ms(end(n) - sentAt[n]), stage(readAt[n], probe[2 * n]),
                during(n, pauses), during(n, viewersPauses));
    }

    /** The pauses that fell within marker {@code n}'s way: their sum, and each. */
    private String during(int n, List<Pause> pauses) {
        long end = end(n);
        StringBuilder during = new StringBuilder();
        double paused = 0;
        for (Pause pause : pauses) {
            long pauseEnd = pause.endMillis() - epochOffsetMillis;
            long pauseStart = pauseEnd - Math.round(pause.millis());
            if (pauseEnd >= sentAt[n] / 1_000_000 && pauseStart <= end / 1_000_000) {
                paused += pause.millis();
                during.append(String.format(Locale.ROOT, " %s %.0f (%dM->%dM)", pause.kind().strip(), pause.millis(),
                        pause.before(), pause.after()));
            }
        }
        return String.format(Locale.ROOT, "%.0f:%s", paused, during);
    }

    private long end(int n) {
        return arrived[2 * n + 1] != 0 ? arrived[2 * n + 1] : readAt[n] != 0 ? readAt[n] : sentAt[n];
    }

    private static String stage(long from, long to) {
        return from == 0 || to == 0 ? "-" : String.format(Locale.ROOT, "%.0f", ms(to - from));
    }

    private static List<Pause> pauses(Path gcLog) throws IOException {
        List<Pause> pauses = new ArrayList<>();
        if (!Files.exists(gcLog)) {
            return pauses;
        }
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                pauses.add(new Pause(Long.parseLong(m.group(1)), Double.parseDouble(m.group(5)), m.group(2),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
            }
        }
        return pauses;
    }

    private static String percentiles(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", ViewerLatencies.percentile(sorted, 0.5),
                ViewerLatencies.percentile(sorted, 0.99), ViewerLatencies.percentile(sorted, 1));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
