package io.wirestream.runtime;

import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RuleSet;
import io.wirestream.classify.Subject;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.kafka.TopicReader;
import io.wirestream.topology.Collaborators;
import io.wirestream.topology.RoutingConfig;
import io.wirestream.topology.TopicConfig;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code wirestream reprocess}: re-routes the input history that Kafka still keeps, from a time on, with the
 * current rules, as a bounded run of the same topology under its own application id. It starts where
 * {@code --from} points and stops at the end offsets it saw when it started (or at {@code --to}); with a prefix
 * it writes to side-by-side topics ({@code v2.alliance}, ...) so that old and new routing can be compared.
 */
public final class Reprocessor {

    /** What a run covered: per input partition, the offsets from and to. */
    public record Summary(Map<Integer, Long> from, Map<Integer, Long> to, List<String> outputTopics) {
        public long records() {
            long total = 0;
            for (Map.Entry<Integer, Long> end : to.entrySet()) {
                total += Math.max(0, end.getValue() - from.getOrDefault(end.getKey(), end.getValue()));
            }
            return total;
        }
    }

    private Reprocessor() {
    }

    public static Summary run(WirestreamConfig config, RuleSet rules, String prefix, Instant from, Instant to, PrintWriter out)
            throws InterruptedException {
        RuleSet prefixed = withPrefix(rules, prefix);
        TopicConfig topics = new TopicConfig(config.topics().input(), prefix + config.topics().unrouted(),
                prefix + config.topics().deadLetter());
        // A bounded run of routing alone: history's alerts were raised when it was live.
        RoutingConfig routing = RoutingConfig.of(config).withTopics(topics);
        routing.validate(prefixed);
        Map<String, Object> client = config.kafkaClientConfig();
        Map<Integer, Long> start;
        Map<Integer, Long> end;
        try (TopicReader reader = TopicReader.open(client, "wirestream-reprocess")) {
            start = byPartition(reader.offsets(topics.input(), from == null ? TopicReader.Position.beginning()
                    : TopicReader.Position.at(from)));
            end = byPartition(reader.offsets(topics.input(), to == null ? TopicReader.Position.end()
                    : TopicReader.Position.at(to)));
        }
        List<String> outputs = topics.outputs(prefixed);
        Topics.ensure(client, outputs, Set.of(), Topics.Layout.of(config.topics()));
        String group = config.kafka().applicationId();
        startGroupAt(client, group, topics.input(), start);
        Summary summary = new Summary(start, end, outputs);
        out.printf("re-routing %,d records of %s with rules %s into %s%n", summary.records(), topics.input(),
                rules.digest(), outputs);
        out.flush();
        if (summary.records() == 0) {
            return summary;
        }
        Map<Integer, Long> pending = new HashMap<>();
        end.forEach((partition, offset) -> {
            if (offset > start.getOrDefault(partition, offset)) {
                pending.put(partition, offset);
            }
        });
        try (StreamsRunner runner = StreamsRunner.start(config, routing.withEndOffsets(end),
                Collaborators.of(config, new RuleClassifier(prefixed)))) {
            awaitCommitted(client, group, topics.input(), pending, runner);
        }
        return summary;
    }

    /** The same rules, each subject writing to its topic with the prefix. */
    static RuleSet withPrefix(RuleSet rules, String prefix) {
        List<Subject> subjects = new ArrayList<>();
        for (Subject subject : rules.subjects()) {
            subjects.add(subject.withTopic(prefix + subject.topic()));
        }
        return new RuleSet(subjects, rules.source(), rules.digest(), rules.models());
    }

    private static Map<Integer, Long> byPartition(Map<TopicPartition, Long> offsets) {
        Map<Integer, Long> result = new HashMap<>();
        offsets.forEach((p, o) -> result.put(p.partition(), o));
        return result;
    }

    /** Points the run's consumer group at the start offsets before it joins: Kafka Streams then begins there. */
    private static void startGroupAt(Map<String, Object> client, String group, String input, Map<Integer, Long> start)
            throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        start.forEach((p, o) -> offsets.put(new TopicPartition(input, p), new OffsetAndMetadata(o)));
        try (Admin admin = Admin.create(client)) {
            admin.alterConsumerGroupOffsets(group, offsets).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot position consumer group " + group + " (is a run with that "
                    + "application id still going?): " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Waits until the run has committed past every end offset (records beyond are skipped, so it gets there). */
    private static void awaitCommitted(Map<String, Object> client, String group, String input, Map<Integer, Long> end,
            StreamsRunner runner) throws InterruptedException {
        try (Admin admin = Admin.create(client)) {
            while (true) {
                if (runner.failure() != null) {
                    throw new IllegalStateException(StreamsRunner.rootMessage(runner.failure()));
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                boolean done = true;
                for (Map.Entry<Integer, Long> target : end.entrySet()) {
                    OffsetAndMetadata at = committed.get(new TopicPartition(input, target.getKey()));
                    if (at == null || at.offset() < target.getValue()) {
                        done = false;
                    }
                }
                if (done) {
                    return;
                }
                Thread.sleep(500);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the progress of " + group + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
