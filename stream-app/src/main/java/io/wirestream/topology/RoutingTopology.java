package io.wirestream.topology;

import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.Subject;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.schema.Dispatch;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The routing topology, as a pure function of its configuration and collaborators:
 * <pre>
 *   raw-feed ──▶ parse-classify-route ──▶ to-&lt;subject topic&gt;   (one per subject, from the rules file)
 *                 [seen-content-ids]
 *                                     ├─▶ to-unrouted
 *                                     ├─▶ to-dead-letters      (original bytes, reason in headers)
 *                 [alert-rules-store] └─▶ to-alerts            (one Alert per matching alert rule)
 *   alert-rules ──▶ update-alert-rules ──▶ [alert-rules-store]  (global: every instance has every rule)
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
    /** The global store of alert rules, by id (values as stored in the topic). */
    public static final String ALERT_RULES_STORE = "alert-rules-store";
    static final String ALERT_RULES_SOURCE = "read-alert-rules";
    static final String ALERT_RULES_UPDATER = "update-alert-rules";
    static final String ALERTS_SINK = "to-alerts";

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
        return build(topics, deduplicationWindow, endOffsets, parser, classifier, dispatchSerde, null,
                RoutingListener.NONE);
    }

    /** The whole topology: with {@code alerting} (null for none), and a listener told of every outcome. */
    public static Topology build(TopicConfig topics, Duration deduplicationWindow, Map<Integer, Long> endOffsets,
            DispatchParser parser, RuleClassifier classifier, Serde<Dispatch> dispatchSerde, Alerting alerting,
            RoutingListener listener) {
        topics.validate(classifier.ruleSet());
        if (alerting != null) {
            Set<String> taken = topics.all(classifier.ruleSet());
            for (String topic : List.of(alerting.rulesTopic(), alerting.alertsTopic())) {
                if (taken.contains(topic) || alerting.rulesTopic().equals(alerting.alertsTopic())) {
                    throw new IllegalArgumentException("topic '" + topic + "' is used twice: by alerts and before");
                }
            }
        }
        Map<String, String> sinkBySubject = new LinkedHashMap<>();
        for (Subject subject : classifier.ruleSet().subjects()) {
            sinkBySubject.put(subject.id(), "to-" + subject.topic());
        }
        Topology topology = new Topology();
        topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.input());
        boolean deduplicate = !deduplicationWindow.isZero() && !deduplicationWindow.isNegative();
        Map<Integer, Long> bounds = Map.copyOf(endOffsets);
        topology.addProcessor(ROUTER, () -> new RouteProcessor(parser, classifier, sinkBySubject,
                deduplicate ? deduplicationWindow : null, bounds, alerting, listener), SOURCE);
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
        if (alerting != null) {
            // Serialized by the router, which keeps a failure to its alerts (see RouteProcessor).
            topology.addSink(ALERTS_SINK, alerting.alertsTopic(), new ByteArraySerializer(), new ByteArraySerializer(),
                    ROUTER);
            // The topic is the store's changelog: a global store restores from it, so no logging of its own.
            topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ALERT_RULES_STORE),
                    Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(), ALERT_RULES_SOURCE,
                    new StringDeserializer(), new ByteArrayDeserializer(), alerting.rulesTopic(), ALERT_RULES_UPDATER,
                    () -> new AlertRulesProcessor(alerting.book(), alerting.ruleSerde().deserializer()));
        }
        return topology;
    }
}
