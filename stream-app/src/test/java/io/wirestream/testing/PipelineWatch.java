package io.wirestream.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far an application has got through its input, sampled in the background every {@value #EVERY_MS} ms over the
 * test's own connection: the offset it has committed on each input partition, beside the partition's end. Under
 * exactly-once a commit is the moment routed dispatches become visible, so a fault shows as a stall - a partition
 * with input waiting and no new commit - and the pipeline has recovered when every partition is committed again.
 * Partitions are judged one by one: a second instance that goes on with its own half does not hide the other half.
 */
public final class PipelineWatch implements AutoCloseable {

    private static final long EVERY_MS = 250;

    private final Admin admin;
    private final String applicationId;
    private final String topic;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean closed;

    /** One look: per input partition, the offset committed and the end. */
    private record Sample(long nanos, Map<Integer, Long> committed, Map<Integer, Long> end) {

        long committed(int partition) {
            return committed.getOrDefault(partition, 0L);
        }

        boolean caughtUp(int partition) {
            return committed(partition) >= end.getOrDefault(partition, 0L);
        }

        long total() {
            return committed.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * How a fault went.
     *
     * @param halt      the longest time no input partition got a commit while input waited: the whole pipeline held up
     * @param stall     the longest time one partition with input waiting went without a commit
     * @param resumed   from the fault to the commit that ended that stall: when the last partition to recover did
     * @param partition the partition of that stall
     */
    public record Recovery(Duration halt, Duration stall, Duration resumed, int partition) {

        @Override
        public String toString() {
            return stall.isZero() ? "no input partition missed a commit"
                    : String.format("the pipeline committed nothing for %.1f s at most, and the slowest partition "
                            + "(%d) went %.1f s without a commit, committed again %.1f s after the fault",
                            seconds(halt), partition, seconds(stall), seconds(resumed));
        }

        private static double seconds(Duration duration) {
            return duration.toMillis() / 1000.0;
        }
    }

    /** The longest stretch without progress in a window of samples, and where the last stretch began. */
    private record Gap(long length, long endNanos, long lastFromNanos) {

        static Gap in(List<Sample> window, long fromNanos, ToLongFunction<Sample> committed,
                Predicate<Sample> caughtUp) {
            long from = fromNanos;
            long longest = 0;
            long end = fromNanos;
            for (int i = 1; i < window.size(); i++) {
                Sample sample = window.get(i);
                if (committed.applyAsLong(sample) > committed.applyAsLong(window.get(i - 1))) {
                    if (sample.nanos() - from > longest) {
                        longest = sample.nanos() - from;
                        end = sample.nanos();
                    }
                    from = sample.nanos();
                } else if (caughtUp.test(sample)) {
                    from = sample.nanos(); // Nothing to commit is no stall.
                }
            }
            return new Gap(longest, end, from);
        }
    }

    private PipelineWatch(Map<String, Object> clientConfig, String applicationId, String topic) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_500);
        this.admin = Admin.create(config);
        this.applicationId = applicationId;
        this.topic = topic;
        this.sampler = new Thread(this::sample, "pipeline-watch");
        sampler.setDaemon(true);
    }

    /** Starts watching the group {@code applicationId} on {@code topic}; returns after the first sample. */
    public static PipelineWatch start(Map<String, Object> clientConfig, String applicationId, String topic) {
        PipelineWatch watch = new PipelineWatch(clientConfig, applicationId, topic);
        watch.sampler.start();
        await("a first sample of " + applicationId).atMost(Duration.ofMinutes(1)).until(() -> watch.last() != null);
        return watch;
    }

    private void sample() {
        while (!closed) {
            long nanos = System.nanoTime();
            try {
                Sample sample = new Sample(nanos, committedNow(), endNow());
                synchronized (samples) {
                    samples.add(sample);
                }
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                // The cluster did not answer in time: no sample, a gap.
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(Math.max(0, EVERY_MS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Map<Integer, Long> committedNow() throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId,
                new ListConsumerGroupOffsetsOptions().timeoutMs(2_000)).partitionsToOffsetAndMetadata()
                .get(3, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
    }

    private Map<Integer, Long> endNow() throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(3, TimeUnit.SECONDS).get(topic).partitions().stream().collect(Collectors.toMap(
                        p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(3, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
    }

    private Sample last() {
        synchronized (samples) {
            return samples.isEmpty() ? null : samples.get(samples.size() - 1);
        }
    }

    /** The offsets committed at the latest sample, summed over the partitions. */
    public long committed() {
        Sample last = last();
        return last == null ? 0 : last.total();
    }

    /** Waits until the application has committed {@code offsets} in all. */
    public void awaitCommitted(long offsets, Duration timeout) {
        awaitSample(applicationId + " committed " + offsets + " input offsets", timeout, s -> s.total() >= offsets);
    }

    /** Waits until the application has caught up with its input: every input record committed. */
    public void awaitCaughtUp(Duration timeout) {
        awaitSample(applicationId + " caught up with " + topic, timeout,
                s -> s.end().keySet().stream().allMatch(s::caughtUp));
    }

    /**
     * Waits until every input partition is committed again after this call, or has nothing waiting: compared with the
     * first sample taken after the call, as the last one before it may be old (the cluster may not have answered).
     */
    public void awaitCommitting(Duration timeout) {
        long since = System.nanoTime();
        awaitSample("a sample of " + applicationId, timeout, s -> s.nanos() > since);
        Sample now = last();
        awaitSample(applicationId + " commits again on every input partition", timeout, s -> s.nanos() > now.nanos()
                && s.end().keySet().stream().allMatch(p -> s.committed(p) > now.committed(p) || s.caughtUp(p)));
    }

    private void awaitSample(String what, Duration timeout, Predicate<Sample> condition) {
        await(what).atMost(timeout).pollInterval(Duration.ofMillis(EVERY_MS)).until(() -> {
            Sample last = last();
            return last != null && condition.test(last);
        });
    }

    /**
     * The stall that a fault at {@code faultNanos} (a {@link System#nanoTime()}) caused, judged on the samples so far:
     * the longest stretch, on any input partition, without a new commit while input waited there. A commit still in
     * flight at the fault does not end it: only the longest stretch counts. A partition found stalled again (a
     * rebalance after the fault can move a task once more) is waited for once, up to a minute, and counted; one
     * stalled still then fails.
     */
    public Recovery recovery(long faultNanos) {
        try {
            return measure(faultNanos);
        } catch (AssertionError stalled) {
            awaitCommitting(Duration.ofMinutes(1));
            return measure(faultNanos);
        }
    }

    private Recovery measure(long faultNanos) {
        long untilNanos = System.nanoTime();
        List<Sample> window = new ArrayList<>();
        synchronized (samples) {
            samples.stream().filter(s -> s.nanos() < faultNanos).reduce((a, b) -> b).ifPresent(window::add);
            samples.stream().filter(s -> s.nanos() >= faultNanos).forEach(window::add);
        }
        if (window.isEmpty()) {
            throw new AssertionError("no sample of " + applicationId + " since the fault");
        }
        Gap worst = new Gap(0, faultNanos, faultNanos);
        int slowest = -1;
        for (int partition : window.get(window.size() - 1).end().keySet()) {
            Gap gap = Gap.in(window, faultNanos, sample -> sample.committed(partition),
                    sample -> sample.caughtUp(partition));
            if (untilNanos - gap.lastFromNanos() > Math.max(gap.length(), TimeUnit.SECONDS.toNanos(2))) {
                throw new AssertionError(String.format("partition %d of %s has had no commit of %s for %.1f s",
                        partition, topic, applicationId, (untilNanos - gap.lastFromNanos()) / 1e9));
            }
            if (gap.length() > worst.length()) {
                worst = gap;
                slowest = partition;
            }
        }
        Gap halt = Gap.in(window, faultNanos, Sample::total, s -> s.end().keySet().stream().allMatch(s::caughtUp));
        return new Recovery(Duration.ofNanos(halt.length()), Duration.ofNanos(worst.length()),
                Duration.ofNanos(worst.endNanos() - faultNanos), slowest);
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        sampler.interrupt();
        sampler.join(5_000);
        admin.close(Duration.ofSeconds(5));
    }
}
