package io.wirestream.topology;

import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.Subject;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.schema.Dispatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;

/**
 * The routing topology, as a pure function of its configuration and collaborators:
 * <pre>
 *   raw-feed ──▶ parse-classify-route ──▶ to-&lt;subject topic&gt;   (one per subject, from the rules file)
 *                                     ├─▶ to-unrouted
 *                                     └─▶ to-dead-letters      (original bytes, reason in headers)
 * </pre>
 */
public final class RoutingTopology {

    static final String SOURCE = "read-raw-feed";
    static final String ROUTER = "parse-classify-route";
    static final String UNROUTED_SINK = "to-unrouted";
    static final String DEAD_LETTER_SINK = "to-dead-letters";

    private RoutingTopology() {
    }

    public static Topology build(TopicConfig topics, DispatchParser parser, RuleClassifier classifier,
            Serde<Dispatch> dispatchSerde) {
        topics.validate(classifier.ruleSet());
        Map<String, String> sinkBySubject = new LinkedHashMap<>();
        for (Subject subject : classifier.ruleSet().subjects()) {
            sinkBySubject.put(subject.id(), "to-" + subject.topic());
        }
        Topology topology = new Topology();
        topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.input());
        topology.addProcessor(ROUTER, () -> new RouteProcessor(parser, classifier, sinkBySubject), SOURCE);
        List<String> dispatchSinks = new ArrayList<>(sinkBySubject.values());
        for (Subject subject : classifier.ruleSet().subjects()) {
            topology.addSink(sinkBySubject.get(subject.id()), subject.topic(), new StringSerializer(),
                    dispatchSerde.serializer(), ROUTER);
        }
        topology.addSink(UNROUTED_SINK, topics.unrouted(), new StringSerializer(), dispatchSerde.serializer(), ROUTER);
        topology.addSink(DEAD_LETTER_SINK, topics.deadLetter(), new ByteArraySerializer(), new ByteArraySerializer(),
                ROUTER);
        dispatchSinks.add(UNROUTED_SINK);
        return topology;
    }
}
