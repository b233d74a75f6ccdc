package io.wirestream.web;

import io.wirestream.classify.AlertMatcher;
import io.wirestream.schema.AlertRule;
import io.wirestream.topology.AlertBook;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Creates and deletes alert rules: checks a rule with the query parser before anything is written, writes it to
 * the compacted rules topic (a tombstone to delete), and returns once it is in effect, so that the next matching
 * dispatch fires it. "In effect" is the topology's own view where it runs in this process, else the feed's.
 */
public final class AlertRuleService implements AutoCloseable {

    /** A rule refused before anything was written, with what is wrong. */
    public static final class InvalidRuleException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidRuleException(String message) {
            super(message);
        }
    }

    static final int MAX_NAME = 100;
    static final int MAX_QUERY = 2000;
    private static final Duration SETTLE = Duration.ofSeconds(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String topic;
    private final Set<String> subjects;
    private final FeedState feed;
    private final AlertBook book;
    private final KafkaProducer<String, AlertRule> producer;

    /** @param book the topology's rules where it runs in this process; null for a dashboard on its own */
    public AlertRuleService(Map<String, Object> clientConfig, String topic, Serializer<AlertRule> serializer,
            Set<String> subjects, FeedState feed, AlertBook book) {
        this.topic = topic;
        this.subjects = Set.copyOf(subjects);
        this.feed = feed;
        this.book = book;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        config.put("client.id", "wirestream-dashboard-rules");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), serializer);
    }

    /** Checks, stores and awaits a new rule; {@code subject} null or blank for any dispatch. */
    public AlertRule create(String name, String query, String subject) throws InvalidRuleException,
            InterruptedException {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME) {
            throw new InvalidRuleException("the name must have 1 to " + MAX_NAME + " characters");
        }
        if (query == null || query.length() > MAX_QUERY) {
            throw new InvalidRuleException("the query must have at most " + MAX_QUERY + " characters");
        }
        String cleanSubject = subject == null || subject.isBlank() ? null : subject.strip();
        if (cleanSubject != null && !subjects.contains(cleanSubject)) {
            throw new InvalidRuleException("unknown subject '" + cleanSubject + "' (subjects: "
                    + String.join(", ", subjects.stream().sorted().toList()) + ")");
        }
        String problem = AlertMatcher.check(query).orElse(null);
        if (problem != null) {
            throw new InvalidRuleException(problem);
        }
        AlertRule rule = new AlertRule(newId(cleanName), cleanName, query.strip(), cleanSubject,
                Instant.ofEpochMilli(System.currentTimeMillis()));
        send(rule.getId(), rule);
        await(() -> rule.equals(feed.rules().get(rule.getId()))
                && (book == null || book.isInEffect(rule.getId(), rule)), "in effect yet, though written; see the log");
        return rule;
    }

    /** Deletes a rule; false when there is none with that id. */
    public boolean delete(String id) throws InterruptedException {
        await(feed::isCaughtUp, "ready: the feed is still reading the rules topic");
        if (!feed.rules().containsKey(id)) {
            return false;
        }
        send(id, null);
        await(() -> !feed.rules().containsKey(id) && (book == null || book.isInEffect(id, null)),
                "deleted yet, though the deletion was written; see the log");
        return true;
    }

    private void send(String id, AlertRule rule) throws InterruptedException {
        try {
            producer.send(new ProducerRecord<>(topic, id, rule)).get(SETTLE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot write to " + topic + ": no answer in " + SETTLE.toSeconds() + " s");
        }
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not " + what + " after " + SETTLE.toSeconds() + " s");
            }
            Thread.sleep(20); // Polling another thread's view; nothing to wait on directly.
        }
    }

    /** A readable, unique id: the name's words and a random suffix, e.g. {@code camp-humphreys-3f2a9c}. */
    static String newId(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return (slug.isEmpty() ? "alert" : slug) + "-" + HexFormat.of().formatHex(suffix);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
