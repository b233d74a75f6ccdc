package io.wirestream.topology;

import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.Subject;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.schema.Dispatch;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.common.serialization.Serdes;
import java.time.Duration;

/**
 * The routing topology, as a pure function of its configuration and collaborators:
 * <pre>
 *   raw-feed ──▶ parse-classify-route ──▶ to-&lt;subject topic&gt;   (one per subject, from the rules file)
 *                 [seen-content-ids]
 *                                     ├─▶ to-unrouted
 *                                     └─▶ to-dead-letters      (original bytes, reason in headers)
 * </pre>
 */
public final class RoutingTopology {

    static final String SOURCE = "read-raw-feed";
    static final String ROUTER = "parse-classify-route";
    static final String UNROUTED_SINK = "to-unrouted";
    static final String DEAD_LETTER_SINK = "to-dead-letters";
    /** The duplicate counter: metric {@code duplicate-total} (and {@code -rate}), group {@code stream-wirestream-metrics}. */
    public static final String METRIC_SCOPE = "wirestream";
    public static final String DUPLICATE_OPERATION = "duplicate";
    public static final String DUPLICATE_TOTAL = DUPLICATE_OPERATION + "-total";
    /** Largest dead-letter value kept whole: below the 8 MiB topics wirestream creates, with room for headers. */
    public static final int MAX_DEAD_LETTER_BYTES = 8 * 1024 * 1024 - 64 * 1024;
    /** Content ids routed within the deduplication window, with the wall-clock time they were first seen. */
    public static final String SEEN_STORE = "seen-content-ids";

    private RoutingTopology() {
    }

    public static Topology build(TopicConfig topics, DispatchParser parser, RuleClassifier classifier,
            Serde<Dispatch> dispatchSerde) {
        return build(topics, Duration.ZERO, parser, classifier, dispatchSerde);
    }

    /**
     * The topology; with a positive {@code deduplicationWindow}, a dispatch whose content id was routed within
     * that much wall-clock time is dropped and counted as a duplicate instead of being routed again.
     */
    public static Topology build(TopicConfig topics, Duration deduplicationWindow, DispatchParser parser,
            RuleClassifier classifier, Serde<Dispatch> dispatchSerde) {
        return build(topics, deduplicationWindow, Map.of(), parser, classifier, dispatchSerde);
    }

    /**
     * A bounded run (re-processing history): input records at or beyond {@code endOffsets} (by input partition)
     * are left alone, for the live pipeline; partitions not named are unbounded.
     */
    public static Topology build(TopicConfig topics, Duration deduplicationWindow, Map<Integer, Long> endOffsets,
            DispatchParser parser, RuleClassifier classifier, Serde<Dispatch> dispatchSerde) {
        topics.validate(classifier.ruleSet());
        Map<String, String> sinkBySubject = new LinkedHashMap<>();
        for (Subject subject : classifier.ruleSet().subjects()) {
            sinkBySubject.put(subject.id(), "to-" + subject.topic());
        }
        Topology topology = new Topology();
        topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.input());
        boolean deduplicate = !deduplicationWindow.isZero() && !deduplicationWindow.isNegative();
        Map<Integer, Long> bounds = Map.copyOf(endOffsets);
        topology.addProcessor(ROUTER, () -> new RouteProcessor(parser, classifier, sinkBySubject,
                deduplicate ? deduplicationWindow : null, bounds), SOURCE);
        if (deduplicate) {
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SEEN_STORE),
                    Serdes.String(), Serdes.Long()), ROUTER);
        }
        for (Subject subject : classifier.ruleSet().subjects()) {
            topology.addSink(sinkBySubject.get(subject.id()), subject.topic(), new StringSerializer(),
                    dispatchSerde.serializer(), ROUTER);
        }
        topology.addSink(UNROUTED_SINK, topics.unrouted(), new StringSerializer(), dispatchSerde.serializer(), ROUTER);
        topology.addSink(DEAD_LETTER_SINK, topics.deadLetter(), new ByteArraySerializer(), new ByteArraySerializer(),
                ROUTER);
        return topology;
    }
}
