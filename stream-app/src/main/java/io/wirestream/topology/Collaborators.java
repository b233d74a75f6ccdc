package io.wirestream.topology;

import io.wirestream.classify.Classifier;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.dispatch.ParserConfig;
import io.wirestream.format.FormatParser;
import io.wirestream.registry.AvroSerdes;
import io.wirestream.schema.Alert;
import io.wirestream.schema.AlertRule;
import io.wirestream.schema.Dispatch;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * What the routing topology hands its work to: the domain code that decides, the serdes that write, and who is
 * told. All present whatever the {@link RoutingConfig}: the alerting ones are simply unused without alerts.
 *
 * @param parser         reads a record's format and turns each of its items into a dispatch or a reasoned failure
 * @param classifier     decides the subjects; its rule set names the subject topics
 * @param dispatchSerde  writes routed and unrouted dispatches
 * @param alertRuleSerde reads users' alert rules
 * @param alertSerde     writes alerts
 * @param alertBook      the alert rules in effect in this process, shared with whoever wants to know
 * @param listener       told of every record's fate, for metrics
 */
public record Collaborators(FormatParser parser, Classifier classifier, Serde<Dispatch> dispatchSerde,
        Serde<AlertRule> alertRuleSerde, Serde<Alert> alertSerde, AlertBook alertBook, RoutingListener listener) {

    public Collaborators {
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(dispatchSerde, "dispatchSerde");
        Objects.requireNonNull(alertRuleSerde, "alertRuleSerde");
        Objects.requireNonNull(alertSerde, "alertSerde");
        Objects.requireNonNull(alertBook, "alertBook");
        Objects.requireNonNull(listener, "listener");
    }

    /** {@code parser} and {@code classifier} with the Avro serdes of {@code serdes}, a fresh book, no listener. */
    public static Collaborators of(FormatParser parser, Classifier classifier, AvroSerdes serdes) {
        return new Collaborators(parser, classifier, serdes.valueSerde(Dispatch.class),
                serdes.valueSerde(AlertRule.class), serdes.valueSerde(Alert.class), new AlertBook(),
                RoutingListener.NONE);
    }

    /** The parser of {@code config}'s limits and the serdes of its registry, with {@code classifier}. */
    public static Collaborators of(WirestreamConfig config, Classifier classifier) {
        FormatParser parser = new FormatParser(ParserConfig.defaults()
                .withMaxBytes(config.limits().maxBytes().toIntBytes()));
        return of(parser, classifier, new AvroSerdes(config.registryClientConfig()));
    }

    public Collaborators withAlertBook(AlertBook book) {
        return new Collaborators(parser, classifier, dispatchSerde, alertRuleSerde, alertSerde, book, listener);
    }

    public Collaborators withAlertSerde(Serde<Alert> serde) {
        return new Collaborators(parser, classifier, dispatchSerde, alertRuleSerde, serde, alertBook, listener);
    }

    public Collaborators withListener(RoutingListener newListener) {
        return new Collaborators(parser, classifier, dispatchSerde, alertRuleSerde, alertSerde, alertBook,
                newListener);
    }
}
