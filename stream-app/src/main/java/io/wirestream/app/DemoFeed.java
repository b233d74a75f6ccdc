package io.wirestream.app;

import io.wirestream.classify.Classification;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.input.DispatchInputs;
import io.wirestream.input.InputRecord;
import io.wirestream.topology.TopicConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code run --demo}: feeds the bundled sample dispatches to the input topic, then waits until every outcome
 * is committed and prints how many landed in each topic, beside how many the rules predict.
 */
final class DemoFeed {

    static final String SAMPLES = "/samples/dispatches.jsonl";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private DemoFeed() {
    }

    /** Returns true when every topic received exactly what was expected. */
    static boolean run(Map<String, Object> clientConfig, TopicConfig topics, RuleClassifier classifier, PrintWriter out)
            throws IOException {
        List<InputRecord> samples = new ArrayList<>();
        try (InputStream in = DemoFeed.class.getResourceAsStream(SAMPLES)) {
            new DispatchInputs(null, Integer.MAX_VALUE).readJsonLines("samples", in, samples::add);
        }
        Map<String, Integer> expected = expected(samples, topics, classifier);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(clientConfig)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : expected.keySet()) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            produce(clientConfig, topics.input(), samples);
            out.printf("fed %d sample dispatches to %s; waiting for their outcomes...%n", samples.size(), topics.input());
            out.flush();
            Map<String, Integer> received = await(consumer, expected);
            out.printf("%n%-16s %8s %8s%n", "topic", "records", "expected");
            received.forEach((topic, count) -> out.printf("%-16s %8d %8d%n", topic, count, expected.get(topic)));
            out.flush();
            return received.equals(expected);
        }
    }

    /** What the rules say should happen to each sample: the count per output topic. */
    private static Map<String, Integer> expected(List<InputRecord> samples, TopicConfig topics, RuleClassifier classifier) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        classifier.ruleSet().subjects().forEach(s -> expected.put(s.topic(), 0));
        expected.put(topics.unrouted(), 0);
        expected.put(topics.deadLetter(), 0);
        DispatchParser parser = new DispatchParser();
        for (InputRecord sample : samples) {
            ParseResult result = parser.parse(RawDispatch.of(sample.bytes() == null ? new byte[0] : sample.bytes(),
                    sample.receivedAt()));
            if (result instanceof ParseResult.Parsed parsed) {
                Classification decision = classifier.classify(parsed.dispatch());
                if (decision.isRouted()) {
                    decision.routed().forEach(s -> expected.merge(s.subject().topic(), 1, Integer::sum));
                } else {
                    expected.merge(topics.unrouted(), 1, Integer::sum);
                }
            } else {
                expected.merge(topics.deadLetter(), 1, Integer::sum);
            }
        }
        return expected;
    }

    private static void produce(Map<String, Object> clientConfig, String topic, List<InputRecord> samples) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (InputRecord sample : samples) {
                byte[] id = sample.id() == null ? null : sample.id().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic, null, sample.receivedAt().toEpochMilli(), id,
                        sample.bytes() == null ? new byte[0] : sample.bytes()));
            }
            producer.flush();
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static Map<String, Integer> await(KafkaConsumer<byte[], byte[]> consumer, Map<String, Integer> expected) {
        Map<String, Integer> received = new LinkedHashMap<>();
        expected.keySet().forEach(t -> received.put(t, 0));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!received.equals(expected) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(500)).forEach(r -> received.merge(r.topic(), 1, Integer::sum));
        }
        return received;
    }
}
