package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.classify.Classification;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RulesLoader;
import io.wirestream.config.ConfigLoader;
import io.wirestream.config.Setting;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.dispatch.StoryIdentity;
import io.wirestream.registry.AvroDeserializer;
import io.wirestream.registry.RegistryConfig;
import io.wirestream.runtime.StreamsRunner;
import io.wirestream.runtime.Topics;
import io.wirestream.schema.Dispatch;
import io.wirestream.testing.LabelledCorpus;
import io.wirestream.testing.RealServices;
import io.wirestream.testing.TestServices;
import io.wirestream.topology.Collaborators;
import io.wirestream.topology.DeadLetterHeaders;
import io.wirestream.topology.RoutingConfig;
import io.wirestream.topology.TopicConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole pipeline on a real broker and the real Apicurio registry: well over a thousand inputs (the labelled
 * corpus, updates and exact repeats of its stories, and bad input), each traced by a header, must end with
 * exactly the outcomes the parser and rules predict - routed, unrouted, dead-lettered, or, for an exact repeat,
 * counted as a duplicate - in story order, readable with the registered schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingIT {

    private static final String TRACE = "trace-id";
    private TestServices services;
    private StreamsRunner runner;
    private static final TopicConfig TOPICS = TopicConfig.DEFAULTS;
    private static final RuleClassifier CLASSIFIER = new RuleClassifier(RulesLoader.loadDefault());
    private final List<Input> inputs = new ArrayList<>();
    private final Map<String, List<ConsumerRecord<byte[], byte[]>>> outputs = new TreeMap<>();

    /** One produced record and the outcome topics it must reach; none for a duplicate of an earlier input. */
    record Input(int trace, byte[] value, Instant timestamp, Set<String> expected) {
    }

    /** The services this suite runs on; the container variant overrides it. */
    TestServices startServices() throws Exception {
        return RealServices.start();
    }

    @BeforeAll
    void routeEverything() throws Exception {
        services = startServices();
        WirestreamConfig settings = ConfigLoader.load(Map.of(), Map.of(), Map.of(
                Setting.BOOTSTRAP_SERVERS, services.bootstrapServers(),
                Setting.SCHEMA_REGISTRY_URL, services.registryUrl(),
                Setting.APPLICATION_ID, "routing-it",
                Setting.DATA_DIR, services.dir().resolve("app").toString()));
        Topics.ensure(settings.kafkaClientConfig(), TOPICS.all(CLASSIFIER.ruleSet()), 3);
        runner = StreamsRunner.start(settings, RoutingConfig.of(settings).withTopics(TOPICS),
                Collaborators.of(settings, CLASSIFIER));
        assertThat(runner.awaitRunning(Duration.ofSeconds(120))).as("streams running").isTrue();

        buildInputs();
        produce(settings);
        consumeUntilComplete(settings);
    }

    @AfterAll
    void stop() {
        if (runner != null) {
            runner.close();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    void shouldGiveEveryInputExactlyItsExpectedOutcomesAndNothingMore() {
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(1000);
        Map<Integer, Set<String>> actual = new HashMap<>();
        outputs.forEach((topic, records) -> records.forEach(r -> {
            Set<String> outcomes = actual.computeIfAbsent(trace(r), t -> new TreeSet<>());
            assertThat(outcomes.add(topic)).as("input %s reached %s twice", trace(r), topic).isTrue();
        }));
        for (Input input : inputs) {
            assertThat(actual.getOrDefault(input.trace(), Set.of())).as("outcomes of input %d", input.trace())
                    .isEqualTo(input.expected());
        }
        long duplicates = inputs.stream().filter(i -> i.expected().isEmpty()).count();
        assertThat(duplicates).as("exact repeats in the feed").isGreaterThan(30);
        assertThat(actual.keySet()).hasSize(inputs.size() - (int) duplicates);
        assertThat(runner.duplicates()).as("counted as duplicates").isEqualTo(duplicates);
    }

    @Test
    void shouldKeepTheVersionsOfAStoryInOrderOnOnePartition() {
        for (String topic : subjectTopicsAndUnrouted()) {
            Map<String, Integer> partitionByKey = new HashMap<>();
            Map<String, Integer> lastTraceByKey = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : outputs.getOrDefault(topic, List.of())) {
                String key = new String(record.key(), StandardCharsets.UTF_8);
                assertThat(partitionByKey.computeIfAbsent(key, k -> record.partition())).isEqualTo(record.partition());
                int trace = trace(record);
                assertThat(trace).as("story %s in %s", key, topic).isGreaterThan(lastTraceByKey.getOrDefault(key, -1));
                lastTraceByKey.put(key, trace);
            }
        }
    }

    @Test
    void shouldWriteDispatchesThatDecodeWithTheRegisteredSchema() {
        AvroDeserializer<Dispatch> deserializer = new AvroDeserializer<>(Dispatch.class);
        deserializer.configure(Map.of(RegistryConfig.URL, services.registryUrl()), false);
        for (String topic : subjectTopicsAndUnrouted()) {
            for (ConsumerRecord<byte[], byte[]> record : outputs.getOrDefault(topic, List.of())) {
                assertThat(record.value()[0]).isZero();
                Dispatch dispatch = deserializer.deserialize(topic, record.value());
                assertThat(StoryIdentity.of(dispatch)).isEqualTo(new String(record.key(), StandardCharsets.UTF_8));
                assertThat(dispatch.getSource().getTopic()).isEqualTo(TOPICS.input());
                if (!topic.equals(TOPICS.unrouted())) {
                    assertThat(dispatch.getRouting().getSubjects()).isNotEmpty();
                }
            }
        }
        int id = ByteBuffer.wrap(outputs.get(TOPICS.unrouted()).get(0).value(), 1, 4).getInt();
        assertThat(io.wirestream.registry.SchemaRegistryClients.create(Map.of(RegistryConfig.URL, services.registryUrl()))
                .getById(id)).isEqualTo(Dispatch.getClassSchema());
    }

    @Test
    void shouldDeadLetterBadInputWithItsBytesAndReason() {
        List<ConsumerRecord<byte[], byte[]>> dead = outputs.get(TOPICS.deadLetter());
        assertThat(dead).isNotEmpty();
        Map<Integer, Input> byTrace = new HashMap<>();
        inputs.forEach(i -> byTrace.put(i.trace(), i));
        for (ConsumerRecord<byte[], byte[]> record : dead) {
            assertThat(record.value()).isEqualTo(byTrace.get(trace(record)).value());
            assertThat(record.headers().lastHeader(DeadLetterHeaders.REASON)).isNotNull();
            assertThat(record.headers().lastHeader(DeadLetterHeaders.OFFSET)).isNotNull();
        }
    }

    private static List<String> subjectTopicsAndUnrouted() {
        List<String> topics = new ArrayList<>();
        CLASSIFIER.ruleSet().subjects().forEach(s -> topics.add(s.topic()));
        topics.add(TOPICS.unrouted());
        return topics;
    }

    private static int trace(ConsumerRecord<byte[], byte[]> record) {
        return Integer.parseInt(new String(record.headers().lastHeader(TRACE).value(), StandardCharsets.UTF_8));
    }

    /** The corpus; a (LEAD) update and an exact repeat of every tenth story; bad input of every kind. */
    private void buildInputs() {
        List<String> texts = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (JsonNode node : LabelledCorpus.entries()) {
            texts.add(node.get("text").asText());
            times.add(Instant.parse(node.get("received_at").asText()));
        }
        List<String> extra = new ArrayList<>();
        List<Instant> extraTimes = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (i % 10 == 0) {
                extra.add("(LEAD) " + texts.get(i).replace("(END)", "This is an update.\n(END)"));
                extraTimes.add(times.get(i).plusSeconds(600));
                extra.add(texts.get(i));
                extraTimes.add(times.get(i).plusSeconds(1200));
            }
        }
        texts.addAll(extra);
        times.addAll(extraTimes);
        // A dispatch just under the parser's 1 MiB limit: its Avro record is larger than the input.
        StringBuilder big = new StringBuilder("N. Korea publishes long party document\nSEOUL, March 3 (Yonhap) -- "
                + "North Korea published a long document, KCNA said.\n");
        while (big.length() < 1_040_000) {
            big.append("The North's document repeats its positions on the economy and the party at great length.\n");
        }
        texts.add(big.append("(END)").toString());
        times.add(Instant.parse("2024-03-03T03:00:00Z"));
        String[] bad = {"", "   \n  ", "<!DOCTYPE html><html><body>Not news</body></html>", "Headline only, no body",
            "SEOUL, Nov. 3 (Yonhap) -- A paragraph with no headline.\n(END)", "(LEAD)\nSEOUL -- x.\n(END)"};
        for (int round = 0; texts.size() < 1000 || round < 2; round++) {
            for (String b : bad) {
                texts.add(b);
                times.add(Instant.parse("2024-01-01T00:00:00Z"));
            }
            texts.add(null);
            times.add(Instant.parse("2024-01-01T00:00:00Z"));
        }
        DispatchParser parser = new DispatchParser();
        Set<String> routedContent = new java.util.HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            byte[] value = texts.get(i) == null ? new byte[] {'H', '\n', (byte) 0xC3, (byte) 0x28}
                    : texts.get(i).getBytes(StandardCharsets.UTF_8);
            ParseResult result = parser.parse(RawDispatch.of(value, times.get(i)));
            boolean duplicate = result instanceof ParseResult.Parsed parsed
                    && !routedContent.add(parsed.dispatch().getContentId());
            inputs.add(new Input(i, value, times.get(i), duplicate ? Set.of() : expected(result)));
        }
    }

    /** The topics an input must reach, as the parser and the default rules decide; also used by SaslSslIT. */
    static Set<String> expected(ParseResult result) {
        if (result instanceof ParseResult.Failed) {
            return Set.of(TOPICS.deadLetter());
        }
        Classification decision = CLASSIFIER.classify(((ParseResult.Parsed) result).dispatch());
        if (!decision.isRouted()) {
            return Set.of(TOPICS.unrouted());
        }
        Set<String> topics = new TreeSet<>();
        decision.routed().forEach(s -> topics.add(s.subject().topic()));
        return topics;
    }

    private void produce(WirestreamConfig settings) {
        Map<String, Object> config = new HashMap<>(settings.kafkaClientConfig());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (Input input : inputs) {
                RecordHeaders headers = new RecordHeaders();
                headers.add(TRACE, Integer.toString(input.trace()).getBytes(StandardCharsets.UTF_8));
                // One input partition keeps produce order equal to processing order, for the ordering check.
                producer.send(new ProducerRecord<>(TOPICS.input(), 0, input.timestamp().toEpochMilli(), null,
                        input.value(), headers));
            }
            producer.flush();
        }
    }

    private void consumeUntilComplete(WirestreamConfig settings) {
        long expectedRecords = inputs.stream().mapToLong(i -> i.expected().size()).sum();
        Map<String, Object> config = new HashMap<>(settings.kafkaClientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "routing-it-check");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(TOPICS.outputs(CLASSIFIER.ruleSet()));
            long received = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            long quietUntil = Long.MAX_VALUE;
            // Read until everything expected arrived, then a little longer to catch anything that should not.
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    outputs.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record);
                    received++;
                }
                if (received >= expectedRecords && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        outputs.values().forEach(list -> list.sort((a, b) -> Long.compare(a.offset(), b.offset())));
    }
}
