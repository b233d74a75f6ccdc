package io.wirestream.runtime;

import io.wirestream.classify.Classification;
import io.wirestream.classify.Classifier;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.format.FormatParser;
import io.wirestream.input.DispatchInputs;
import io.wirestream.input.InputRecord;
import io.wirestream.kafka.TopicReader;
import io.wirestream.topology.TopicConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code run --demo}: feeds the bundled sample dispatches to the input topic, then waits until every sample is
 * accounted for - its outcomes committed, or counted as a duplicate of one routed before - and prints how many
 * records landed in each topic, beside how many the rules predict.
 */
public final class DemoFeed {

    public static final String SAMPLES = "/samples/dispatches.jsonl";
    /** Tags each fed sample; outcomes carry input headers, so each outcome names its sample. */
    static final String SAMPLE_HEADER = "wirestream.demo.sample";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private DemoFeed() {
    }

    /** Returns true when every topic received exactly what was expected. */
    static boolean run(Map<String, Object> clientConfig, TopicConfig topics, Classifier classifier,
            LongSupplier duplicates, PrintWriter out) throws IOException {
        List<InputRecord> samples = new ArrayList<>();
        try (InputStream in = DemoFeed.class.getResourceAsStream(SAMPLES)) {
            new DispatchInputs(null, Integer.MAX_VALUE).readJsonLines("samples", in, samples::add);
        }
        Map<String, Map<String, Integer>> predicted = predicted(samples, topics, classifier);
        List<String> outputs = topics.outputs(classifier.ruleSet());
        try (TopicReader reader = TopicReader.open(clientConfig, "wirestream-demo")) {
            reader.assign(outputs, TopicReader.Position.end());
            long duplicatesBefore = duplicates.getAsLong();
            produce(clientConfig, topics.input(), samples);
            out.printf("fed %d sample dispatches to %s; waiting for their outcomes...%n", samples.size(), topics.input());
            out.flush();
            Outcomes outcomes = await(reader, outputs, samples.size(),
                    () -> duplicates.getAsLong() - duplicatesBefore);
            Map<String, Integer> expected = new LinkedHashMap<>();
            outputs.forEach(t -> expected.put(t, 0));
            outcomes.samples.forEach(id -> predicted.get(id).forEach((t, n) -> expected.merge(t, n, Integer::sum)));
            out.printf("%n%-16s %8s %8s%n", "topic", "records", "expected");
            outcomes.perTopic.forEach((topic, count) -> out.printf("%-16s %8d %8d%n", topic, count, expected.get(topic)));
            long dropped = duplicates.getAsLong() - duplicatesBefore;
            if (dropped > 0) {
                out.printf("%-16s %8d   (samples routed before, within the deduplication window)%n", "duplicates", dropped);
            }
            out.flush();
            return outcomes.perTopic.equals(expected) && outcomes.samples.size() + dropped == samples.size();
        }
    }

    /** What arrived: records per topic, and which samples they came from. */
    private static final class Outcomes {
        final Map<String, Integer> perTopic = new LinkedHashMap<>();
        final Set<String> samples = new HashSet<>();
    }

    /** What the rules say should happen to each sample: its records per output topic. */
    private static Map<String, Map<String, Integer>> predicted(List<InputRecord> samples, TopicConfig topics,
            Classifier classifier) {
        Map<String, Map<String, Integer>> predicted = new HashMap<>();
        FormatParser parser = new FormatParser();
        for (InputRecord sample : samples) {
            Map<String, Integer> outcome = new HashMap<>();
            RawDispatch raw = RawDispatch.of(sample.bytes() == null ? new byte[0] : sample.bytes(), sample.receivedAt());
            // Every item of the sample: a feed in the samples has several.
            for (ParseResult result : parser.parseAll(raw).results()) {
                if (result instanceof ParseResult.Parsed parsed) {
                    Classification decision = classifier.classify(parsed.dispatch());
                    if (decision.isRouted()) {
                        decision.routed().forEach(s -> outcome.merge(s.subject().topic(), 1, Integer::sum));
                    } else {
                        outcome.merge(topics.unrouted(), 1, Integer::sum);
                    }
                } else {
                    outcome.merge(topics.deadLetter(), 1, Integer::sum);
                }
            }
            predicted.put(sample.id(), outcome);
        }
        return predicted;
    }

    private static void produce(Map<String, Object> clientConfig, String topic, List<InputRecord> samples) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (InputRecord sample : samples) {
                byte[] id = sample.id().getBytes(StandardCharsets.UTF_8);
                RecordHeaders headers = new RecordHeaders();
                headers.add(SAMPLE_HEADER, id);
                producer.send(new ProducerRecord<>(topic, null, sample.receivedAt().toEpochMilli(), id,
                        sample.bytes() == null ? new byte[0] : sample.bytes(), headers));
            }
            producer.flush();
        }
    }

    private static Outcomes await(TopicReader reader, List<String> topics, int samples,
            LongSupplier duplicates) {
        Outcomes outcomes = new Outcomes();
        topics.forEach(t -> outcomes.perTopic.put(t, 0));
        long deadline = System.nanoTime() + WAIT.toNanos();
        long quietUntil = Long.MAX_VALUE;
        // Until every sample is accounted for, then a moment more for the second copy of multi-subject ones.
        while (System.nanoTime() < Math.min(deadline, quietUntil)) {
            for (var record : reader.poll(Duration.ofMillis(300))) {
                outcomes.perTopic.merge(record.topic(), 1, Integer::sum);
                var header = record.headers().lastHeader(SAMPLE_HEADER);
                if (header != null) {
                    outcomes.samples.add(new String(header.value(), StandardCharsets.UTF_8));
                }
            }
            if (quietUntil == Long.MAX_VALUE && outcomes.samples.size() + duplicates.getAsLong() >= samples) {
                quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            }
        }
        return outcomes;
    }
}
