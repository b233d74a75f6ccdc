package io.wirestream.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Inputs produced in the background at a steady rate, as a wire service sends them, so that dispatches are flowing
 * whenever a test breaks something. Its producer loses and doubles none ({@link TracedInputs#producer}) and waits
 * out a partition without a leader for up to five minutes, as a patient upstream would.
 */
public final class SteadyFeed implements AutoCloseable {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(5);

    private final Thread sender;
    private final AtomicInteger acked = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final int total;
    private volatile boolean stopped;

    private SteadyFeed(Map<String, Object> clientConfig, String topic, List<TracedInputs.Input> inputs,
            int perSecond) {
        this.total = inputs.size();
        this.sender = new Thread(() -> send(clientConfig, topic, inputs, perSecond), "steady-feed");
        sender.setDaemon(true);
    }

    /** Starts producing {@code inputs} to {@code topic}, in order, {@code perSecond} a second. */
    public static SteadyFeed start(Map<String, Object> clientConfig, String topic, List<TracedInputs.Input> inputs,
            int perSecond) {
        SteadyFeed feed = new SteadyFeed(clientConfig, topic, inputs, perSecond);
        feed.sender.start();
        return feed;
    }

    private void send(Map<String, Object> clientConfig, String topic, List<TracedInputs.Input> inputs, int perSecond) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis());
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = TracedInputs.producer(config)) {
            for (int i = 0; i < inputs.size() && !stopped && failure.get() == null; i++) {
                long due = start + i * TimeUnit.SECONDS.toNanos(1) / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                producer.send(TracedInputs.record(topic, inputs.get(i)), (metadata, error) -> {
                    if (error == null) {
                        acked.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Inputs the cluster has acknowledged so far. */
    public int acked() {
        return acked.get();
    }

    /** Waits until every input is acknowledged; fails with the producer's error if one was refused. */
    public void awaitAcked(Duration timeout) throws InterruptedException {
        sender.join(timeout.toMillis());
        if (failure.get() != null) {
            throw new IllegalStateException("the feed failed after " + acked() + " of " + total, failure.get());
        }
        if (sender.isAlive() || acked() != total) {
            throw new AssertionError("the feed had " + acked() + " of " + total + " inputs acknowledged after "
                    + timeout.toSeconds() + " s");
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        sender.join(DELIVERY_TIMEOUT.toMillis());
    }
}
