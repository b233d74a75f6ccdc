package io.wirestream.web;

import io.wirestream.classify.AlertMatcher;
import io.wirestream.schema.AlertRule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the page shows, in memory: the newest items of each column, the newest alerts, and the alert rules. It
 * knows nothing of Kafka: a reader ({@link FeedReader}) feeds it. While it catches up with what the topics held,
 * changes are kept quietly; once {@link #caughtUp()} is called, listeners get a snapshot and then every change as
 * an event, in the order it came. A listener added with {@link #subscribe} first gets a snapshot under the same
 * lock, so it misses nothing.
 */
public final class FeedState {

    /** How many items each column keeps, and alerts too. */
    public static final int RECENT = 60;

    /**
     * A change for the page: the SSE event name ({@code snapshot}, {@code item}, {@code alert}, {@code rules}) and
     * its JSON data, written when first asked for, so that what a flood holds back is never written at all.
     */
    public static final class Event {

        private final String name;
        private final Object body;
        private volatile String json;

        /** @param body immutable: it may be written later, on another thread */
        Event(String name, Object body) {
            this.name = name;
            this.body = body;
        }

        public String name() {
            return name;
        }

        public String json() {
            String written = json;
            if (written == null) {
                written = ApiJson.write(body);
                json = written;
            }
            return written;
        }
    }

    private final List<Column> columns;
    private final Map<String, Column> columnByTopic = new HashMap<>();
    private final Map<String, Deque<Item>> recent = new LinkedHashMap<>();
    private final Deque<AlertItem> alerts = new ArrayDeque<>();
    private final Map<String, AlertRule> rules = new TreeMap<>();
    private final List<Consumer<Event>> listeners = new ArrayList<>();
    private volatile boolean caughtUp;

    /** @param columns the columns in page order */
    public FeedState(List<Column> columns) {
        this.columns = List.copyOf(columns);
        for (Column column : columns) {
            columnByTopic.put(column.topic(), column);
            recent.put(column.id(), new ArrayDeque<>());
        }
    }

    public List<Column> columns() {
        return columns;
    }

    /** The column that shows {@code topic}; null for none. */
    Column column(String topic) {
        return columnByTopic.get(topic);
    }

    /** True once the reader has read what its topics held when it started (the alert rules included). */
    public boolean isCaughtUp() {
        return caughtUp;
    }

    /** Adds a listener of every change after a snapshot, which it gets first: the state as it is now. */
    public synchronized void subscribe(Consumer<Event> listener) {
        listener.accept(new Event("snapshot", snapshot()));
        listeners.add(listener);
    }

    /** Adds a listener of every change from now on, with no snapshot first. */
    synchronized void listen(Consumer<Event> listener) {
        listeners.add(listener);
    }

    /** Gives {@code use} a snapshot event under the lock that orders every event, so that none comes in between. */
    synchronized <T> T withSnapshot(Function<Event, T> use) {
        return use.apply(new Event("snapshot", snapshot()));
    }

    /** What {@code use} gives, under the lock that orders every event, so that none comes meanwhile. */
    synchronized <T> T ordered(Supplier<T> use) {
        return use.get();
    }

    public synchronized void unsubscribe(Consumer<Event> listener) {
        listeners.remove(listener);
    }

    /** The alert rules, by id. */
    public synchronized Map<String, AlertRule> rules() {
        return new TreeMap<>(rules);
    }

    /** Columns with their newest items first, alerts, and rules. */
    synchronized ApiBodies.Snapshot snapshot() {
        Map<String, List<Item>> items = new LinkedHashMap<>();
        recent.forEach((column, list) -> items.put(column, List.copyOf(list)));
        return new ApiBodies.Snapshot(items, List.copyOf(alerts), ApiBodies.Rule.of(rules.values()));
    }

    /** Forgets everything, to read the topics again from the start: quiet until caught up again. */
    synchronized void restart() {
        caughtUp = false;
        recent.values().forEach(Deque::clear);
        alerts.clear();
        rules.clear();
    }

    /** The reader lost its topics: no longer caught up, though what it read stays on show. */
    void lost() {
        caughtUp = false;
    }

    /** Caught up: from now on every change is told, after this snapshot. */
    synchronized void caughtUp() {
        caughtUp = true;
        emit(new Event("snapshot", snapshot()));
    }

    /** Adds an item at the top of its column. */
    synchronized void add(Item item) {
        Deque<Item> list = recent.get(item.column());
        if (list == null) {
            throw new IllegalArgumentException("no column '" + item.column() + "'");
        }
        keep(list, item, "item");
    }

    /** Adds an alert at the top of the alerts. */
    synchronized void add(AlertItem alert) {
        keep(alerts, alert, "alert");
    }

    private <T> void keep(Deque<T> list, T item, String event) {
        list.addFirst(item);
        while (list.size() > RECENT) {
            list.removeLast();
        }
        if (caughtUp) {
            emit(new Event(event, item));
        }
    }

    /**
     * Takes a rule as the topology does: {@code rule} null (a tombstone) deletes; a rule whose id is not its key
     * or whose query does not parse is skipped, and false returned.
     */
    synchronized boolean putRule(String id, AlertRule rule) {
        if (rule != null && (!id.equals(rule.getId()) || AlertMatcher.check(rule.getQuery()).isPresent())) {
            return false;
        }
        if (rule == null) {
            rules.remove(id);
        } else {
            rules.put(id, rule);
        }
        if (caughtUp) {
            emit(new Event("rules", ApiBodies.Rule.of(rules.values())));
        }
        return true;
    }

    private void emit(Event event) {
        for (Consumer<Event> listener : List.copyOf(listeners)) {
            listener.accept(event);
        }
    }
}
