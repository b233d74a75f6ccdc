package io.wirestream.topology;

import io.wirestream.classify.AlertMatcher;
import io.wirestream.schema.Alert;
import io.wirestream.schema.AlertRule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an {@code Alert} for each of the users' rules a delivered dispatch matches, keyed by the rule's id. The
 * alerts are serialized here rather than by the sink, so that a failure (a registry that refuses the schema, say)
 * costs the alerts, logged and counted, and never the dispatch's own outcome or the stream.
 */
final class AlertWriter {

    private static final Logger LOG = LoggerFactory.getLogger(AlertWriter.class);

    private final AlertBook book;
    private final Serializer<Alert> serializer;
    private final String topic;
    private final RoutingListener listener;

    AlertWriter(AlertBook book, Serializer<Alert> serializer, String topic, RoutingListener listener) {
        this.book = book;
        this.serializer = serializer;
        this.topic = topic;
        this.listener = listener;
    }

    /**
     * Hands {@code out} the alert records of {@code delivered}, at its timestamp, raised at {@code now}; all of
     * them or, when one cannot be made, none.
     */
    void write(Outcome.Delivered delivered, long now, Consumer<Record<byte[], byte[]>> out) {
        List<String> ruleIds = new ArrayList<>();
        List<Record<byte[], byte[]>> alerts = new ArrayList<>();
        try {
            for (AlertMatcher.Match match : book.matcher().match(delivered.dispatch(), delivered.subjects())) {
                AlertRule rule = match.rule();
                byte[] value = serializer.serialize(topic, new Alert(rule.getId(), rule.getName(), rule.getQuery(),
                        rule.getSubject(), match.terms(), Instant.ofEpochMilli(now), delivered.dispatch()));
                ruleIds.add(rule.getId());
                alerts.add(new Record<>(rule.getId().getBytes(StandardCharsets.UTF_8), value, delivered.timestamp()));
            }
        } catch (RuntimeException e) {
            LOG.error("no alerts for dispatch {}: {}", delivered.dispatch().getContentId(), e.getMessage(), e);
            listener.alertFailed();
            return;
        }
        for (int i = 0; i < alerts.size(); i++) {
            out.accept(alerts.get(i));
            listener.alert(ruleIds.get(i));
        }
    }
}
