package io.wirestream.bench;

import io.wirestream.config.ConfigLoader;
import io.wirestream.config.Setting;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.embedded.Ports;
import io.wirestream.runtime.Services;
import io.wirestream.runtime.StreamsClientConfigs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code wirestream bench}: the pipeline's throughput, latency and memory, measured in one run on one broker beside
 * what the broker itself allows: a plain copy of the same input (the throughput limit) and Kafka's own
 * EndToEndLatency tool (the latency limit).
 *
 * <p>The runs, in order: a warm-up copy (not reported), the copy with exactly-once, the copy with at-least-once, with
 * {@code --floors} Kafka Streams copies, the pipeline with exactly-once (then its latency at each rate), the pipeline
 * with at-least-once (the same), the pipeline with the alert queries added, the copy with exactly-once again (so that
 * drift on a shared machine shows), Kafka's round trip. The copies and the pipeline run as child processes of this
 * JVM (the pipeline is {@code wirestream run} itself), each on its own input topic holding the same dispatches.
 */
public final class Bench {

    static final String EXACTLY_ONCE = "exactly_once_v2";
    static final String AT_LEAST_ONCE = "at_least_once";
    private static final int ALERT_DESKS = 10;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final BenchOptions options;
    private final PrintWriter out;
    private final Path work;
    private final String prefix;
    private DispatchGenerator generator;
    private WirestreamConfig settings;
    private Map<String, Object> client;
    private ThroughputProbe probe;
    private long nextLatencyIndex;

    private Bench(BenchOptions options, PrintWriter out, Path work) {
        this.options = options;
        this.out = out;
        this.work = work;
        // Topics of one run share a prefix of their own, so that a run on a real cluster touches nothing else.
        this.prefix = "wsbench-" + Long.toString(System.currentTimeMillis() / 1000, 36) + ".";
    }

    /** Runs every measurement, prints the table and writes the report and chart (where asked). */
    public static void run(BenchOptions options, PrintWriter out) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("wirestream-bench");
        boolean done = false;
        try {
            BenchResults results = new Bench(options, out, work).measure();
            BenchReport report = new BenchReport(results);
            out.println();
            out.print(report.text());
            out.flush();
            if (options.chart() != null) {
                BenchChart.write(results, options.chart());
            }
            if (options.report() != null) {
                report.writeInto(options.report(), options.chart());
            }
            done = true;
        } finally {
            if (done) {
                deleteQuietly(work);
            } else {
                out.println("The logs of the bench's processes are kept in " + work);
                out.flush();
            }
        }
    }

    private BenchResults measure() throws IOException, InterruptedException {
        Machine machine = Machine.describe();
        WirestreamConfig configured = ConfigLoader.load(options.config(), Map.of(), servicesOptions());
        try (Services services = Services.start(configured)) {
            settings = services.config();
            client = StreamsClientConfigs.common(settings);
            generator = new DispatchGenerator(options.seed(), LocalDate.now(ZoneId.of("Asia/Seoul")));
            nextLatencyIndex = options.count();
            out.printf("wirestream bench: %,d dispatches, %d partitions, on %s%s and %s%s%n", options.count(),
                    options.partitions(), settings.kafka().bootstrapServers(),
                    services.embeddedKafka() ? " (embedded)" : "", settings.registry().url(),
                    services.embeddedRegistry() ? " (embedded)" : "");
            out.flush();
            try (Admin admin = Admin.create(client)) {
                probe = new ThroughputProbe(admin);
                try {
                    return measureAll(machine);
                } finally {
                    if (!services.embeddedKafka()) {
                        deleteTopics(admin);
                    }
                }
            }
        }
    }

    private BenchResults measureAll(Machine machine) throws IOException, InterruptedException {
        InputFeed feed = new InputFeed(client, generator, options.count(), options.partitions());
        List<BenchResults.Throughput> limits = new ArrayList<>();
        List<BenchResults.Throughput> pipelines = new ArrayList<>();
        List<BenchResults.Latency> latencies = new ArrayList<>();
        // A first copy, not reported, warms the broker (its compiled code, its page cache) for every run after it.
        BenchResults.Input input = feed.load(prefix + "warm-up.in");
        copy("warm-up", "warm-up: copy, exactly-once (not reported)", EXACTLY_ONCE);
        feed.load(prefix + "copy-eos.in");
        limits.add(copy("copy-eos", "limit: copy, exactly-once", EXACTLY_ONCE));
        feed.load(prefix + "copy-alos.in");
        limits.add(copy("copy-alos", "limit: copy, at-least-once", AT_LEAST_ONCE));
        List<BenchResults.Throughput> floors = options.floors() ? floors(feed) : List.of();
        feed.load(prefix + "eos.raw-feed");
        pipelines.add(pipeline("eos", "pipeline, exactly-once", EXACTLY_ONCE, 0, latencies));
        feed.load(prefix + "alos.raw-feed");
        pipelines.add(pipeline("alos", "pipeline, at-least-once", AT_LEAST_ONCE, 0, latencies));
        if (options.alerts() > 0) {
            feed.load(prefix + "alerts.raw-feed");
            pipelines.add(pipeline("alerts", String.format(Locale.ROOT, "pipeline, exactly-once, +%,d alerts",
                    options.alerts()), EXACTLY_ONCE, options.alerts(), latencies));
        }
        feed.load(prefix + "copy-eos-2.in");
        limits.add(copy("copy-eos-2", "limit: copy, exactly-once, again", EXACTLY_ONCE));
        BenchResults.RoundTrip roundTrip = new RoundTrip(client, work).measure(prefix + "round-trip",
                options.roundTrips(), (int) Math.round(input.meanBytes()));
        out.printf("Kafka EndToEndLatency: p50 %.0f ms, p99 %.0f ms, p99.9 %.0f ms%n", roundTrip.p50(), roundTrip.p99(),
                roundTrip.p999());
        return new BenchResults(machine.ended(), options, input, limits, floors, pipelines, latencies, roundTrip);
    }

    private BenchResults.Throughput copy(String name, String label, String guarantee)
            throws IOException, InterruptedException {
        return copy(name, label, guarantee, CopyLimit.class, CopyLimit.READY, List.of());
    }

    /**
     * One run of a copying child process ({@link CopyLimit} or {@link StreamsCopyLimit}), given
     * {@code BOOTSTRAP GUARANTEE GROUP INPUT OUTPUT}, then {@code more}, then the settings file if any.
     */
    private BenchResults.Throughput copy(String name, String label, String guarantee, Class<?> main, String ready,
            List<String> more) throws IOException, InterruptedException {
        String group = prefix + name;
        String input = prefix + name + ".in";
        String output = prefix + name + ".out";
        BenchTopics.create(client, List.of(output), options.partitions());
        List<String> args = new ArrayList<>(List.of(settings.kafka().bootstrapServers(), guarantee, group, input,
                output));
        args.addAll(more);
        if (options.config() != null) {
            args.add(options.config().toAbsolutePath().toString());
        }
        try (JavaProcess copy = JavaProcess.start(name, options.appJvmOptions(), main.getName(), args, work)) {
            BenchResults.Throughput result = timed(label, guarantee, 0, copy, ready, group, input, List.of(output));
            report(result);
            return result;
        }
    }

    /** Kafka Streams copying the input through no store, one and two: with exactly-once, and both ends with at-least-once. */
    private List<BenchResults.Throughput> floors(InputFeed feed) throws IOException, InterruptedException {
        List<BenchResults.Throughput> floors = new ArrayList<>();
        for (String guarantee : List.of(EXACTLY_ONCE, AT_LEAST_ONCE)) {
            for (int stores = 0; stores <= 2; stores += guarantee.equals(EXACTLY_ONCE) ? 1 : 2) {
                String name = "floor-" + (guarantee.equals(EXACTLY_ONCE) ? "eos-" : "alos-") + stores;
                feed.load(prefix + name + ".in");
                floors.add(copy(name, "floor: Kafka Streams copy, " + BenchReport.guaranteeName(guarantee) + ", "
                        + StreamsCopyLimit.describe(stores), guarantee, StreamsCopyLimit.class, StreamsCopyLimit.READY,
                        List.of(Integer.toString(stores), work.resolve(name).toString())));
            }
        }
        return floors;
    }

    private BenchResults.Throughput pipeline(String name, String label, String guarantee, int alerts,
            List<BenchResults.Latency> latencies) throws IOException, InterruptedException {
        String topics = prefix + name + ".";
        String appId = prefix + name;
        PipelineRules rules = PipelineRules.write(options.rules(), work.resolve(name + "-rules.yaml"), topics, alerts,
                ALERT_DESKS, options.seed());
        List<String> outputs = new ArrayList<>(rules.topics());
        outputs.add(topics + "unrouted");
        outputs.add(topics + "raw-feed.dlq");
        // The routing pipeline alone: the dashboard's counting sub-topology and feed read every output back.
        List<String> args = new ArrayList<>(List.of("run", "--no-dashboard", "--dashboard-port", "0",
                "--bootstrap-servers", settings.kafka().bootstrapServers(),
                "--schema-registry-url", settings.registry().url(),
                "--application-id", appId, "--processing-guarantee", guarantee, "--rules", rules.file().toString(),
                "--input-topic", topics + "raw-feed", "--unrouted-topic", topics + "unrouted",
                "--dead-letter-topic", topics + "raw-feed.dlq", "--partitions", Integer.toString(options.partitions()),
                "--data-dir", work.resolve(name).toString()));
        if (options.config() != null) {
            args.add("--config");
            args.add(options.config().toAbsolutePath().toString());
        }
        MemoryProbe memory = new MemoryProbe(work.resolve(name + "-gc.log"));
        List<String> jvm = new ArrayList<>(memory.jvmOptions());
        jvm.addAll(options.appJvmOptions());
        try (JavaProcess app = JavaProcess.start(name, jvm, options.appMainClass(), args, work)) {
            BenchResults.Throughput timed = timed(label, guarantee, alerts, app, "wirestream is routing", appId,
                    topics + "raw-feed", outputs);
            if (alerts == 0) {
                LatencyProbe latency = new LatencyProbe(client, topics + "raw-feed", outputs, generator);
                for (int rate : options.rates()) {
                    latencies.add(latency(latency, guarantee, rate));
                }
            }
            MemoryProbe.Memory measured = memory.measure(app);
            BenchResults.Throughput result = new BenchResults.Throughput(label, guarantee, alerts, timed.records(),
                    timed.seconds(), timed.secondHalfSeconds(), measured);
            report(result);
            return result;
        }
    }

    /** Starts the clock when the app says it is ready and stops it when its output is complete. */
    private BenchResults.Throughput timed(String label, String guarantee, int alerts, JavaProcess app, String ready,
            String group, String input, List<String> outputs) throws InterruptedException {
        Map<TopicPartition, Long> ends = probe.endOffsets(input);
        app.awaitLine(ready, START_TIMEOUT);
        long start = System.nanoTime();
        Duration timeout = Duration.ofSeconds(Math.max(300, options.count() / 100));
        ThroughputProbe.Completion done = probe.awaitOutputComplete(group, ends, outputs, start, timeout, app);
        return new BenchResults.Throughput(label, guarantee, alerts, options.count(), (done.end() - start) / 1e9,
                (done.end() - done.half()) / 1e9, null);
    }

    private BenchResults.Latency latency(LatencyProbe probe, String guarantee, int rate) throws InterruptedException {
        Duration drain = Duration.ofSeconds(30).plus(options.warmup()).plus(options.latencyDuration());
        LatencyProbe.Result result = probe.run(rate, options.warmup(), options.latencyDuration(), nextLatencyIndex,
                drain);
        nextLatencyIndex += rate * (options.warmup().toMillis() + options.latencyDuration().toMillis()) / 1000;
        BenchResults.Latency latency = new BenchResults.Latency(guarantee, rate, result.latencies().length,
                result.missing(), result.percentileMs(50), result.percentileMs(99), result.percentileMs(99.9));
        out.printf(Locale.ROOT, "  latency, %s, %d/s: p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms (%d samples%s)%n",
                guarantee, rate, latency.p50(), latency.p99(), latency.p999(), latency.samples(),
                latency.missing() > 0 ? ", " + latency.missing() + " MISSING" : "");
        out.flush();
        return latency;
    }

    private void report(BenchResults.Throughput result) {
        out.printf(Locale.ROOT, "%s: %,.0f dispatches/s (%,d in %.1f s), second half %,.0f/s%n", result.name(),
                result.perSecond(), result.records(), result.seconds(), result.secondHalfPerSecond());
        out.flush();
    }

    /** The services to start: embedded ones on free ports, in the work directory, unless given. */
    private Map<Setting, String> servicesOptions() throws IOException {
        Map<Setting, String> given = new EnumMap<>(Setting.class);
        given.put(Setting.BOOTSTRAP_SERVERS, options.bootstrapServers());
        given.put(Setting.SCHEMA_REGISTRY_URL, options.registryUrl());
        given.put(Setting.DATA_DIR, work.toString());
        given.put(Setting.KAFKA_PORT, Integer.toString(Ports.freePortPair()));
        given.put(Setting.REGISTRY_PORT, Integer.toString(Ports.freePort()));
        return given;
    }

    private void deleteTopics(Admin admin) {
        try {
            List<String> ours = admin.listTopics().names().get().stream().filter(t -> t.startsWith(prefix)).toList();
            admin.deleteTopics(ours).all().get();
        } catch (Exception e) {
            out.println("could not delete the bench's topics (" + prefix + "*): " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Left in the temp directory.
        }
    }
}
