package io.wirestream.topology;

import java.time.Duration;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The deduplication state of one task, in the {@value RoutingTopology#SEEN_STORE} store: each content id routed
 * within the window, with the wall-clock time it was first seen. Wall-clock, not record time, so that replaying
 * history does not let old repeats through. Expired ids are forgotten by a punctuation, and every repeat is
 * counted in the {@value RoutingTopology#DUPLICATE_TOTAL} metric.
 */
final class SeenContentStore implements SeenContent {

    private final ProcessorContext<?, ?> context;
    private final KeyValueStore<String, Long> store;
    private final Duration window;
    private final Sensor duplicates;

    private SeenContentStore(ProcessorContext<?, ?> context, Duration window) {
        this.context = context;
        this.store = context.getStateStore(RoutingTopology.SEEN_STORE);
        this.window = window;
        this.duplicates = context.metrics().addRateTotalSensor(RoutingTopology.METRIC_SCOPE,
                context.taskId().toString(), RoutingTopology.DUPLICATE_OPERATION, Sensor.RecordingLevel.INFO);
    }

    /** The task's state, with its expiry scheduled: a tenth of the window, an hour at most, apart. */
    static SeenContent open(ProcessorContext<?, ?> context, Duration window) {
        SeenContentStore seen = new SeenContentStore(context, window);
        context.schedule(expiryInterval(window), PunctuationType.WALL_CLOCK_TIME, seen::forgetExpired);
        return seen;
    }

    /** How often what is older than {@code window} is forgotten: a tenth of it, an hour at most. */
    static Duration expiryInterval(Duration window) {
        return window.compareTo(Duration.ofHours(10)) > 0 ? Duration.ofHours(1) : window.dividedBy(10).plusMillis(1);
    }

    @Override
    public boolean isRepeat(String contentId) {
        long now = context.currentSystemTimeMs();
        Long first = store.get(contentId);
        if (first != null && now - first < window.toMillis()) {
            duplicates.record();
            return true;
        }
        store.put(contentId, now);
        return false;
    }

    private void forgetExpired(long now) {
        long oldest = now - window.toMillis();
        try (KeyValueIterator<String, Long> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (entry.value < oldest) {
                    store.delete(entry.key);
                }
            }
        }
    }
}
