package io.wirestream.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The dispatches held back, as people read them (the dashboard's list): read by interactive query from the
 * {@value RoutingTopology#HELD_STORE} stores of this instance's tasks, soonest release first.
 */
public final class HeldList {

    /**
     * One held dispatch.
     *
     * @param until    when its embargo ends; null for a withheld one with no embargo, which waits for a later version
     * @param withheld it waits for a later version of its story
     * @param subjects where its own text sends it (its story's are added when it goes out)
     */
    public record Entry(String story, String headline, Instant until, boolean withheld, List<String> subjects) {

        public Entry {
            subjects = List.copyOf(subjects);
        }
    }

    private HeldList() {
    }

    /** Every dispatch held in {@code store}, soonest release first, withheld ones without an embargo last. */
    public static List<Entry> of(ReadOnlyKeyValueStore<String, byte[]> store) {
        List<Entry> entries = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(entry -> {
                Outcome.Held held = HeldStore.decode(entry.value);
                entries.add(new Entry(held.story(), held.dispatch().getHeadline(), held.until(), held.withheld(),
                        held.subjects()));
            });
        }
        entries.sort(Comparator.comparing(Entry::until, Comparator.nullsLast(Comparator.naturalOrder())));
        return entries;
    }
}
