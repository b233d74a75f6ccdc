package io.wirestream.ingest;

import io.wirestream.format.Format;
import io.wirestream.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes items to the input topic and what was sent to the state topic, in one Kafka transaction per poll: both
 * are committed, or neither is. The state is read back, {@code read_committed}, by every new process (after its
 * {@code initTransactions} has aborted whatever a killed predecessor with the same transactional id left open), so
 * that an item is sent once across restarts, crashes and machines, and again only when it changed. After a
 * failure whose outcome is unknown (a commit that timed out), the producer is made anew and the state read again
 * before the next write, so that memory never disagrees with what Kafka committed.
 */
final class IngestWriter implements AutoCloseable {

    static final String SOURCE = "wirestream.source";
    static final String GUID = "wirestream.guid";
    static final String FETCHED_AT = "wirestream.fetched-at";
    private static final Logger LOG = LoggerFactory.getLogger(IngestWriter.class);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    /** Another process took this transactional id over: this one must stop. */
    static final class Fenced extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Fenced(String transactionalId, Throwable cause) {
            super("another ingest took the transactional id " + transactionalId + " over; this one stops", cause);
        }
    }

    /**
     * @param commitDelay a pause between sending and committing, only to let tests kill the process there
     */
    record Topics(String input, String state, String transactionalId, Duration commitDelay) {
    }

    private final Map<String, Object> clientConfig;
    private final Topics topics;
    private final Map<String, Sent> sent = new HashMap<>();
    private final Map<String, Fetch.Validators> validators = new HashMap<>();
    private KafkaProducer<byte[], byte[]> producer;

    private IngestWriter(Map<String, Object> clientConfig, Topics topics) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.topics = topics;
    }

    /** A writer ready to write: its producer's transactions initialised, the state read to its end. */
    static IngestWriter open(Map<String, Object> clientConfig, Topics topics) {
        IngestWriter writer = new IngestWriter(clientConfig, topics);
        writer.ready();
        return writer;
    }

    /** The validators the last committed poll of {@code source} got; {@link Fetch.Validators#NONE} for none. */
    synchronized Fetch.Validators validators(String source) {
        return validators.getOrDefault(source, Fetch.Validators.NONE);
    }

    /** How many items the state holds. */
    synchronized int remembered() {
        return sent.size();
    }

    /**
     * Sends those of {@code items} not sent before, or changed since, with their state and the source's new
     * validators, in one transaction; returns what was sent (empty when nothing was new).
     *
     * @param newValidators the validators of the response the items came from; null for a drop folder
     */
    synchronized List<Item> write(Source source, List<Item> items, Fetch.Validators newValidators, Instant fetchedAt) {
        Map<String, Item> fresh = new LinkedHashMap<>();
        for (Item item : items) {
            Sent before = sent.get(item.id());
            if ((before == null || !before.sameAs(item)) && !fresh.containsKey(item.id())) {
                fresh.put(item.id(), item);
            }
        }
        boolean newValidatorsToKeep = newValidators != null && !newValidators.equals(validators(source.name()));
        if (fresh.isEmpty() && !newValidatorsToKeep) {
            return List.of();
        }
        ready();
        Map<String, Sent> written = new HashMap<>();
        try {
            producer.beginTransaction();
            for (Item item : fresh.values()) {
                producer.send(new ProducerRecord<>(topics.input(), null, null, bytes(item.id()), item.document(),
                        headers(source, item, fetchedAt)));
                Sent state = new Sent(item.version(), item.hash(), source.name(), fetchedAt);
                producer.send(new ProducerRecord<>(topics.state(), StateCodec.key(StateCodec.ITEM, item.id()),
                        StateCodec.sent(state)));
                written.put(item.id(), state);
            }
            if (newValidatorsToKeep) {
                producer.send(new ProducerRecord<>(topics.state(), StateCodec.key(StateCodec.SOURCE, source.name()),
                        StateCodec.validators(newValidators)));
            }
            pauseBeforeCommit();
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            discardProducer();
            throw new Fenced(topics.transactionalId(), e);
        } catch (KafkaException e) {
            abortOrDiscard(e);
            throw e;
        }
        sent.putAll(written);
        if (newValidatorsToKeep) {
            validators.put(source.name(), newValidators);
        }
        return new ArrayList<>(fresh.values());
    }

    private static RecordHeaders headers(Source source, Item item, Instant fetchedAt) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(SOURCE, bytes(source.name()));
        headers.add(Format.HEADER, bytes(item.format().id()));
        headers.add(GUID, bytes(item.id()));
        headers.add(FETCHED_AT, bytes(fetchedAt.toString()));
        return headers;
    }

    private void pauseBeforeCommit() {
        if (topics.commitDelay().isZero()) {
            return;
        }
        producer.flush();
        try {
            Thread.sleep(topics.commitDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * After a failed transaction: aborted when the producer can abort it; when it cannot, or the commit's outcome is
     * unknown (a timeout), the producer is dropped, and the next write makes a new one and reads the state again.
     */
    private void abortOrDiscard(KafkaException failure) {
        if (!(failure instanceof TimeoutException)) {
            try {
                producer.abortTransaction();
                return;
            } catch (KafkaException e) {
                LOG.debug("could not abort the ingest transaction", e);
            }
        }
        discardProducer();
    }

    private void discardProducer() {
        closeProducer(Duration.ZERO);
    }

    private void closeProducer(Duration timeout) {
        if (producer != null) {
            producer.close(timeout);
            producer = null;
        }
    }

    /** A producer whose transactions are initialised, and the state as committed; made again after a failure. */
    private void ready() {
        if (producer != null) {
            return;
        }
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, topics.transactionalId());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, topics.transactionalId());
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        KafkaProducer<byte[], byte[]> made = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer());
        try {
            made.initTransactions();
            readState();
        } catch (RuntimeException e) {
            made.close(Duration.ZERO);
            throw e;
        }
        producer = made;
    }

    /** Reads the state topic from its start to its (committed) end. */
    private void readState() {
        sent.clear();
        validators.clear();
        try (TopicReader reader = TopicReader.open(clientConfig, topics.transactionalId() + "-state")) {
            Map<TopicPartition, Long> ends = reader.assign(List.of(topics.state()), TopicReader.Position.beginning());
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!reader.reached(ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the state topic " + topics.state() + " within "
                            + READ_TIMEOUT.toSeconds() + " s");
                }
                reader.poll(Duration.ofMillis(200)).forEach(this::apply);
            }
        }
        LOG.debug("ingest state read from {}: {} items, {} sources' validators", topics.state(), sent.size(),
                validators.size());
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
        try {
            if (key.startsWith(StateCodec.ITEM)) {
                String id = key.substring(StateCodec.ITEM.length());
                if (record.value() == null) {
                    sent.remove(id);
                } else {
                    sent.put(id, StateCodec.readSent(record.value()));
                }
            } else if (key.startsWith(StateCodec.SOURCE) && record.value() != null) {
                validators.put(key.substring(StateCodec.SOURCE.length()), StateCodec.readValidators(record.value()));
            }
        } catch (RuntimeException e) {
            LOG.warn("ignoring a state record that cannot be read (key {}, offset {}): {}", key, record.offset(),
                    e.getMessage());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        closeProducer(Duration.ofSeconds(5));
    }
}
