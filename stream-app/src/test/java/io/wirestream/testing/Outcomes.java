package io.wirestream.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.topology.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the pipeline wrote, read as a downstream consumer reads it - {@code read_committed}, every partition of every
 * output topic from the beginning - and grouped by the inputs' trace ids (see {@link TracedInputs}).
 */
public final class Outcomes {

    /** How long to go on reading once everything expected has arrived, to catch what should not have. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private final Map<String, List<ConsumerRecord<byte[], byte[]>>> byTrace = new TreeMap<>();
    private final List<ConsumerRecord<byte[], byte[]>> untraced = new ArrayList<>();
    private final String prefix;
    private long count;

    private Outcomes(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Reads the output topics until {@code expected} records of inputs traced {@code prefix...} arrived (or
     * {@code timeout} passed), and a little longer; records of other inputs (another test's) are left out.
     */
    public static Outcomes read(Map<String, Object> clientConfig, String prefix, long expected, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Outcomes outcomes = new Outcomes(prefix);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TracedInputs.TOPICS.outputs(TracedInputs.CLASSIFIER.ruleSet())) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                consumer.poll(Duration.ofMillis(500)).forEach(outcomes::add);
                if (outcomes.count >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + QUIET.toNanos();
                }
            }
        }
        return outcomes;
    }

    private void add(ConsumerRecord<byte[], byte[]> record) {
        String trace = header(record, TracedInputs.TRACE);
        if (trace == null) {
            untraced.add(record);
        } else if (trace.startsWith(prefix)) {
            byTrace.computeIfAbsent(trace, t -> new ArrayList<>()).add(record);
        } else {
            return;
        }
        count++;
    }

    /** Every record read of the inputs traced with the prefix, and any without a trace. */
    public long count() {
        return count;
    }

    /** The records an input led to, in the order read. */
    public List<ConsumerRecord<byte[], byte[]>> of(String trace) {
        return byTrace.getOrDefault(trace, List.of());
    }

    /**
     * Each input reached exactly its expected topics, once each - none lost, none doubled - and nothing else arrived;
     * dead letters carry the expected reason and the input's own key and bytes (or, cut to fit, its first bytes and
     * the original length), and routed records no dead letter's reason.
     */
    public void assertExactly(List<TracedInputs.Input> inputs) {
        Map<String, String> wrong = new TreeMap<>();
        Map<String, TracedInputs.Input> known = new HashMap<>();
        for (TracedInputs.Input input : inputs) {
            known.put(input.trace(), input);
            List<String> topics = of(input.trace()).stream().map(ConsumerRecord::topic).sorted().toList();
            if (!topics.equals(input.expected())) {
                wrong.put(input.trace(), "expected " + input.expected() + ", got " + topics);
                continue;
            }
            for (ConsumerRecord<byte[], byte[]> record : of(input.trace())) {
                String problem = record.topic().equals(TracedInputs.TOPICS.deadLetter()) ? deadLetterProblem(input, record)
                        : header(record, DeadLetterHeaders.REASON) != null ? "routed with a dead letter's reason header"
                        : null;
                if (problem != null) {
                    wrong.put(input.trace(), problem);
                }
            }
        }
        byTrace.keySet().stream().filter(t -> !known.containsKey(t))
                .forEach(t -> wrong.put(t, "not an input, yet reached " + of(t).stream().map(ConsumerRecord::topic).toList()));
        long lost = inputs.stream().filter(i -> of(i.trace()).size() < i.expected().size()).count();
        long doubled = inputs.stream().filter(i -> of(i.trace()).size() > i.expected().size()).count();
        assertThat(untraced).as("records without a trace id").isEmpty();
        assertThat(wrong).as("inputs with other outcomes than expected (%d lost, %d with too many) of %d inputs",
                lost, doubled, inputs.size()).isEmpty();
    }

    private static String deadLetterProblem(TracedInputs.Input input, ConsumerRecord<byte[], byte[]> record) {
        String reason = header(record, DeadLetterHeaders.REASON);
        if (!String.valueOf(reason).equals(input.reason())) {
            return "dead-lettered with reason " + reason + ", expected " + input.reason();
        }
        if (!Arrays.equals(record.key(), input.key())) {
            return "dead letter's key differs from the input's";
        }
        String cutFrom = header(record, DeadLetterHeaders.ORIGINAL_LENGTH);
        byte[] expected = input.value();
        if (cutFrom != null) {
            if (Integer.parseInt(cutFrom) != expected.length) {
                return "dead letter cut from " + cutFrom + " bytes, but the input had " + expected.length;
            }
            expected = Arrays.copyOf(expected, record.value().length);
        }
        return Arrays.equals(record.value(), expected) ? null
                : "dead letter's bytes differ from the input's (" + length(record.value()) + " vs " + length(expected)
                        + " bytes)";
    }

    private static String length(byte[] bytes) {
        return bytes == null ? "null" : Integer.toString(bytes.length);
    }

    /** How far an application got: its committed offsets on {@code topic}, summed over the partitions. */
    public static long committed(Map<String, Object> clientConfig, String applicationId, String topic) {
        try (Admin admin = Admin.create(clientConfig)) {
            return admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of " + applicationId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * How an application's input partitions are shared now: the number of partitions of {@code topic} each member of
     * its group has, smallest first; empty when it has no members.
     */
    public static List<Integer> assignments(Map<String, Object> clientConfig, String applicationId, String topic) {
        try (Admin admin = Admin.create(clientConfig)) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId)).all()
                    .get(30, TimeUnit.SECONDS).get(applicationId);
            return group.members().stream().map(MemberDescription::assignment)
                    .map(a -> (int) a.topicPartitions().stream().filter(p -> p.topic().equals(topic)).count())
                    .sorted().toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe group " + applicationId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
