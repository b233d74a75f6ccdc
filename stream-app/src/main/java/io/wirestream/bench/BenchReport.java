package io.wirestream.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results as a table for the terminal and as a Markdown section. The section sits between two markers in the
 * report file and only it is replaced, so hand-written text around it (other benchmarks, the analysis) stays.
 */
public final class BenchReport {

    public static final String BEGIN = "<!-- wirestream bench: begin. Written by 'wirestream bench'; the rest of this file is "
            + "kept. -->";
    public static final String END = "<!-- wirestream bench: end -->";

    /** The goals of issue 8, reported against (they are benchmarks, not tests). */
    static final double PIPELINE_RATIO_GOAL = 0.5;
    static final double P99_EXACTLY_ONCE_GOAL_MS = 150;
    static final double P99_AT_LEAST_ONCE_GOAL_MS = 30;
    static final int GOAL_RATE = 1_000;
    static final double ALERTS_RATIO_GOAL = 1.0 / 3;
    static final long HEAP_GOAL_BYTES = 256L << 20;

    private final BenchResults results;

    BenchReport(BenchResults results) {
        this.results = results;
    }

    /** Rows of cells; the first row is the header. */
    private List<String[]> throughputRows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"run", "dispatches/s", "vs limit", "2nd half/s", "vs limit", "heap live", "heap peak",
            "RSS peak"});
        for (BenchResults.Throughput limit : results.limits()) {
            rows.add(rates(limit, "", "", ""));
        }
        for (BenchResults.Throughput floor : results.floors()) {
            rows.add(rates(floor, "", "", ""));
        }
        for (BenchResults.Throughput run : results.pipelines()) {
            MemoryProbe.Memory memory = run.memory();
            rows.add(rates(run, megabytes(memory.liveHeap()), megabytes(memory.peakHeap()),
                    megabytes(memory.peakRss())));
        }
        return rows;
    }

    /** A run's rates, whole and second half, each beside the limit of its guarantee (the copy's mean). */
    private String[] rates(BenchResults.Throughput run, String... memory) {
        String[] row = {run.name(), number(run.perSecond()), ratio(run.perSecond() / results.limit(run.guarantee())),
            number(run.secondHalfPerSecond()),
            ratio(run.secondHalfPerSecond() / results.secondHalfLimit(run.guarantee())), "", "", ""};
        System.arraycopy(memory, 0, row, 5, memory.length);
        return row;
    }

    private List<String[]> latencyRows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"latency: send to read_committed", "rate", "p50 ms", "p99 ms", "p99.9 ms", "samples"});
        for (BenchResults.Latency latency : results.latencies()) {
            rows.add(new String[] {"pipeline, " + guaranteeName(latency.guarantee()), number(latency.rate()) + "/s",
                millis(latency.p50()), millis(latency.p99()), millis(latency.p999()),
                number(latency.samples()) + (latency.missing() > 0 ? " (" + latency.missing() + " missing)" : "")});
        }
        BenchResults.RoundTrip trip = results.roundTrip();
        rows.add(new String[] {String.format(Locale.ROOT, "limit: Kafka EndToEndLatency, %,d B", trip.recordSize()),
            "serial", millis(trip.p50()), millis(trip.p99()), millis(trip.p999()), number(trip.records())});
        return rows;
    }

    private List<String[]> goalRows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"goal", "target", "measured", ""});
        BenchResults.Throughput eos = pipeline(Bench.EXACTLY_ONCE, 0);
        double eosRatio = eos.perSecond() / results.limit(Bench.EXACTLY_ONCE);
        rows.add(goal("pipeline throughput, exactly-once, vs the copy", "≥ " + ratio(PIPELINE_RATIO_GOAL),
                ratio(eosRatio), eosRatio >= PIPELINE_RATIO_GOAL));
        for (String guarantee : List.of(Bench.EXACTLY_ONCE, Bench.AT_LEAST_ONCE)) {
            double goal = guarantee.equals(Bench.EXACTLY_ONCE) ? P99_EXACTLY_ONCE_GOAL_MS : P99_AT_LEAST_ONCE_GOAL_MS;
            results.latencies().stream().filter(l -> l.guarantee().equals(guarantee) && l.rate() == GOAL_RATE)
                    .findFirst().ifPresent(l -> rows.add(goal(String.format(Locale.ROOT, "p99 latency at %,d/s, %s",
                            GOAL_RATE, guaranteeName(guarantee)), "≤ " + millis(goal) + " ms", millis(l.p99()) + " ms",
                            l.p99() <= goal)));
        }
        BenchResults.Throughput alerts = results.pipelines().stream().filter(p -> p.alerts() > 0).findFirst()
                .orElse(null);
        if (alerts != null) {
            double share = alerts.perSecond() / eos.perSecond();
            rows.add(goal(String.format(Locale.ROOT, "throughput with %,d alerts vs without", alerts.alerts()),
                    "≥ 0.33", ratio(share), share >= ALERTS_RATIO_GOAL));
        }
        long heap = results.pipelines().stream().mapToLong(p -> p.memory().liveHeap()).max().orElse(-1);
        if (heap >= 0) {
            rows.add(goal("steady-state heap (live, largest of the runs)", "≤ 256 MB", megabytes(heap),
                    heap <= HEAP_GOAL_BYTES));
        }
        return rows;
    }

    private BenchResults.Throughput pipeline(String guarantee, int alerts) {
        return results.pipelines().stream().filter(p -> p.guarantee().equals(guarantee) && p.alerts() == alerts)
                .findFirst().orElseThrow();
    }

    private static String[] goal(String what, String target, String measured, boolean met) {
        return new String[] {what, target, measured, met ? "met" : "MISSED"};
    }

    /** The plain-text tables for the terminal. */
    String text() {
        StringBuilder out = new StringBuilder();
        BenchResults.Input input = results.input();
        out.append(String.format(Locale.ROOT, "%,d dispatches of %,d-%,d B (mean %,.0f B), %d partitions, seed %d%n%n",
                input.count(), input.minBytes(), input.maxBytes(), input.meanBytes(), results.options().partitions(),
                results.options().seed()));
        for (List<String[]> table : List.of(throughputRows(), latencyRows(), goalRows())) {
            int[] widths = widths(table);
            for (String[] row : table) {
                for (int c = 0; c < row.length; c++) {
                    String format = c == 0 ? "%-" + widths[c] + "s" : "  %" + widths[c] + "s";
                    out.append(String.format(Locale.ROOT, format, row[c]));
                }
                out.append(System.lineSeparator());
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    /** The Markdown section, markers included; {@code chart} is named relative to the report. */
    String markdown(String chart) {
        BenchResults.Input input = results.input();
        BenchOptions options = results.options();
        Machine machine = results.machine();
        StringBuilder md = new StringBuilder(BEGIN).append("\n\n");
        List<String> about = new ArrayList<>();
        about.add("Run of " + LocalDate.now() + " on " + machine.summary() + ".");
        if (machine.loadBefore() >= 0) {
            about.add(String.format(Locale.ROOT, "Load average %.1f at the start, %.1f at the end.",
                    machine.loadBefore(), machine.loadAfter()));
        }
        if (options.note() != null && !options.note().isBlank()) {
            about.add(options.note().strip());
        }
        md.append(String.join(" ", about));
        md.append(String.format(Locale.ROOT, "%n%n`wirestream bench --count %d --partitions %d --seed %d --rates %s "
                + "--warmup %ds --latency-duration %ds --round-trips %d --alerts %d%s%s`%s: %,d generated dispatches of "
                + "%,d-%,d bytes (mean %,.0f), loaded at %,.0f/s.%n%n", options.count(), options.partitions(),
                options.seed(), String.join(",", options.rates().stream().map(String::valueOf).toList()),
                options.warmup().toSeconds(), options.latencyDuration().toSeconds(), options.roundTrips(),
                options.alerts(), options.floors() ? " --floors" : "", options.rules() == null ? "" : " --rules " + options.rules().getFileName(),
                options.bootstrapServers() == null ? " on the embedded broker" : "", input.count(),
                input.minBytes(), input.maxBytes(), input.meanBytes(), input.loadedPerSecond()));
        if (chart != null) {
            md.append("![throughput and latency](").append(chart).append(")\n\n");
        }
        for (List<String[]> table : List.of(throughputRows(), latencyRows(), goalRows())) {
            for (int r = 0; r < table.size(); r++) {
                md.append("| ").append(String.join(" | ", table.get(r))).append(" |\n");
                if (r == 0) {
                    md.append("|---".repeat(table.get(r).length)).append("|\n");
                }
            }
            md.append('\n');
        }
        return md.append(END).append('\n').toString();
    }

    /** Replaces the section in {@code file}, or appends it where there is none (creating the file). */
    void writeInto(Path file, Path chart) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String chartName = chart == null ? null
                : dir.relativize(chart.toAbsolutePath()).toString().replace('\\', '/');
        String section = markdown(chartName);
        String content;
        if (Files.exists(file)) {
            String old = Files.readString(file, StandardCharsets.UTF_8);
            int begin = old.indexOf(BEGIN);
            int end = old.indexOf(END);
            content = begin >= 0 && end > begin
                    ? old.substring(0, begin) + section + old.substring(end + END.length()).replaceFirst("^\n", "")
                    : old + (old.endsWith("\n") ? "\n" : "\n\n") + section;
        } else {
            Files.createDirectories(dir);
            content = "# Benchmarks\n\n" + section;
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static String guaranteeName(String guarantee) {
        return guarantee.equals(Bench.EXACTLY_ONCE) ? "exactly-once" : "at-least-once";
    }

    private static int[] widths(List<String[]> table) {
        int[] widths = new int[table.get(0).length];
        for (String[] row : table) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        return widths;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, value < 10 ? "%.1f" : "%,.0f", value);
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MB", Math.round(bytes / (double) (1 << 20)));
    }
}
