package io.wirestream.bench;

import io.wirestream.kafka.TopicReader;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Latency from sending a raw dispatch to its first outcome being readable by a {@code read_committed} consumer,
 * at a steady rate. Both ends are in this JVM, so one monotonic clock times both: each input carries its send
 * time ({@link System#nanoTime()}) and a sequence number in headers, which the pipeline copies onto every outcome
 * (a routed or unrouted {@code Dispatch}, or a dead letter). The output records' own timestamps cannot serve:
 * they are the dispatches' publish times.
 *
 * <p>Sends are open-loop, at fixed times from the start, so a slow pipeline does not slow the sender and hide its
 * own delay. The first {@code warmup} of sends is not counted.
 */
final class LatencyProbe {

    static final String SEQUENCE = "wirestream.bench.sequence";
    static final String SENT_NANOS = "wirestream.bench.sent-nanos";

    /** Latencies of one phase, in nanoseconds, and how many inputs had no outcome by the deadline. */
    record Result(long[] latencies, long missing) {

        double percentileMs(double percentile) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            // Nearest rank: the smallest value with at least this share of the values at or below it.
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }
    }

    private final Map<String, Object> client;
    private final String input;
    private final List<String> outputs;
    private final DispatchGenerator generator;

    LatencyProbe(Map<String, Object> client, String input, List<String> outputs, DispatchGenerator generator) {
        this.client = client;
        this.input = input;
        this.outputs = outputs;
        this.generator = generator;
    }

    /**
     * Sends dispatches {@code firstIndex}, … at {@code rate} per second for {@code warmup} plus {@code duration},
     * then waits up to {@code drain} for the last outcomes.
     */
    Result run(int rate, Duration warmup, Duration duration, long firstIndex, Duration drain)
            throws InterruptedException {
        int warm = (int) (rate * warmup.toMillis() / 1000);
        int total = warm + (int) (rate * duration.toMillis() / 1000);
        long[] latency = new long[total];
        Arrays.fill(latency, -1);
        AtomicLong seen = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        try (TopicReader consumer = TopicReader.open(client, "wirestream-bench-latency")) {
            consumer.assign(outputs, TopicReader.Position.end());
            Thread reader = new Thread(() -> read(consumer, latency, seen, stop), "latency-reader");
            reader.start();
            try {
                send(rate, total, firstIndex);
                long deadline = System.nanoTime() + drain.toNanos();
                while (seen.get() < total && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } finally {
                stop.set(true);
                reader.join();
            }
        }
        long[] measured = Arrays.stream(latency, warm, total).filter(l -> l >= 0).toArray();
        return new Result(measured, (total - warm) - measured.length);
    }

    private void send(int rate, int total, long firstIndex) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                DispatchGenerator.Raw raw = generator.generate(firstIndex + i);
                long due = start + i * period;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                RecordHeaders headers = new RecordHeaders();
                headers.add(SEQUENCE, ByteBuffer.allocate(8).putLong(i).array());
                headers.add(SENT_NANOS, ByteBuffer.allocate(8).putLong(System.nanoTime()).array());
                producer.send(new ProducerRecord<>(input, null, raw.key(), raw.value(), headers));
            }
            producer.flush();
        }
    }

    private static void read(TopicReader consumer, long[] latency, AtomicLong seen,
            AtomicBoolean stop) {
        while (!stop.get()) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                long now = System.nanoTime();
                Header sequence = record.headers().lastHeader(SEQUENCE);
                Header sent = record.headers().lastHeader(SENT_NANOS);
                if (sequence == null || sent == null) {
                    continue;
                }
                int i = (int) ByteBuffer.wrap(sequence.value()).getLong();
                // The first outcome of an input counts; a second subject's copy of it does not.
                if (i >= 0 && i < latency.length && latency[i] < 0) {
                    latency[i] = now - ByteBuffer.wrap(sent.value()).getLong();
                    seen.incrementAndGet();
                }
            }
        }
    }

}
