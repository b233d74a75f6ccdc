package io.wirestream.topology;

import io.wirestream.schema.Alert;
import io.wirestream.schema.AlertRule;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * Users' alerts in the routing topology: rules read from a compacted topic into a global store (every instance
 * sees every rule), and an {@code Alert} written for each rule a routed or unrouted dispatch matches.
 *
 * @param rulesTopic the compacted topic of {@code AlertRule} records, keyed by rule id
 * @param alertsTopic where {@code Alert} records go, keyed by rule id
 * @param book       the rules in effect in this process, shared with whoever wants to know
 */
public record Alerting(String rulesTopic, String alertsTopic, AlertBook book, Serde<AlertRule> ruleSerde,
        Serde<Alert> alertSerde) {

    public Alerting {
        Objects.requireNonNull(rulesTopic, "rulesTopic");
        Objects.requireNonNull(alertsTopic, "alertsTopic");
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(ruleSerde, "ruleSerde");
        Objects.requireNonNull(alertSerde, "alertSerde");
    }
}
