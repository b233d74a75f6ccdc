package io.wirestream.web;

import io.wirestream.kafka.TopicReader;
import io.wirestream.registry.AvroSerdes;
import io.wirestream.schema.Alert;
import io.wirestream.schema.AlertRule;
import io.wirestream.schema.Dispatch;
import io.wirestream.topology.DeadLetterView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a {@link FeedState} from the output topics as committed ({@code read_committed}), on a thread of its own:
 * the last {@link FeedState#RECENT} records of each partition of the columns' topics and of the alerts, and the
 * whole compacted alert-rules topic. What was there at the start is shown at once, each column's newest by time
 * first whatever partition it came from; from then on each record as it comes. When the broker is lost it starts
 * again, backing off from 1 s up to 30 s.
 */
public final class FeedReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedReader.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Room for the largest dispatch the topology writes. */
    private static final int MAX_FETCH_BYTES = 16 * 1024 * 1024;

    private final FeedState state;
    private final String deadLetterTopic;
    private final String alertsTopic;
    private final String alertRulesTopic;
    private final Deserializer<Dispatch> dispatches;
    private final Deserializer<Alert> alerts;
    private final Deserializer<AlertRule> rules;
    private final TopicReader reader;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile LongConsumer delivered = timestamp -> { };
    private volatile boolean started;
    private volatile boolean closed;

    /**
     * @param clientConfig    bootstrap servers and security
     * @param deadLetterTopic the topic of the column that shows dead letters, raw
     */
    public FeedReader(Map<String, Object> clientConfig, FeedState state, String deadLetterTopic, String alertsTopic,
            String alertRulesTopic, AvroSerdes serdes) {
        this.state = state;
        this.deadLetterTopic = deadLetterTopic;
        this.alertsTopic = alertsTopic;
        this.alertRulesTopic = alertRulesTopic;
        this.dispatches = serdes.valueSerde(Dispatch.class).deserializer();
        this.alerts = serdes.valueSerde(Alert.class).deserializer();
        this.rules = serdes.valueSerde(AlertRule.class).deserializer();
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_FETCH_BYTES);
        this.reader = TopicReader.open(config, "wirestream-dashboard");
        this.thread = new Thread(this::run, "wirestream-dashboard-feed");
        this.thread.setDaemon(true);
    }

    /** Told the input timestamp of each outcome read, as it is read: for the delivery latency. */
    public FeedReader onDelivered(LongConsumer listener) {
        this.delivered = listener;
        return this;
    }

    public FeedReader start() {
        started = true;
        thread.start();
        return this;
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
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
                    state.lost();
                    LOG.warn("the dashboard's live feed failed ({}); trying again in {} s", e.getMessage(),
                            backoff.toSeconds());
                    if (stopped.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                    Duration doubled = backoff.multipliedBy(2);
                    backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            state.lost();
            reader.close();
        }
    }

    /** Reads until closed: the backlog held back and sorted by time, then each record as it comes. */
    private void follow() {
        Map<String, TopicReader.Position> positions = new LinkedHashMap<>();
        state.columns().forEach(column -> positions.put(column.topic(), TopicReader.Position.last(FeedState.RECENT)));
        positions.put(alertsTopic, TopicReader.Position.last(FeedState.RECENT));
        positions.put(alertRulesTopic, TopicReader.Position.beginning());
        Map<TopicPartition, Long> ends = reader.assign(positions);
        state.restart();
        List<ConsumerRecord<byte[], byte[]>> backlog = new ArrayList<>();
        while (!closed) {
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
                if (state.isCaughtUp() || record.topic().equals(alertRulesTopic)) {
                    takeQuietly(record);
                } else {
                    backlog.add(record);
                }
            }
            if (!state.isCaughtUp() && reader.reached(ends)) {
                backlog.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
                backlog.forEach(this::takeQuietly);
                backlog.clear();
                state.caughtUp();
            }
        }
    }

    private void takeQuietly(ConsumerRecord<byte[], byte[]> record) {
        try {
            take(record);
        } catch (RuntimeException e) {
            LOG.warn("dashboard skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    /** Takes one record into the state. */
    void take(ConsumerRecord<byte[], byte[]> record) {
        String topic = record.topic();
        if (topic.equals(alertRulesTopic)) {
            String id = new String(record.key() == null ? new byte[0] : record.key(), StandardCharsets.UTF_8);
            AlertRule rule = record.value() == null ? null : rules.deserialize(topic, record.value());
            if (!state.putRule(id, rule)) {
                LOG.warn("alert rule {} is not shown: the topology ignores it (wrong id or query)", id);
            }
            return;
        }
        String id = topic + ":" + record.partition() + ":" + record.offset();
        if (topic.equals(alertsTopic)) {
            state.add(AlertItem.of(id, alerts.deserialize(topic, record.value())));
            return;
        }
        Column column = state.column(topic);
        long seenAt = System.currentTimeMillis();
        if (topic.equals(deadLetterTopic)) {
            state.add(new Item.DeadLetterItem(id, column.id(), record.timestamp(), seenAt,
                    DeadLetterView.of(record.headers(), record.value())));
            delivered.accept(record.timestamp()); // A dead letter keeps the input's timestamp.
            return;
        }
        Dispatch dispatch = dispatches.deserialize(topic, record.value());
        state.add(new Item.DispatchItem(id, column.id(), record.timestamp(), seenAt, DispatchBody.of(dispatch)));
        if (dispatch.getReceivedAt() != null) {
            delivered.accept(dispatch.getReceivedAt().toEpochMilli());
        }
    }

    @Override
    public void close() {
        closed = true;
        if (!started) {
            reader.close();
            return;
        }
        stopped.countDown();
        reader.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
