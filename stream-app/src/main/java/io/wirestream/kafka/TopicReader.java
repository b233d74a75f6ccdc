package io.wirestream.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads whole topics without a consumer group, as committed ({@code read_committed}): every partition assigned,
 * then each placed where the caller says, by {@link Position}. The one way tail, the dashboard's feed, the demo
 * and reprocess find where to read from.
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<byte[], byte[]> consumer;

    private TopicReader(KafkaConsumer<byte[], byte[]> consumer) {
        this.consumer = consumer;
    }

    /** Where to start in each partition of a topic. */
    public sealed interface Position {

        /** The oldest record kept. */
        static Position beginning() {
            return new Beginning();
        }

        /** After the last record: only what comes next. */
        static Position end() {
            return new End();
        }

        /** The last {@code records} records of each partition (fewer where it holds fewer). */
        static Position last(int records) {
            return new Last(records);
        }

        /** The first record with a timestamp at or after {@code time}; the end where there is none. */
        static Position at(Instant time) {
            return new At(time);
        }
    }

    private record Beginning() implements Position {
    }

    private record End() implements Position {
    }

    private record Last(int records) implements Position {
    }

    private record At(Instant time) implements Position {
    }

    /**
     * A reader with {@code clientConfig} (bootstrap servers, security), reading only committed records, never
     * committing offsets of its own.
     */
    public static TopicReader open(Map<String, Object> clientConfig, String clientId) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new TopicReader(new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
    }

    /** Every partition of {@code topic}; IllegalStateException when the topic does not exist. */
    public List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        return partitions;
    }

    /** The offset {@code position} names in each partition of {@code topic}, without reading anything. */
    public Map<TopicPartition, Long> offsets(String topic, Position position) {
        List<TopicPartition> partitions = partitions(topic);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        if (position instanceof Beginning) {
            offsets.putAll(consumer.beginningOffsets(partitions));
        } else if (position instanceof Last last) {
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
            partitions.forEach(p -> offsets.put(p, Math.max(begins.get(p), ends.get(p) - last.records())));
        } else if (position instanceof At at) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, at.time().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            partitions.forEach(p -> offsets.put(p, found.get(p) == null ? ends.get(p) : found.get(p).offset()));
        } else {
            offsets.putAll(ends);
        }
        return offsets;
    }

    /**
     * Assigns every partition of the topics and places each at its position; returns the end offsets at that
     * moment, so that the caller can tell when it has read what was there ({@link #reached}).
     */
    public Map<TopicPartition, Long> assign(Map<String, Position> positions) {
        List<TopicPartition> partitions = new ArrayList<>();
        positions.keySet().forEach(topic -> partitions.addAll(partitions(topic)));
        // Assigned first: a read_committed consumer keeps the offsets it looks up only for assigned partitions,
        // and warns about the others.
        consumer.assign(partitions);
        Map<TopicPartition, Long> starts = new LinkedHashMap<>();
        positions.forEach((topic, position) -> starts.putAll(offsets(topic, position)));
        starts.forEach(consumer::seek);
        Map<TopicPartition, Long> ends = consumer.endOffsets(starts.keySet());
        // Resolves the positions now, so that records written from here on are read.
        starts.keySet().forEach(consumer::position);
        return ends;
    }

    /** Assigns every partition of the topics, all at the same position. */
    public Map<TopicPartition, Long> assign(Collection<String> topics, Position position) {
        Map<String, Position> positions = new LinkedHashMap<>();
        topics.forEach(topic -> positions.put(topic, position));
        return assign(positions);
    }

    /** True once every partition has been read up to its offset in {@code ends}. */
    public boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
        return consumer.poll(timeout);
    }

    /** Makes a blocked {@link #poll} return at once (with a WakeupException), from any thread. */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
