package io.wirestream.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Records per output topic per minute, counted by a sub-topology that reads the outputs back (as
 * {@code read_committed}, so only what was committed is counted) from where they end when it first starts, into a
 * window store, for the dashboard's chart by interactive query. Minutes are wall-clock
 * minutes of counting, not the dispatches' own times: the chart shows how busy each subject is now, even while
 * history is replayed.
 * <pre>
 *   &lt;subject topics&gt;, unrouted, dead letters ──▶ count-per-minute [dispatches-per-minute]
 * </pre>
 */
public final class MinuteCounts {

    public static final String STORE = "dispatches-per-minute";
    /** How long counts are kept: the chart's longest span. */
    public static final Duration RETENTION = Duration.ofHours(24);
    static final String SOURCE = "read-outputs";
    static final String COUNTER = "count-per-minute";
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    private MinuteCounts() {
    }

    /** Adds the counting sub-topology over {@code topics} to {@code topology}. */
    public static Topology addTo(Topology topology, Collection<String> topics) {
        // From the end: kept history would otherwise all be counted in the first minutes of the first start.
        topology.addSource(AutoOffsetReset.latest(), SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                topics.toArray(new String[0]));
        topology.addProcessor(COUNTER, Counter::new, SOURCE);
        topology.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(STORE, RETENTION,
                Duration.ofMinutes(1), false), Serdes.String(), Serdes.Long()), COUNTER);
        return topology;
    }

    private static final class Counter implements Processor<byte[], byte[], Void, Void> {

        private ProcessorContext<Void, Void> context;
        private WindowStore<String, Long> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
            this.store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            String topic = context.recordMetadata().map(m -> m.topic()).orElse("?");
            long minute = context.currentSystemTimeMs() / MINUTE * MINUTE;
            Long count = store.fetch(topic, minute);
            store.put(topic, count == null ? 1 : count + 1, minute);
        }
    }

    /**
     * Counts by topic and minute start from {@code from} to {@code to}, summed over every task's store the
     * query reaches (each task counts its own partitions).
     */
    public static Map<String, Map<Instant, Long>> query(ReadOnlyWindowStore<String, Long> store, Instant from,
            Instant to) {
        Map<String, Map<Instant, Long>> counts = new TreeMap<>();
        try (KeyValueIterator<Windowed<String>, Long> all = store.fetchAll(from, to)) {
            while (all.hasNext()) {
                KeyValue<Windowed<String>, Long> entry = all.next();
                counts.computeIfAbsent(entry.key.key(), k -> new TreeMap<>())
                        .merge(entry.key.window().startTime(), entry.value, Long::sum);
            }
        }
        return counts;
    }
}
