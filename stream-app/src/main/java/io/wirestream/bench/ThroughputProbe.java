package io.wirestream.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * When an application has turned all of its input into committed output, watched from outside in the same way
 * for the copy and the pipeline, with no help from either.
 *
 * <p>The application is done when its group's committed offsets reach the input's end. Its output was complete
 * at the first moment the outputs' last stable offsets (what a {@code read_committed} consumer can read: the
 * end, past the last commit marker, under exactly-once; the end under at-least-once) reached the totals they
 * have then. That moment, not the offset commit, ends the measurement: under at-least-once the pipeline commits
 * offsets only every 30 s, long after its output is written.
 */
final class ThroughputProbe {

    private static final Duration SAMPLE_EVERY = Duration.ofMillis(25);
    private static final Duration SETTLE = Duration.ofMillis(200);

    private final Admin admin;

    ThroughputProbe(Admin admin) {
        this.admin = admin;
    }

    /**
     * When the output was complete ({@code end}) and when half of it was visible ({@code half}), in
     * {@link System#nanoTime()}. The time from half to end is the second half of the input's, the input being one
     * mix throughout; by then the application is past its start (class loading, compilation).
     */
    record Completion(long half, long end) {
    }

    /**
     * Waits until {@code group} has committed {@code inputEnds}; then says when its output, in new topics that were
     * empty at {@code start} (a nanoTime), was complete.
     */
    Completion awaitOutputComplete(String group, Map<TopicPartition, Long> inputEnds, Collection<String> outputs,
            long start, Duration timeout, JavaProcess app) throws InterruptedException {
        List<TopicPartition> partitions = partitionsOf(outputs);
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastTotal = 0;
        long lastChange = start;
        List<long[]> changes = new ArrayList<>();
        changes.add(new long[] {start, 0});
        long nextCommitCheck = 0;
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            long total = visibleEnds(partitions);
            if (total != lastTotal) {
                lastTotal = total;
                lastChange = now;
                changes.add(new long[] {now, total});
            }
            if (now >= nextCommitCheck) {
                if (committed(group, inputEnds)) {
                    // One more look a little later: commit markers land on the outputs and the offsets topic in
                    // no set order.
                    Thread.sleep(SETTLE.toMillis());
                    if (visibleEnds(partitions) == lastTotal) {
                        return new Completion(halfway(changes, lastTotal), lastChange);
                    }
                    continue;
                }
                app.requireAlive();
                nextCommitCheck = now + Duration.ofMillis(250).toNanos();
            }
            Thread.sleep(SAMPLE_EVERY.toMillis());
        }
        throw new IllegalStateException(group + " did not process its input within " + timeout.toSeconds() + " s");
    }

    /**
     * When half the output was visible, interpolated between the two looks around it: exact to a look's interval
     * when the output grows in many steps, and halfway from the start when it came at once (a short run
     * committed in one transaction). The first change is the empty output at the start.
     */
    static long halfway(List<long[]> changes, long total) {
        long[] before = changes.get(0);
        for (long[] change : changes) {
            if (change[1] * 2 >= total && change[1] > 0) {
                double share = (total / 2.0 - before[1]) / (change[1] - before[1]);
                return before[0] + Math.round(share * (change[0] - before[0]));
            }
            before = change;
        }
        throw new IllegalStateException("no output");
    }

    private boolean committed(String group, Map<TopicPartition, Long> inputEnds) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        for (Map.Entry<TopicPartition, Long> end : inputEnds.entrySet()) {
            OffsetAndMetadata at = offsets.get(end.getKey());
            if (end.getValue() > 0 && (at == null || at.offset() < end.getValue())) {
                return false;
            }
        }
        return true;
    }

    private long visibleEnds(List<TopicPartition> partitions) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        long total = 0;
        for (var info : get(admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all())
                .values()) {
            total += info.offset();
        }
        return total;
    }

    /** The end offsets of every partition of {@code topic}. */
    Map<TopicPartition, Long> endOffsets(String topic) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitionsOf(List.of(topic)).forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(latest).all()).forEach((p, info) -> ends.put(p, info.offset()));
        return ends;
    }

    List<TopicPartition> partitionsOf(Collection<String> topics) throws InterruptedException {
        List<TopicPartition> partitions = new ArrayList<>();
        get(admin.describeTopics(topics).allTopicNames()).forEach((name, description) -> description.partitions()
                .forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        return partitions;
    }

    private static <T> T get(KafkaFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
