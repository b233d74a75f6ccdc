package io.wirestream.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirestream.ingest.IngestStats;
import io.wirestream.topology.RoutingListener;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The metrics behind {@code /metrics}: Kafka Streams' own (through Micrometer's binder), the JVM's, and
 * wirestream's:
 * <ul>
 *   <li>{@code wirestream_dispatches_total{outcome, subject, reason}}: every input record's fate, routed ones once
 *       per subject; a held one ({@code held}) again when it leaves the hold ({@code released} once per subject,
 *       {@code stale} or {@code canceled}); a kill {@code canceled} once per subject of its story;</li>
 *   <li>{@code wirestream_alerts_total}: alert rules matched, and {@code wirestream_alert_failures_total}:
 *       dispatches whose alerts could not be made;</li>
 *   <li>{@code wirestream_routing_latency_seconds}: from the input record's timestamp to its routing, as a
 *       histogram, for records that arrived while this process was running (replayed history carries publish
 *       times as timestamps, which would say nothing about the pipeline);</li>
 *   <li>{@code wirestream_delivery_latency_seconds}: the same, up to the moment the outcome is visible to a
 *       {@code read_committed} consumer, the dashboard's feed (so only with the dashboard on);</li>
 *   <li>{@code wirestream_dashboard_viewers}: the page's live streams open now;
 *       {@code wirestream_dashboard_events_sent_total}: events written to them, once per viewer;
 *       {@code wirestream_dashboard_viewers_dropped_total{reason="slow"}}: viewers dropped for falling behind;
 *       {@code wirestream_dashboard_viewers_refused_total}: streams refused at the limit of viewers;
 *       {@code wirestream_dashboard_events_skipped_total}: items and alerts not sent live in a flood.</li>
 *   <li>with ingest running, per source: {@code wirestream_ingest_items_sent_total},
 *       {@code wirestream_ingest_errors_total} (failed polls) and
 *       {@code wirestream_ingest_last_success_timestamp_seconds} (0 until the first).</li>
 * </ul>
 */
public final class Metrics implements RoutingListener, AutoCloseable {

    /** Outcomes told once per subject, which their counters name. */
    private static final Set<Outcome> PER_SUBJECT = EnumSet.of(Outcome.ROUTED, Outcome.RELEASED, Outcome.CANCELED);
    /**
     * Outcomes whose routing latency says something of the pipeline: a held dispatch waits for its embargo, and a
     * duplicate or a stale version for nothing.
     */
    private static final Set<Outcome> TIMED = EnumSet.of(Outcome.ROUTED, Outcome.UNROUTED, Outcome.DEAD_LETTER,
            Outcome.CANCELED);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Counter alerts;
    private final Counter alertFailures;
    private final Timer latency;
    private final Timer delivery;
    private final AtomicInteger viewers = new AtomicInteger();
    private final Counter eventsSent;
    private final Counter eventsSkipped;
    private final Counter viewersRefused;
    private final LongSupplier clock;
    private final long startedAt;
    private KafkaStreamsMetrics streamsMetrics;
    private volatile IngestStats ingest = IngestStats.none();

    public Metrics() {
        this(System::currentTimeMillis);
    }

    Metrics(LongSupplier clock) {
        this.clock = clock;
        this.startedAt = clock.getAsLong();
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        alerts = Counter.builder("wirestream.alerts").description("Alert rules matched by dispatches")
                .register(registry);
        alertFailures = Counter.builder("wirestream.alert.failures")
                .description("Dispatches whose alerts could not be made (see the log); their own outcome stands")
                .register(registry);
        latency = latencyTimer("wirestream.routing.latency",
                "From the input record's timestamp to its routing decision");
        delivery = latencyTimer("wirestream.delivery.latency", "From the input record's timestamp until its outcome "
                + "is visible to a read_committed consumer (the dashboard's feed)");
        Gauge.builder("wirestream.dashboard.viewers", viewers, AtomicInteger::get)
                .description("The dashboard's live streams open now").register(registry);
        eventsSent = Counter.builder("wirestream.dashboard.events.sent")
                .description("Events written to the dashboard's live streams, once per viewer").register(registry);
        eventsSkipped = Counter.builder("wirestream.dashboard.events.skipped")
                .description("Items and alerts not sent live because the wire outran the live stream's rate")
                .register(registry);
        viewersRefused = Counter.builder("wirestream.dashboard.viewers.refused")
                .description("Live streams refused because as many viewers as allowed watched").register(registry);
        viewerDropped("slow", 0);
    }

    /** A histogram of latencies from a millisecond to a minute. */
    private Timer latencyTimer(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
    }

    /** An outcome of an input with this timestamp was read back, committed, by the dashboard's feed. */
    public void delivered(long inputTimestamp) {
        if (inputTimestamp >= startedAt) {
            delivery.record(Duration.ofMillis(Math.max(0, clock.getAsLong() - inputTimestamp)));
        }
    }

    /** A viewer opened the dashboard's live stream. */
    public void viewerJoined() {
        viewers.incrementAndGet();
    }

    /** A viewer's live stream ended. */
    public void viewerLeft() {
        viewers.decrementAndGet();
    }

    /** {@code count} events were written to live streams (one event to n viewers is n). */
    public void eventsSent(long count) {
        eventsSent.increment(count);
    }

    /** {@code count} items or alerts were not sent live: the wire outran the live stream's rate. */
    public void eventsSkipped(long count) {
        eventsSkipped.increment(count);
    }

    /** A live stream was refused: as many viewers as allowed watched. */
    public void viewerRefused() {
        viewersRefused.increment();
    }

    /** The server dropped a viewer, e.g. {@code slow} for one that fell too far behind. */
    public void viewerDropped(String reason) {
        viewerDropped(reason, 1);
    }

    private void viewerDropped(String reason, int count) {
        Counter.builder("wirestream.dashboard.viewers.dropped").description("Viewers of the live stream dropped, by why")
                .tag("reason", reason).register(registry).increment(count);
    }

    /** Adds the metrics of {@code streams}; call once, after it is built. */
    public synchronized void bind(KafkaStreams streams) {
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
    }

    /** Adds the figures of each ingest source; call once, when ingest starts. */
    public void bindIngest(IngestStats stats) {
        for (String source : stats.names()) {
            FunctionCounter.builder("wirestream.ingest.items.sent", stats, s -> s.itemsSent(source))
                    .description("Items an ingest source sent to the input topic (new or changed)")
                    .tag("source", source).register(registry);
            FunctionCounter.builder("wirestream.ingest.errors", stats, s -> s.errors(source))
                    .description("Polls of an ingest source that failed (each retried later)")
                    .tag("source", source).register(registry);
            Gauge.builder("wirestream.ingest.last.success.timestamp", stats, s -> s.lastSuccessSeconds(source))
                    .description("When an ingest source was last read, in seconds since the epoch; 0 for never")
                    .baseUnit("seconds").tag("source", source).register(registry);
        }
        ingest = stats;
    }

    /** The ingest sources' figures, for the dashboard; empty without ingest. */
    public List<IngestStats.SourceStatus> ingestSources() {
        return ingest.snapshot();
    }

    @Override
    public void outcome(Outcome outcome, String detail, long inputTimestamp) {
        String key = outcome + "/" + detail;
        counters.computeIfAbsent(key, k -> {
            Counter.Builder builder = Counter.builder("wirestream.dispatches")
                    .description("Input records by outcome; routed, released and canceled ones once per subject")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT));
            builder.tag("subject", PER_SUBJECT.contains(outcome) && detail != null ? detail : "");
            builder.tag("reason", outcome == Outcome.DEAD_LETTER ? detail : "");
            return builder.register(registry);
        }).increment();
        if (TIMED.contains(outcome) && inputTimestamp >= startedAt) {
            long now = clock.getAsLong();
            latency.record(Duration.ofMillis(Math.max(0, now - inputTimestamp)));
        }
    }

    @Override
    public void alert(String ruleId) {
        alerts.increment();
    }

    @Override
    public void alertFailed() {
        alertFailures.increment();
    }

    /** Everything, in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public synchronized void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        registry.close();
    }
}
