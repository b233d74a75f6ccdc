package io.wirestream.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * When each marked dispatch of the viewers' benchmark is first readable on any of the pipeline's output topics as
 * committed ({@code read_committed}, as the page's feed reads them): the end of the broker's, the routing's and the
 * exactly-once commit's part of its way, which the viewers' times are set beside. Only markers of one phase count
 * (its word is in the headline). A thread of its own, polling with a short wait so that its own delay is small.
 */
final class OutputMarkers implements AutoCloseable {

    /** Every topic but the input and the internal ones (the registry's, the broker's, the pipeline's stores). */
    private static final Pattern OUTPUTS = Pattern.compile("^(?!raw-feed$|_|wirestream-).*");

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final byte[] phase;
    private final long[] readAt;
    private final Thread thread;
    private volatile boolean closed;
    private volatile int assigned;

    /** Starts reading from the outputs' ends for the {@code markers} marked dispatches of {@code phase}. */
    OutputMarkers(String bootstrap, String phase, int markers) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.GROUP_ID_CONFIG,
                "viewers-bench-markers-" + System.nanoTime(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20, ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.phase = ("(" + phase + ")").getBytes(StandardCharsets.UTF_8);
        this.readAt = new long[markers];
        consumer.subscribe(OUTPUTS);
        this.thread = new Thread(this::run, "output-markers");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until the consumer has its partitions, so that no marker is sent before it reads. */
    OutputMarkers awaitAssigned(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (assigned == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return this;
    }

    private void run() {
        try {
            while (!closed) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    take(record.value(), System.nanoTime());
                }
                assigned = consumer.assignment().size();
            }
        } catch (WakeupException e) {
            // Closing.
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void take(byte[] value, long now) {
        if (value == null || indexOf(value, phase) < 0) {
            return;
        }
        int n = ViewerLatencies.marker(value, value.length);
        if (n >= 0 && n < readAt.length) {
            synchronized (this) {
                if (readAt[n] == 0) {
                    readAt[n] = now;
                }
            }
        }
    }

    /** Each marker's first read on an output ({@link System#nanoTime}), 0 for one not seen. */
    synchronized long[] readAt() {
        return Arrays.copyOf(readAt, readAt.length);
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        thread.join(5_000);
    }
}
