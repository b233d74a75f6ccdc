package io.wirestream.bench;

import io.wirestream.embedded.Ports;
import io.wirestream.testing.RealServices;
import io.wirestream.testing.SseViewers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The dashboard's live stream with thousands of viewers on one {@code wirestream run}, beside its routing, in one
 * run: the pipeline as a child process with a 256 MB heap ({@code -Xmx256m}) on an embedded broker and registry,
 * the viewers in a JVM of their own at the lowest CPU priority ({@link ViewersProcess}), whose CPU time is read
 * apart. Prints a table. In order:
 * <ol>
 *   <li>warm-up: dispatches routed until every column of the page is full (so that each snapshot is as large as
 *       in use) and the JIT has done most of its work;</li>
 *   <li>routing throughput with no viewer: a batch of generated dispatches written to the input as fast as the
 *       broker takes them, timed until the pipeline's group has committed the input's end;</li>
 *   <li>the viewers connect; then marked dispatches at a steady rate, each timed from its send to its arrival at
 *       every viewer, while {@code /ready} is asked every 100 ms; those of the first {@code AFTER_CONNECT} are
 *       reported apart, and each marker's way is split by stage ({@link MarkerStages});</li>
 *   <li>routing throughput again with the viewers watching (a flood, which the live stream holds to its rate);</li>
 *   <li>the viewers leave; routing throughput once more without them, to show how much the machine drifted.</li>
 * </ol>
 * Run with (arguments: viewers, dispatches a throughput round, seconds of marked dispatches, marked a second):
 * <pre>mvn -B -Pbench -pl stream-app -am verify -DskipTests -Dbench.main=io.wirestream.bench.DashboardViewersBenchmark
 *     -Dbench.args="2000 30000 60 2"</pre>
 */
public final class DashboardViewersBenchmark {

    private static final String INPUT = "raw-feed";
    private static final String GROUP = "wirestream";
    private static final Pattern PAUSE = Pattern.compile("Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int WARM_UP = 20_000;
    private static final Duration SETTLE = Duration.ofSeconds(15);
    /** Marked dispatches right after the viewers connected are reported apart: the machine is still busy then. */
    private static final Duration AFTER_CONNECT = Duration.ofSeconds(10);
    /** This JVM: the broker, the registry, the sender and the probe of /ready. */
    private static final long HARNESS = ProcessHandle.current().pid();
    /** The pipeline's threads that serve the page: the live stream's broadcaster and the HTTP server's pool. */
    private static final String[] WEB_THREADS = {"wirestream-live", "wirestream-http"};
    /** The pipeline's collector threads (G1's), and the page's feed (names are cut to 15 characters in /proc). */
    private static final String[] GC_THREADS = {"GC Thread", "G1 "};
    private static final String[] FEED_THREADS = {"wirestream-dash"};

    private final int viewers;
    private final int batch;
    private final int markers;
    private final int early;
    private final double rate;
    private final DispatchGenerator generator = new DispatchGenerator(42, LocalDate.now());
    private long nextIndex;

    private DashboardViewersBenchmark(int viewers, int batch, int seconds, double rate) {
        this.viewers = viewers;
        this.batch = batch;
        this.markers = (int) Math.round(seconds * rate);
        this.early = (int) Math.round(AFTER_CONNECT.toSeconds() * rate);
        this.rate = rate;
    }

    public static void main(String[] args) throws Exception {
        int viewers = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        double rate = args.length > 3 ? Double.parseDouble(args[3]) : 2;
        new DashboardViewersBenchmark(viewers, batch, seconds, rate).run();
        System.exit(0); // The embedded broker's threads would keep the JVM alive.
    }

    private void run() throws Exception {
        Machine machine = Machine.describe();
        Path dir = Files.createTempDirectory("wirestream-viewers-bench");
        List<String> rows = new ArrayList<>();
        try (RealServices services = RealServices.start();
                KafkaProducer<byte[], byte[]> producer = producer(services.bootstrapServers());
                Admin admin = Admin.create(Map.of("bootstrap.servers", services.bootstrapServers()))) {
            int port = Ports.freePort();
            Path gcLog = dir.resolve("gc.log");
            MemoryProbe memory = new MemoryProbe(gcLog);
            List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
            jvm.addAll(memory.jvmOptions());
            try (JavaProcess app = JavaProcess.start("wirestream-run", jvm, "io.wirestream.cli.WirestreamCommand",
                    List.of("run", "--bootstrap-servers", services.bootstrapServers(), "--schema-registry-url",
                            services.registryUrl(), "--data-dir", dir.resolve("data").toString(), "--dashboard-port",
                            Integer.toString(port), "--dashboard-max-viewers", Integer.toString(viewers + 100)),
                    dir)) {
                app.awaitLine("Ctrl-C to stop.", Duration.ofMinutes(3));
                String base = "http://127.0.0.1:" + port + "/";
                awaitBody(base + "api/info", "\"feedCaughtUp\":true", Duration.ofMinutes(2));
                Phases phases = new Phases(app, producer, admin, base, port, dir);
                phases.bootstrap = services.bootstrapServers();
                phases.gcLog = gcLog;
                System.out.println("warming up");
                route(producer, admin, WARM_UP);
                try (ReadyProbe ready = new ReadyProbe(base)) {
                    phases.measure(ready, rows);
                }
                MemoryProbe.Memory mem = memory.measure(app);
                int[] heap = heapAfterCollections(gcLog);
                rows.add(row("heap (-Xmx256m): most after a collection / peak in use / live at the end",
                        String.format(Locale.ROOT, "%d MB / %d MB / %s; RSS peak %s", heap[0], heap[1],
                                mb(mem.liveHeap()), mb(mem.peakRss())), goal(heap[1] <= 256, "≤ 256 MB")));
            }
        }
        Machine ended = machine.ended();
        System.out.printf(Locale.ROOT, "%n%s; load average %.1f at the start, %.1f at the end%n", ended.summary(),
                ended.loadBefore(), ended.loadAfter());
        System.out.printf(Locale.ROOT, "%,d viewers, %,d dispatches a throughput round, %,d marked at %.0f/s%n%n",
                viewers, batch, markers, rate);
        System.out.println("| measure | result | goal |");
        System.out.println("|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** The phases after the warm-up, and what they found. */
    private final class Phases {
        private final JavaProcess app;
        private final KafkaProducer<byte[], byte[]> producer;
        private final Admin admin;
        private final String base;
        private final int port;
        private final List<Double> without = new ArrayList<>();
        private final List<Double> with = new ArrayList<>();
        private final List<Double> readyFloodWithout = new ArrayList<>();
        private final List<Double> readyFloodWith = new ArrayList<>();
        private final Path dir;
        private String rounds = "";
        private final RoundCpu cpuWithout = new RoundCpu();
        private final RoundCpu cpuWith = new RoundCpu();
        private ViewersChild clients;
        private String bootstrap;
        private Path gcLog;

        Phases(JavaProcess app, KafkaProducer<byte[], byte[]> producer, Admin admin, String base, int port, Path dir) {
            this.app = app;
            this.dir = dir;
            this.producer = producer;
            this.admin = admin;
            this.base = base;
            this.port = port;
        }

        void measure(ReadyProbe ready, List<String> rows) throws Exception {
            ready.take();
            double quietCpu = steady("quiet", new long[markers]);
            double[] readyQuiet = ready.take();
            floodWithout(ready);
            double connectSeconds;
            double connectCpu;
            long[] connected;
            double markedCpu;
            double markedViewersCpu;
            double[] delivery;
            double[] readyMarked;
            String flood;
            String stageSplit;
            String stageSplitEarly;
            double[] afterConnect;
            double heldBack;
            long resynced;
            try (ViewersChild clients = ViewersChild.start(port, viewers, early + markers, dir)) {
                this.clients = clients;
                double before = clients.cpuSeconds();
                long start = System.nanoTime();
                connected = clients.connect();
                connectSeconds = seconds(start, System.nanoTime());
                connectCpu = clients.cpuSeconds() - before;
                System.out.printf(Locale.ROOT, "%,d viewers had their snapshot (%,d bytes) after %.1f s%n",
                        connected[0], connected[1], connectSeconds);
                ready.take();
                clients.marking(true);
                long[] sentAt = new long[early + markers];
                double skippedBefore = metric(scrape(base), "wirestream_dashboard_events_skipped_total");
                ViewerLatencies probeSeen = new ViewerLatencies(1, early + markers);
                try (OutputMarkers outputs = new OutputMarkers(bootstrap, "watched", early + markers)
                        .awaitAssigned(Duration.ofSeconds(30));
                        SseViewers probe = new SseViewers(new InetSocketAddress("127.0.0.1", port), "127.0.0.1",
                                probeSeen)) {
                    probe.open(1);
                    await(() -> probeSeen.snapshots() == 1, Duration.ofSeconds(30));
                    probeSeen.marking(true);
                    before = clients.cpuSeconds();
                    long from = System.nanoTime();
                    markedCpu = steady("watched", sentAt);
                    awaitAtMost(() -> clients.arrivals() >= (long) (early + markers) * viewers,
                            Duration.ofSeconds(30));
                    markedViewersCpu = (clients.cpuSeconds() - before) / seconds(from, System.nanoTime());
                    clients.marking(false);
                    delivery = clients.latencies(sentAt, early, early + markers);
                    afterConnect = clients.latencies(sentAt, 0, early);
                    MarkerStages stages = new MarkerStages(sentAt, outputs.readAt(), clients.arrived(),
                            probeSeen.firstAndLast());
                    stageSplit = stages.split(early, early + markers);
                    stageSplitEarly = stages.split(0, early);
                    Path table = dir.resolve("markers.tsv");
                    System.out.println("the slowest markers (all in " + table + "):");
                    stages.slowest(gcLog, ViewersChild.gcLog(dir), table).forEach(System.out::println);
                }
                heldBack = metric(scrape(base), "wirestream_dashboard_events_skipped_total") - skippedBefore;
                resynced = clients.resynced();
                readyMarked = ready.take();
                floodWith(ready);
                long closedBefore = clients.disconnect();
                floodWithout(ready);
                clients.connect();
                floodWith(ready);
                flood = liveStreamMetrics(base) + String.format(Locale.ROOT, "; %s closed by the server",
                        closedBefore + " + " + clients.closed());
            }
            floodWithout(ready);
            rows.add(row("connect", String.format(Locale.ROOT, "%,d viewers, each with a snapshot of %,d bytes, "
                    + "in %.1f s", connected[0], connected[1], connectSeconds), ""));
            rows.add(row(String.format(Locale.ROOT, "new dispatch to every viewer (%,d × %,d, %.0f/s, after "
                    + "the first %d s), p50 / p99 / max", markers, viewers, rate, AFTER_CONNECT.toSeconds()), String.format(Locale.ROOT, "%s / %s / %s ms "
                    + "(%,.0f of %,d arrived)", ms(delivery[1]), ms(delivery[2]), ms(delivery[3]), delivery[0],
                    markers * viewers), goal(delivery[2] <= 1_000, "p99 ≤ 1 s")));
            rows.add(row("of which: to its first viewer (the pipeline, the feed, the broadcaster), p50 / p99 / max; "
                    + "from its first viewer to its last (the fan-out and the reading), p50 / p99 / max", String.format(
                    Locale.ROOT, "%s / %s / %s ms; %s / %s / %s ms (%,d markers)", ms(delivery[4]), ms(delivery[5]),
                    ms(delivery[6]), ms(delivery[7]), ms(delivery[8]), ms(delivery[9]), markers), ""));
            rows.add(row(String.format(Locale.ROOT, "the first %d s after the viewers connected (%,d markers, not "
                    + "among the above): to every viewer, p50 / p99 / max; to its first viewer; from its first to its "
                    + "last", AFTER_CONNECT.toSeconds(), early), String.format(Locale.ROOT, "%s / %s / %s ms; %s / %s "
                    + "/ %s ms; %s / %s / %s ms", ms(afterConnect[1]), ms(afterConnect[2]), ms(afterConnect[3]),
                    ms(afterConnect[4]), ms(afterConnect[5]), ms(afterConnect[6]), ms(afterConnect[7]),
                    ms(afterConnect[8]), ms(afterConnect[9])), ""));
            rows.add(row("… split by stage in those first seconds", stageSplitEarly, ""));
            rows.add(row("each marker: to its first read on an output, committed (broker, routing, commit); from there "
                    + "to its first viewer (the feed, the broadcaster); from its first viewer to its last, p50 / p99 / "
                    + "max", stageSplit, ""));
            rows.add(row("items the flood gate held back while the markers were sent; snapshots the viewers had "
                    + "meanwhile", String.format(Locale.ROOT, "%,.0f; %,d", heldBack, resynced), ""));
            rows.add(row(String.format(Locale.ROOT, "the pipeline's CPU at %.0f dispatches/s: no viewers / %,d "
                    + "viewers", rate, viewers), String.format(Locale.ROOT, "%.2f / %.2f cores", quietCpu, markedCpu),
                    ""));
            rows.add(row("the viewers' own CPU (their JVM, at nice 19): connecting / at " + String.format(Locale.ROOT,
                    "%.0f", rate) + " dispatches/s / in the B rounds", String.format(Locale.ROOT, "%.1f s / %.2f "
                    + "cores / %.2f cores", connectCpu, markedViewersCpu, cpuWith.viewers / cpuWith.seconds), ""));
            rows.add(readyRow("/ready, no viewers, " + String.format(Locale.ROOT, "%.0f", rate) + " dispatches/s",
                    readyQuiet));
            rows.add(readyRow("/ready, " + String.format(Locale.ROOT, "%,d", viewers) + " viewers, " + String.format(
                    Locale.ROOT, "%.0f", rate) + " dispatches/s", readyMarked));
            rows.add(readyRow("/ready while routing a flood, no viewers", sorted(readyFloodWithout)));
            rows.add(readyRow("/ready while routing a flood, " + String.format(Locale.ROOT, "%,d", viewers)
                    + " viewers", sorted(readyFloodWith)));
            // Rounds ran A B A B A: each B against the mean of the A on either side cancels a steady drift.
            double ratios = 0;
            for (int i = 0; i < with.size(); i++) {
                ratios += with.get(i) / ((without.get(i) + without.get(i + 1)) / 2);
            }
            double ratio = ratios / with.size();
            rows.add(row("routing, rounds in order (A: no viewers, B: " + String.format(Locale.ROOT, "%,d", viewers)
                    + " viewers), dispatches/s", rounds, ""));
            rows.add(row("routing with viewers, each B against the A on either side (mean)", String.format(
                    Locale.ROOT, "%.2f", ratio), goal(ratio >= 0.9, "≥ 0.90")));
            rows.add(row("CPU per dispatch routed, A / B: the pipeline, all of it / its web threads (the live "
                    + "stream's and HTTP's) / its collector's threads / the page's feed; the broker and sender (the "
                    + "harness's JVM); the viewers", String.format(Locale.ROOT, "%s / %s / %s / %s; %s; %s µs",
                    perDispatch(cpu -> cpu.app), perDispatch(cpu -> cpu.web), perDispatch(cpu -> cpu.gc),
                    perDispatch(cpu -> cpu.feed), perDispatch(cpu -> cpu.harness), perDispatch(cpu -> cpu.viewers)),
                    ""));
            rows.add(row("the live stream over the floods", flood, ""));
        }

        /** Marked dispatches at the steady rate, their send times into {@code sentAt}; the pipeline's CPU, in cores. */
        private double steady(String phase, long[] sentAt) throws Exception {
            double before = app.cpuSeconds();
            long from = System.nanoTime();
            sendMarked(producer, sentAt, phase);
            Thread.sleep(2_000);
            return (app.cpuSeconds() - before) / seconds(from, System.nanoTime());
        }

        private void floodWithout(ReadyProbe ready) throws Exception {
            double rate = flood(ready, cpuWithout, null);
            without.add(rate);
            readyFloodWithout.addAll(list(ready.take()));
            rounds += String.format(Locale.ROOT, "%sA %,.0f", rounds.isEmpty() ? "" : ", ", rate);
            System.out.printf(Locale.ROOT, "routing, no viewers: %,.0f/s%n", rate);
        }

        private void floodWith(ReadyProbe ready) throws Exception {
            double rate = flood(ready, cpuWith, clients);
            with.add(rate);
            readyFloodWith.addAll(list(ready.take()));
            rounds += String.format(Locale.ROOT, ", B %,.0f", rate);
            System.out.printf(Locale.ROOT, "routing, %,d viewers: %,.0f/s (%s closed)%n", viewers, rate,
                    clients.closed());
        }

        /** A round of routing after the last one's settling; what each process's CPU took meanwhile into {@code cpu}. */
        private double flood(ReadyProbe ready, RoundCpu cpu, ViewersChild watching) throws Exception {
            settle(ready);
            double app0 = app.cpuSeconds();
            double web0 = app.threadCpuSeconds(WEB_THREADS);
            double gc0 = app.threadCpuSeconds(GC_THREADS);
            double feed0 = app.threadCpuSeconds(FEED_THREADS);
            double harness0 = JavaProcess.cpuSeconds(HARNESS);
            double viewers0 = watching == null ? 0 : watching.cpuSeconds();
            long from = System.nanoTime();
            double rate = route(producer, admin, batch);
            cpu.seconds += seconds(from, System.nanoTime());
            cpu.dispatches += batch;
            cpu.app += app.cpuSeconds() - app0;
            cpu.web += app.threadCpuSeconds(WEB_THREADS) - web0;
            cpu.gc += app.threadCpuSeconds(GC_THREADS) - gc0;
            cpu.feed += app.threadCpuSeconds(FEED_THREADS) - feed0;
            cpu.harness += JavaProcess.cpuSeconds(HARNESS) - harness0;
            cpu.viewers += watching == null ? 0 : watching.cpuSeconds() - viewers0;
            return rate;
        }

        /** "A / B": CPU seconds {@code of} a kind of round over the dispatches it routed, in µs. */
        private String perDispatch(ToDoubleFunction<RoundCpu> of) {
            return String.format(Locale.ROOT, "%.0f / %.0f", of.applyAsDouble(cpuWithout) / cpuWithout.dispatches
                    * 1e6, of.applyAsDouble(cpuWith) / cpuWith.dispatches * 1e6);
        }

        /** Lets what a round left (the feed's catching up, the snapshot after a flood) pass before the next. */
        private void settle(ReadyProbe ready) throws InterruptedException {
            Thread.sleep(SETTLE.toMillis());
            ready.take();
        }
    }

    /** CPU seconds of each process, and of the pipeline's web threads, over the rounds of one kind. */
    private static final class RoundCpu {
        private double seconds;
        private long dispatches;
        private double app;
        private double web;
        private double gc;
        private double feed;
        private double harness;
        private double viewers;
    }

    /** Writes {@code count} generated dispatches as fast as the broker takes them; their routing rate. */
    private double route(KafkaProducer<byte[], byte[]> producer, Admin admin, int count) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            DispatchGenerator.Raw raw = generator.generate(nextIndex++);
            producer.send(new ProducerRecord<>(INPUT, raw.key(), raw.value()));
        }
        producer.flush();
        Map<TopicPartition, Long> ends = admin.listOffsets(admin.describeTopics(List.of(INPUT)).allTopicNames().get()
                .get(INPUT).partitions().stream().collect(Collectors.toMap(p -> new TopicPartition(INPUT,
                        p.partition()), p -> OffsetSpec.latest()))).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        await(() -> committed(admin, ends), Duration.ofMinutes(10));
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static boolean committed(Admin admin, Map<TopicPartition, Long> ends) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get();
            return ends.entrySet().stream().allMatch(end -> offsets.get(end.getKey()) != null
                    && offsets.get(end.getKey()).offset() >= end.getValue());
        } catch (Exception e) {
            return false;
        }
    }

    /** Sends the marked dispatches at the steady rate, open loop: each at its time, whatever came back. */
    private void sendMarked(KafkaProducer<byte[], byte[]> producer, long[] sentAt, String phase)
            throws InterruptedException {
        long start = System.nanoTime();
        long period = (long) (1e9 / rate);
        for (int n = 0; n < sentAt.length; n++) {
            long due = start + n * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String mark = String.format(Locale.ROOT, "%s%06d", ViewerLatencies.MARK, n);
            // The phase makes each text new: the pipeline drops a dispatch it has routed before.
            String text = "Seoul shares close higher (" + phase + ") " + mark + "\n\nSEOUL, Nov. 27 (Yonhap) -- Seoul shares closed "
                    + "higher on Friday as foreign investors bought chipmakers, " + mark + ".\n\n(END)\n";
            sentAt[n] = System.nanoTime();
            producer.send(new ProducerRecord<>(INPUT, text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The live stream's own counters, from the pipeline's metrics. */
    private static String liveStreamMetrics(String base) throws Exception {
        String scrape = scrape(base);
        return String.format(Locale.ROOT, "%,.0f events sent, %,.0f items not sent live, %,.0f viewers dropped as "
                + "slow, %,.0f refused", metric(scrape, "wirestream_dashboard_events_sent_total"),
                metric(scrape, "wirestream_dashboard_events_skipped_total"),
                metric(scrape, "wirestream_dashboard_viewers_dropped_total{reason=\"slow\"}"),
                metric(scrape, "wirestream_dashboard_viewers_refused_total"));
    }

    private static String scrape(String base) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double metric(String scrape, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** The most heap left after a collection, and the most in use before one, in MB, from the collector's log. */
    private static int[] heapAfterCollections(Path gcLog) throws IOException {
        int after = 0;
        int peak = 0;
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Integer.parseInt(m.group(1)));
                after = Math.max(after, Integer.parseInt(m.group(2)));
            }
        }
        return new int[] {after, peak};
    }

    private static void awaitBody(String url, String wanted, Duration timeout) throws Exception {
        await(() -> {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                        .body().contains(wanted);
            } catch (IOException e) {
                return false;
            }
        }, timeout);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition, Duration timeout) throws Exception {
        if (!awaitAtMost(condition, timeout)) {
            throw new IllegalStateException("not within " + timeout.toSeconds() + " s");
        }
    }

    /** Waits for {@code condition} no longer than {@code timeout}; whether it came. */
    private static boolean awaitAtMost(Condition condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private static String row(String what, String result, String goal) {
        return "| " + what + " | " + result + " | " + goal + " |";
    }

    private static String goal(boolean met, String goal) {
        return goal + (met ? ", met" : ", MISSED");
    }

    private static String ms(double[] sorted, double fraction) {
        return ms(ViewerLatencies.percentile(sorted, fraction));
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.1f" : "%,.0f", value);
    }

    private static String readyRow(String what, double[] sorted) {
        return row(what + ", p50 / p99 / max", String.format(Locale.ROOT, "%s / %s / %s ms (%,d asked)",
                ms(sorted, 0.5), ms(sorted, 0.99), ms(sorted, 1), sorted.length),
                goal(ViewerLatencies.percentile(sorted, 0.99) <= 50, "≤ 50 ms"));
    }

    private static List<Double> list(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double value : values) {
            list.add(value);
        }
        return list;
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%d MB", bytes >> 20);
    }
}
