package io.wirestream.topology;

import io.wirestream.classify.RuleSet;
import io.wirestream.classify.Subject;
import io.wirestream.schema.Dispatch;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The routing topology, as a pure function of its configuration and collaborators:
 * <pre>
 *   raw-feed ──▶ parse-classify-route ──▶ to-&lt;subject topic&gt;   (one per subject, from the rules file)
 *                 [seen-content-ids, story-states, held-dispatches]
 *                                     ├─▶ to-unrouted
 *                                     ├─▶ to-dead-letters      (original bytes, reason in headers)
 *                 [alert-rules-store] └─▶ to-alerts            (one Alert per matching alert rule)
 *   alert-rules ──▶ update-alert-rules ──▶ [alert-rules-store]  (global: every instance has every rule)
 *   &lt;outputs&gt; ──▶ count-per-minute [dispatches-per-minute]     (see {@link MinuteCounts})
 * </pre>
 * The store of seen content ids is there with a deduplication window, the alerting part with alert topics, the
 * counting part with counts, all as the {@link RoutingConfig} says. What the processor decides is the
 * {@link Router}'s.
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
    /** Each story delivered within the deduplication window: its subjects and highest version. */
    public static final String STORY_STORE = "story-states";
    /** The dispatches held back: embargoed until their time, withheld until a later version. */
    public static final String HELD_STORE = "held-dispatches";
    /** The global store of alert rules, by id (values as stored in the topic). */
    public static final String ALERT_RULES_STORE = "alert-rules-store";
    static final String ALERT_RULES_SOURCE = "read-alert-rules";
    static final String ALERT_RULES_UPDATER = "update-alert-rules";
    static final String ALERTS_SINK = "to-alerts";

    /** The names of the topology's own nodes, with what each is for: no subject's sink may take one. */
    private static final Map<String, String> RESERVED = Map.of(SOURCE, "reading the input", ROUTER, "routing",
            UNROUTED_SINK, "unrouted dispatches", DEAD_LETTER_SINK, "dead letters", ALERTS_SINK, "alerts",
            ALERT_RULES_SOURCE, "reading alert rules", ALERT_RULES_UPDATER, "keeping alert rules",
            MinuteCounts.SOURCE, "reading outputs to count", MinuteCounts.COUNTER, "counting outputs");

    private RoutingTopology() {
    }

    /**
     * The topology of {@code config}, handing its work to {@code collaborators}; the subjects, and so the outputs
     * besides unrouted and dead letters, are the classifier's.
     *
     * @throws IllegalArgumentException when the config would mix outcomes in a topic or name a sink twice
     */
    public static Topology build(RoutingConfig config, Collaborators collaborators) {
        RuleSet rules = collaborators.classifier().ruleSet();
        config.validate(rules);
        Map<String, String> sinkBySubject = new LinkedHashMap<>();
        for (Subject subject : rules.subjects()) {
            sinkBySubject.put(subject.id(), sinkOf(subject));
        }
        Topology topology = new Topology();
        topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), config.topics().input());
        topology.addProcessor(ROUTER, () -> new RouteProcessor(config, collaborators, sinkBySubject), SOURCE);
        if (config.deduplicates()) {
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SEEN_STORE),
                    Serdes.String(), Serdes.Long()), ROUTER);
        }
        if (config.followsStories()) {
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORY_STORE),
                    Serdes.String(), Serdes.ByteArray()), ROUTER);
        }
        if (config.holdsEmbargoes()) {
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HELD_STORE),
                    Serdes.String(), Serdes.ByteArray()), ROUTER);
        }
        Serializer<Dispatch> dispatches = collaborators.dispatchSerde().serializer();
        for (Subject subject : rules.subjects()) {
            topology.addSink(sinkOf(subject), subject.topic(), new StringSerializer(), dispatches, ROUTER);
        }
        topology.addSink(UNROUTED_SINK, config.topics().unrouted(), new StringSerializer(), dispatches, ROUTER);
        topology.addSink(DEAD_LETTER_SINK, config.topics().deadLetter(), new ByteArraySerializer(),
                new ByteArraySerializer(), ROUTER);
        config.alerts().ifPresent(alerts -> addAlerting(topology, alerts, collaborators));
        if (config.countOutputs()) {
            MinuteCounts.addTo(topology, config.topics().outputs(rules));
        }
        return topology;
    }

    private static void addAlerting(Topology topology, RoutingConfig.AlertTopics alerts, Collaborators collaborators) {
        // Serialized by the router, which keeps a failure to its alerts (see AlertWriter).
        topology.addSink(ALERTS_SINK, alerts.alerts(), new ByteArraySerializer(), new ByteArraySerializer(), ROUTER);
        // The topic is the store's changelog: a global store restores from it, so no logging of its own.
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ALERT_RULES_STORE),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(), ALERT_RULES_SOURCE,
                new StringDeserializer(), new ByteArrayDeserializer(), alerts.rules(), ALERT_RULES_UPDATER,
                () -> new AlertRulesProcessor(collaborators.alertBook(),
                        collaborators.alertRuleSerde().deserializer()));
    }

    /** A subject's sink: named by its topic, so that the description reads like the design. */
    static String sinkOf(Subject subject) {
        return "to-" + subject.topic();
    }

    /**
     * Refuses a subject whose sink would take the name of one of the topology's own nodes (a subject writing to a
     * topic named {@code unrouted}, say, while unrouted dispatches go elsewhere): Kafka would refuse the topology
     * with a message that names neither the subject nor the rules file.
     */
    static void checkSinkNames(RuleSet rules) {
        for (Subject subject : rules.subjects()) {
            String taken = RESERVED.get(sinkOf(subject));
            if (taken != null) {
                throw new IllegalArgumentException("the topic '" + subject.topic() + "' of subject " + subject.id()
                        + " would make its sink '" + sinkOf(subject) + "', a name kept for " + taken
                        + "; choose another topic for it in " + rules.source());
            }
        }
    }
}
