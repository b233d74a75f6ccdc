package io.wirestream.web;

import com.fasterxml.jackson.core.JsonGenerator;
import io.wirestream.classify.AlertMatcher;
import io.wirestream.dispatch.DispatchJson;
import io.wirestream.schema.Alert;
import io.wirestream.schema.AlertRule;
import io.wirestream.schema.Dispatch;
import io.wirestream.topology.DeadLetterHeaders;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the dashboard shows, read from the output topics as committed ({@code read_committed}): the newest
 * dispatches of each column (one per subject, unrouted, dead letters), the newest alerts, and the alert rules (the
 * whole compacted topic). Every change is passed to the listeners as an event, in the order it was read, and a
 * listener added with {@link #subscribe} first gets a snapshot, under the same lock, so it misses nothing.
 */
public final class LiveFeed implements AutoCloseable {

    /** How many items each column keeps, and how many are read back per partition at start. */
    public static final int RECENT = 60;
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    private static final int PREVIEW_CHARS = 4000;

    /** One column of the page: a subject, unrouted or dead letters, fed by one topic. */
    public record Column(String id, String title, String topic, String description) {
    }

    /** A change for the page: the SSE event name and its JSON data. */
    public record Event(String name, String json) {
    }

    private final List<Column> columns;
    private final Map<String, Column> columnByTopic = new HashMap<>();
    private final String deadLetterTopic;
    private final String alertsTopic;
    private final String alertRulesTopic;
    private final Deserializer<Dispatch> dispatches;
    private final Deserializer<Alert> alertReader;
    private final Deserializer<AlertRule> ruleReader;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Deque<String>> recent = new LinkedHashMap<>();
    private final Deque<String> alerts = new ArrayDeque<>();
    private final Map<String, AlertRule> rules = new TreeMap<>();
    private final List<Consumer<Event>> listeners = new ArrayList<>();
    private final Thread thread;
    private volatile java.util.function.LongConsumer delivered = timestamp -> { };
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean caughtUp;
    private volatile boolean closed;

    /**
     * @param columns the columns in page order; the one fed by {@code deadLetterTopic} shows raw dead letters
     */
    public LiveFeed(Map<String, Object> clientConfig, List<Column> columns, String deadLetterTopic, String alertsTopic,
            String alertRulesTopic, Deserializer<Dispatch> dispatches, Deserializer<Alert> alerts,
            Deserializer<AlertRule> rules) {
        this.columns = List.copyOf(columns);
        this.deadLetterTopic = deadLetterTopic;
        this.alertsTopic = alertsTopic;
        this.alertRulesTopic = alertRulesTopic;
        this.dispatches = dispatches;
        this.alertReader = alerts;
        this.ruleReader = rules;
        for (Column column : columns) {
            columnByTopic.put(column.topic(), column);
            recent.put(column.id(), new ArrayDeque<>());
        }
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put("isolation.level", "read_committed");
        config.put("enable.auto.commit", "false");
        config.put("client.id", "wirestream-dashboard");
        config.put("max.partition.fetch.bytes", 16 * 1024 * 1024);
        config.remove("group.id");
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "wirestream-dashboard-feed");
        this.thread.setDaemon(true);
    }

    /** Told the input timestamp of each outcome read, as it is read: for the delivery latency. */
    public LiveFeed onDelivered(java.util.function.LongConsumer listener) {
        this.delivered = listener;
        return this;
    }

    public LiveFeed start() {
        thread.start();
        return this;
    }

    public List<Column> columns() {
        return columns;
    }

    /** True once the feed has read what its topics held when it started (the alert rules included). */
    public boolean isReady() {
        return caughtUp;
    }

    /** Adds a listener of every change after {@code snapshot}, which gets the state as it is now. */
    public synchronized void subscribe(Consumer<Event> listener) {
        listener.accept(new Event("snapshot", snapshot()));
        listeners.add(listener);
    }

    public synchronized void unsubscribe(Consumer<Event> listener) {
        listeners.remove(listener);
    }

    /** The alert rules as stored in the topic, by id. */
    public synchronized Map<String, AlertRule> rules() {
        return new TreeMap<>(rules);
    }

    /** Columns with their newest items first, alerts, and rules, as one JSON object. */
    public synchronized String snapshot() {
        StringBuilder out = new StringBuilder("{\"columns\":{");
        boolean first = true;
        for (Map.Entry<String, Deque<String>> column : recent.entrySet()) {
            out.append(first ? "" : ",").append(Json.quote(column.getKey())).append(':');
            appendArray(out, column.getValue());
            first = false;
        }
        out.append("},\"alerts\":");
        appendArray(out, alerts);
        out.append(",\"rules\":").append(rulesJson()).append('}');
        return out.toString();
    }

    private static void appendArray(StringBuilder out, Collection<String> items) {
        out.append('[').append(String.join(",", items)).append(']');
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        try {
            while (!closed) {
                try {
                    follow();
                } catch (WakeupException | InterruptException e) {
                    return; // Closing.
                } catch (RuntimeException e) {
                    if (closed) {
                        return;
                    }
                    caughtUp = false;
                    LOG.warn("the dashboard's live feed failed ({}); trying again in {} s", e.getMessage(),
                            backoff.toSeconds());
                    if (stopped.await(backoff.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        return;
                    }
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                            : backoff.multipliedBy(2);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            caughtUp = false;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Reads until closed. What was there at the start is read first and shown at once, each column's newest by
     * time first whatever partition it came from; from then on, each record as it comes.
     */
    private void follow() {
        Map<TopicPartition, Long> ends = assign();
        List<ConsumerRecord<byte[], byte[]>> backlog = new ArrayList<>();
        while (!closed) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (caughtUp || record.topic().equals(alertRulesTopic)) {
                    takeQuietly(record, !caughtUp);
                } else {
                    backlog.add(record);
                }
            }
            if (!caughtUp && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                backlog.sort(java.util.Comparator.comparingLong(ConsumerRecord::timestamp));
                backlog.forEach(record -> takeQuietly(record, true));
                backlog.clear();
                synchronized (this) {
                    caughtUp = true;
                    emit(new Event("snapshot", snapshot()));
                }
            }
        }
    }

    private void takeQuietly(ConsumerRecord<byte[], byte[]> record, boolean quietly) {
        try {
            take(record, quietly);
        } catch (RuntimeException e) {
            LOG.warn("dashboard skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    /** Reads each output topic from a little before its end, and the alert rules from the beginning. */
    private Map<TopicPartition, Long> assign() {
        List<TopicPartition> partitions = new ArrayList<>();
        List<String> topics = new ArrayList<>(columnByTopic.keySet());
        topics.add(alertsTopic);
        topics.add(alertRulesTopic);
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
        synchronized (this) {
            recent.values().forEach(Deque::clear);
            alerts.clear();
            rules.clear();
        }
        for (TopicPartition partition : partitions) {
            long begin = begins.getOrDefault(partition, 0L);
            long start = partition.topic().equals(alertRulesTopic) ? begin
                    : Math.max(begin, ends.getOrDefault(partition, 0L) - RECENT);
            consumer.seek(partition, start);
        }
        return ends;
    }

    /** Takes one record into the state, and tells the listeners unless {@code quietly} (catching up). */
    private void take(ConsumerRecord<byte[], byte[]> record, boolean quietly) {
        if (record.topic().equals(alertRulesTopic)) {
            takeRule(record, quietly);
            return;
        }
        if (record.topic().equals(alertsTopic)) {
            Alert alert = alertReader.deserialize(record.topic(), record.value());
            publish(alerts, "alert", alertJson(record, alert), quietly);
            return;
        }
        Column column = columnByTopic.get(record.topic());
        String json;
        if (record.topic().equals(deadLetterTopic)) {
            json = deadLetterJson(record, column);
            delivered.accept(record.timestamp()); // A dead letter keeps the input's timestamp.
        } else {
            Dispatch dispatch = dispatches.deserialize(record.topic(), record.value());
            json = dispatchJson(record, column, dispatch);
            if (dispatch.getReceivedAt() != null) {
                delivered.accept(dispatch.getReceivedAt().toEpochMilli());
            }
        }
        publish(recent.get(column.id()), "item", json, quietly);
    }

    /** A rule as the topology takes it: a tombstone deletes; a rule whose id or query is wrong is skipped. */
    private void takeRule(ConsumerRecord<byte[], byte[]> record, boolean quietly) {
        String id = new String(record.key() == null ? new byte[0] : record.key(), StandardCharsets.UTF_8);
        AlertRule rule = record.value() == null ? null : ruleReader.deserialize(record.topic(), record.value());
        if (rule != null && (!id.equals(rule.getId()) || AlertMatcher.check(rule.getQuery()).isPresent())) {
            LOG.warn("alert rule {} is not shown: the topology ignores it (wrong id or query)", id);
            return;
        }
        synchronized (this) {
            if (rule == null) {
                rules.remove(id);
            } else {
                rules.put(id, rule);
            }
            if (!quietly) {
                emit(new Event("rules", rulesJson()));
            }
        }
    }

    private synchronized void publish(Deque<String> list, String name, String json, boolean quietly) {
        list.addFirst(json);
        while (list.size() > RECENT) {
            list.removeLast();
        }
        if (!quietly) {
            emit(new Event(name, json));
        }
    }

    private void emit(Event event) {
        for (Consumer<Event> listener : List.copyOf(listeners)) {
            listener.accept(event);
        }
    }

    private String rulesJson() {
        return Json.write(g -> {
            g.writeStartArray();
            for (AlertRule rule : rules.values()) {
                writeRule(g, rule);
            }
            g.writeEndArray();
        });
    }

    static void writeRule(JsonGenerator g, AlertRule rule) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", rule.getId());
        g.writeStringField("name", rule.getName());
        g.writeStringField("query", rule.getQuery());
        g.writeStringField("subject", rule.getSubject());
        g.writeStringField("createdAt", rule.getCreatedAt().toString());
        g.writeEndObject();
    }

    private static String id(ConsumerRecord<?, ?> record) {
        return record.topic() + ":" + record.partition() + ":" + record.offset();
    }

    private static String dispatchJson(ConsumerRecord<byte[], byte[]> record, Column column, Dispatch dispatch) {
        return Json.write(g -> {
            writeHead(g, record, column);
            DispatchJson.writeFields(g, dispatch);
            DispatchJson.writeRouting(g, dispatch.getRouting());
            g.writeEndObject();
        });
    }

    /** Opens an item's object with what every item has: its id (topic:partition:offset), column and times. */
    private static void writeHead(JsonGenerator g, ConsumerRecord<?, ?> record, Column column) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id(record));
        g.writeStringField("column", column.id());
        g.writeNumberField("timestamp", record.timestamp());
        g.writeNumberField("seenAt", System.currentTimeMillis());
    }

    private static String alertJson(ConsumerRecord<byte[], byte[]> record, Alert alert) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("id", id(record));
            g.writeStringField("ruleId", alert.getRuleId());
            g.writeStringField("ruleName", alert.getRuleName());
            g.writeStringField("query", alert.getQuery());
            g.writeStringField("subject", alert.getSubject());
            DispatchJson.writeStrings(g, "terms", alert.getTerms());
            g.writeStringField("firedAt", alert.getFiredAt().toString());
            g.writeObjectFieldStart("dispatch");
            DispatchJson.writeFields(g, alert.getDispatch());
            DispatchJson.writeRouting(g, alert.getDispatch().getRouting());
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static String deadLetterJson(ConsumerRecord<byte[], byte[]> record, Column column) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        return Json.write(g -> {
            writeHead(g, record, column);
            g.writeStringField("reason", header(record, DeadLetterHeaders.REASON));
            g.writeStringField("message", header(record, DeadLetterHeaders.MESSAGE));
            g.writeStringField("exception", header(record, DeadLetterHeaders.EXCEPTION));
            String topic = header(record, DeadLetterHeaders.TOPIC);
            g.writeStringField("source", topic == null ? null : topic + "-" + header(record, DeadLetterHeaders.PARTITION)
                    + "@" + header(record, DeadLetterHeaders.OFFSET));
            g.writeNumberField("bytes", value.length);
            g.writeStringField("preview", preview(value));
            g.writeEndObject();
        });
    }

    private static String header(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The start of the original bytes as text: UTF-8 where it is, a replacement character where it is not. */
    static String preview(byte[] value) {
        int length = Math.min(value.length, PREVIEW_CHARS * 4);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(value, 0, length)).toString();
        } catch (CharacterCodingException e) {
            text = "";
        }
        return text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) : text;
    }

    @Override
    public void close() {
        closed = true;
        stopped.countDown();
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
