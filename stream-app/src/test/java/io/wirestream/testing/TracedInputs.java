package io.wirestream.testing;

import io.wirestream.classify.Classification;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RulesLoader;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.PubStatus;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.format.Format;
import io.wirestream.format.FormatParser;
import io.wirestream.runtime.Topics;
import io.wirestream.schema.Dispatch;
import io.wirestream.topology.DeadLetterHeaders;
import io.wirestream.topology.TopicConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Inputs traced through the pipeline: each carries its trace id in the header {@value #TRACE} (input headers travel
 * onto every outcome) and knows the outcomes the parser and the bundled rules predict for it. The classifier is
 * tested on its own elsewhere; here the point is delivery: that each input gets exactly those outcomes.
 */
public final class TracedInputs {

    public static final String TRACE = "trace-id";
    public static final TopicConfig TOPICS = TopicConfig.DEFAULTS;
    public static final RuleClassifier CLASSIFIER = new RuleClassifier(RulesLoader.loadDefault());
    private static final FormatParser PARSER = new FormatParser();
    private static final List<Story> CORPUS = loadCorpus();

    /**
     * One input and its fate.
     *
     * @param expected  the topics it must reach, once each (sorted); empty for a duplicate of an earlier input
     * @param reason    a dead letter's reason code, else null
     * @param contentId a parsed dispatch's content id, else null
     */
    public record Input(String trace, byte[] key, byte[] value, long timestamp, List<Header> headers, List<String> expected,
            String reason, String contentId) {

        /** The same input, expected to be dropped as a duplicate of an earlier one. */
        public Input asDuplicate() {
            return new Input(trace, key, value, timestamp, headers, List.of(), null, contentId);
        }
    }

    private record Story(String text, Instant receivedAt) {
    }

    private TracedInputs() {
    }

    /**
     * The input and what the format layer and rules make of it, as the topology does it: a topic per fate of each
     * item (a feed of three items has three), the format named by a {@code wirestream.format} header honoured. Each
     * input is taken for a story of its own: a kill notice, of a story never routed, is unrouted.
     */
    public static Input predict(String trace, byte[] key, byte[] value, long timestamp, List<Header> headers) {
        String hint = headers.stream().filter(h -> h.key().equals(Format.HEADER)).map(h -> new String(h.value(),
                StandardCharsets.UTF_8)).findFirst().orElse(null);
        List<String> topics = new ArrayList<>();
        String reason = null;
        String contentId = null;
        try {
            for (ParseResult result : PARSER.parseAll(RawDispatch.of(value == null ? new byte[0] : value,
                    Instant.ofEpochMilli(timestamp)), hint).results()) {
                if (result instanceof ParseResult.Failed failed) {
                    topics.add(TOPICS.deadLetter());
                    reason = reason == null ? failed.reason().name() : reason;
                    continue;
                }
                contentId = contentId == null ? result.id() : contentId;
                Dispatch dispatch = ((ParseResult.Parsed) result).dispatch();
                if (PubStatus.CANCELED.code().equals(dispatch.getPubStatus())) {
                    // A kill follows its story; the story of a traced input was never routed.
                    topics.add(TOPICS.unrouted());
                    continue;
                }
                Classification decision = CLASSIFIER.classify(dispatch);
                int before = topics.size();
                decision.routed().forEach(s -> topics.add(s.subject().topic()));
                if (topics.size() == before) {
                    topics.add(TOPICS.unrouted());
                }
            }
        } catch (RuntimeException e) {
            return new Input(trace, key, value, timestamp, headers, List.of(TOPICS.deadLetter()),
                    DeadLetterHeaders.PROCESSING_ERROR, null);
        }
        Collections.sort(topics);
        return new Input(trace, key, value, timestamp, headers, List.copyOf(topics), reason, contentId);
    }

    /**
     * {@code count} wire-style inputs, traced {@code prefix0}, {@code prefix1}, ...: the labelled corpus's real
     * dispatches, each made distinct (so that deduplication drops none) by a closing line with its number, and
     * every 40th an unparseable one of a kind that wire feeds bring (empty, not UTF-8, no body, an HTML page).
     */
    public static List<Input> wireFeed(String prefix, int count) {
        List<Input> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Story story = CORPUS.get(i % CORPUS.size());
            byte[] value = i % 40 == 39 ? unparseable(i) : distinct(story.text(), prefix + i);
            inputs.add(predict(prefix + i, null, value, story.receivedAt().toEpochMilli(), List.of()));
        }
        return inputs;
    }

    private static byte[] distinct(String text, String tag) {
        String closing = "The item was filed under reference " + tag + ".\n";
        int end = text.lastIndexOf("(END)");
        String distinct = end < 0 ? text + "\n" + closing : text.substring(0, end) + closing + text.substring(end);
        return distinct.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] unparseable(int i) {
        return switch (i / 40 % 4) {
            case 0 -> new byte[0];
            case 1 -> new byte[] {'S', 'E', 'O', 'U', 'L', '\n', (byte) 0xC3, (byte) 0x28, (byte) (i & 0x7f)};
            case 2 -> ("S. Korea, U.S. agree on defense cost-sharing deal " + i).getBytes(StandardCharsets.UTF_8);
            default -> ("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>" + i + "</body></html>")
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    /** Produces the inputs to {@code topic}, in order, with an idempotent producer; returns when all are acked. */
    public static void produce(Map<String, Object> clientConfig, String topic, List<Input> inputs) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = producer(clientConfig)) {
            for (Input input : inputs) {
                producer.send(record(topic, input), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("cannot produce the inputs", failure.get());
        }
    }

    /** A producer of inputs that loses and doubles none: idempotent, {@code acks=all}, room for large dispatches. */
    public static KafkaProducer<byte[], byte[]> producer(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L << 20);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public static ProducerRecord<byte[], byte[]> record(String topic, Input input) {
        RecordHeaders headers = new RecordHeaders(input.headers());
        headers.add(TRACE, input.trace().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, input.timestamp(), input.key(), input.value(), headers);
    }

    /** The dispatches of the labelled corpus, as received: real wire text of every subject and none. */
    public static List<String> corpusTexts() {
        return CORPUS.stream().map(Story::text).toList();
    }

    private static List<Story> loadCorpus() {
        return LabelledCorpus.entries().stream().map(node -> new Story(node.get("text").asText(),
                Instant.parse(node.get("received_at").asText()))).toList();
    }
}
