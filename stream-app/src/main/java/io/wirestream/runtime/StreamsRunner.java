package io.wirestream.runtime;

import io.wirestream.config.WirestreamConfig;
import io.wirestream.registry.SchemaRegistryException;
import io.wirestream.topology.Collaborators;
import io.wirestream.topology.RoutingConfig;
import io.wirestream.topology.RoutingTopology;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the routing topology: builds it, logs its description, starts it, and reports how it ended. */
public final class StreamsRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);

    private final KafkaStreams streams;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Replacements replacements = new Replacements();

    private StreamsRunner(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * Starts the routing pipeline: the topology of {@code routing} (see {@link RoutingTopology}) with
     * {@code collaborators}, on the cluster and under the application id of {@code config}.
     */
    public static StreamsRunner start(WirestreamConfig config, RoutingConfig routing, Collaborators collaborators) {
        return start(RoutingTopology.build(routing, collaborators), properties(config));
    }

    /** Starts any topology, logging its description. */
    public static StreamsRunner start(Topology topology, Properties properties) {
        LOG.debug("topology:\n{}", topology.describe());
        KafkaStreams streams = new KafkaStreams(topology, properties);
        StreamsRunner runner = new StreamsRunner(streams);
        streams.setUncaughtExceptionHandler(runner::onError);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                runner.stopped.countDown();
            }
        });
        streams.start();
        return runner;
    }

    public static Properties properties(WirestreamConfig config) {
        Properties props = new Properties();
        props.putAll(config.kafka().clientProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.kafka().applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServersOrEmbedded());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.kafka().guarantee().value());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.dataDir().resolve("streams").toString());
        // Its internal topics (the deduplication store's changelog) as safe as the topics wirestream creates.
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.topics().replicationFactor());
        // Outputs can be a little larger than the largest accepted input (see Topics).
        producerDefault(props, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES));
        // Streams lingers 100 ms for fuller batches; under at-least-once that is 100 ms of latency at low rates
        // (output is visible when written). 5 ms, Kafka's own producer default, with room for 128 KB batches
        // (about 35 outcomes) under load: measured by 'wirestream bench', see docs/benchmarks.md.
        producerDefault(props, ProducerConfig.LINGER_MS_CONFIG, "5");
        producerDefault(props, ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(128 * 1024));
        // Opting in now to what Kafka 5.0 will do by default: the handler also covers the alert rules' global thread.
        props.putIfAbsent("processing.exception.handler.global.enabled", "true");
        // The partition assignor builds its own StreamsConfig from the main consumer's settings, and warns unless it
        // sees the same opt-in there.
        props.putIfAbsent(StreamsConfig.mainConsumerPrefix("processing.exception.handler.global.enabled"), "true");
        return props;
    }

    /** Sets a producer setting unless given, plain or with Streams' {@code producer.} prefix. */
    private static void producerDefault(Properties props, String key, String value) {
        if (!props.containsKey(key) && !props.containsKey(StreamsConfig.producerPrefix(key))) {
            props.put(StreamsConfig.producerPrefix(key), value);
        }
    }

    private StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse onError(Throwable error) {
        if (replacements.mayReplace(error, System.nanoTime())) {
            LOG.warn("a stream thread failed talking to Kafka ({}); starting a new one in its place: its uncommitted "
                    + "work is redone from the last commit", rootMessage(error));
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        failure.compareAndSet(null, error);
        LOG.error("processing stopped: {}. Nothing is lost: the uncommitted work is redone when wirestream starts "
                + "again.", rootMessage(error));
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /**
     * Which failed stream threads are replaced rather than the whole client stopped: those that failed on Kafka
     * itself (a broker that restarts can answer a transaction's end with an error once), a few times in a row at
     * most. A registry that stayed away past its retries, or anything else, stops processing with its message.
     * Under exactly-once a replaced thread aborts its transaction and starts again from the last commit, so
     * nothing is lost or doubled.
     */
    public static final class Replacements {
        static final int MAX = 5;
        static final Duration WINDOW = Duration.ofMinutes(10);
        private final Deque<Long> recent = new ArrayDeque<>();

        synchronized boolean mayReplace(Throwable error, long nanoTime) {
            if (!isKafkaTrouble(error)) {
                return false;
            }
            while (!recent.isEmpty() && nanoTime - recent.peekFirst() > WINDOW.toNanos()) {
                recent.removeFirst();
            }
            if (recent.size() >= MAX) {
                return false;
            }
            recent.addLast(nanoTime);
            return true;
        }

        static boolean isKafkaTrouble(Throwable error) {
            List<Throwable> chain = causes(error);
            Throwable root = chain.get(chain.size() - 1);
            return registryFailure(chain).isEmpty() && root instanceof KafkaException
                    && !(root instanceof StreamsException);
        }
    }

    /** Waits until the streams are RUNNING; false when they stopped or the time ran out. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            KafkaStreams.State state = streams.state();
            if (state == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (!state.isRunningOrRebalancing() && state != KafkaStreams.State.CREATED) {
                return false;
            }
            if (stopped.await(100, TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
        return false;
    }

    /** Blocks until the streams stop on their own (an error) or are closed. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Dispatches dropped as duplicates so far, by this instance. */
    public long duplicates() {
        double total = 0;
        for (var metric : streams.metrics().entrySet()) {
            if (metric.getKey().name().equals(RoutingTopology.DUPLICATE_TOTAL)
                    && metric.getKey().group().contains(RoutingTopology.METRIC_SCOPE)) {
                Object value = metric.getValue().metricValue();
                if (value instanceof Number number) {
                    total += number.doubleValue();
                }
            }
        }
        return (long) total;
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Stream threads alive in this instance. */
    public int aliveThreads() {
        return (int) streams.metadataForLocalThreads().stream()
                .filter(t -> !t.threadState().equals("DEAD") && !t.threadState().equals("PENDING_SHUTDOWN")).count();
    }

    public Throwable failure() {
        return failure.get();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        stopped.countDown();
    }

    /**
     * What went wrong, for people: the message of a schema registry failure anywhere in the chain (it says which
     * registry and what it did), else the top message with the root cause.
     */
    public static String rootMessage(Throwable error) {
        List<Throwable> chain = causes(error);
        Throwable root = chain.get(chain.size() - 1);
        return registryFailure(chain).map(Throwable::getMessage).orElse(root == error
                ? String.valueOf(error.getMessage()) : error.getMessage() + " (caused by " + root + ")");
    }

    /** {@code error} and its causes, outermost first; a cause met again ends the chain. */
    private static List<Throwable> causes(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    /** The first schema registry failure in the chain: whatever wraps it, the registry is what went wrong. */
    private static Optional<Throwable> registryFailure(List<Throwable> chain) {
        return chain.stream().filter(cause -> cause instanceof SchemaRegistryException).findFirst();
    }
}
