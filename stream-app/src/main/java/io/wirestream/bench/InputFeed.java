package io.wirestream.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes the same generated dispatches, in the same order with the same keys (so to the same partitions), into
 * each run's own input topic before the run starts: every run reads identical input, and none reads another's
 * latency records.
 */
final class InputFeed {

    private final Map<String, Object> client;
    private final DispatchGenerator generator;
    private final int count;
    private final int partitions;

    InputFeed(Map<String, Object> client, DispatchGenerator generator, int count, int partitions) {
        this.client = client;
        this.generator = generator;
        this.count = count;
        this.partitions = partitions;
    }

    /** Creates {@code topic} and fills it; returns what was written and how fast. */
    BenchResults.Input load(String topic) throws InterruptedException {
        BenchTopics.create(client, List.of(topic), partitions);
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long bytes = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                DispatchGenerator.Raw raw = generator.generate(i);
                bytes += raw.value().length;
                min = Math.min(min, raw.value().length);
                max = Math.max(max, raw.value().length);
                producer.send(new ProducerRecord<>(topic, raw.key(), raw.value()), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("cannot write the input to " + topic + ": " + failure.get().getMessage(),
                    failure.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new BenchResults.Input(count, bytes / (double) count, min, max, count / seconds);
    }
}
