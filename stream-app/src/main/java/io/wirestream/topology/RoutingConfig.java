package io.wirestream.topology;

import io.wirestream.classify.RuleSet;
import io.wirestream.config.Setting;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.config.WirestreamConfig.EmbargoMode;
import io.wirestream.config.WirestreamConfig.Lifecycle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the routing topology is built from besides its collaborators: plain values, each optional part switched off
 * by a value rather than left out. {@link #of(WirestreamConfig)} is routing as the config describes it; the run
 * command adds alerts and the dashboard's counts, reprocessing its own topics and an end.
 *
 * @param topics              the input, unrouted and dead-letter topics (the subjects' come from the classifier)
 * @param deduplicationWindow how long the content of a routed dispatch is remembered, by wall-clock time, so that
 *                            a repeat within it is dropped and counted; zero (or negative) turns deduplication off
 * @param endOffsets          a bounded run: per input partition, the offset at which records are left alone (for
 *                            the live pipeline); partitions not named, and all when empty, are unbounded
 * @param alerts              users' alert rules and where alerts go; empty for no alerting
 * @param countOutputs        whether the per-minute counts of every output topic are kept (see {@link MinuteCounts})
 * @param lifecycle           whether routing is sticky (stories are remembered for the deduplication window: none
 *                            without one) and embargoes held (see {@link StoryLife})
 */
public record RoutingConfig(TopicConfig topics, Duration deduplicationWindow, Map<Integer, Long> endOffsets,
        Optional<AlertTopics> alerts, boolean countOutputs, Lifecycle lifecycle) {

    /** Stories followed, embargoes held: the settings' defaults. */
    public static final Lifecycle DEFAULT_LIFECYCLE = new Lifecycle(
            Boolean.parseBoolean(Setting.STICKY_ROUTING.defaultValue()),
            EmbargoMode.of(Setting.EMBARGO_MODE.defaultValue()));

    public RoutingConfig {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(deduplicationWindow, "deduplicationWindow");
        endOffsets = Map.copyOf(endOffsets);
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /**
     * The topics of users' alerting.
     *
     * @param rules  the compacted topic of {@code AlertRule} records, keyed by rule id
     * @param alerts where {@code Alert} records go, keyed by rule id
     */
    public record AlertTopics(String rules, String alerts) {

        public AlertTopics {
            Objects.requireNonNull(rules, "rules");
            Objects.requireNonNull(alerts, "alerts");
        }

        /** The alerting topics of the one config. */
        public static AlertTopics of(WirestreamConfig.Topics topics) {
            return new AlertTopics(topics.alertRules(), topics.alerts());
        }
    }

    /** Routing alone over {@code topics}: no deduplication, no end, no alerts, no counts. */
    public static RoutingConfig of(TopicConfig topics) {
        return new RoutingConfig(topics, Duration.ZERO, Map.of(), Optional.empty(), false, DEFAULT_LIFECYCLE);
    }

    /** Routing as {@code config} describes it (its topics and deduplication window); no end, no alerts, no counts. */
    public static RoutingConfig of(WirestreamConfig config) {
        return of(TopicConfig.of(config.topics())).withDeduplicationWindow(config.limits().dedupWindow())
                .withLifecycle(config.lifecycle());
    }

    public RoutingConfig withTopics(TopicConfig newTopics) {
        return new RoutingConfig(newTopics, deduplicationWindow, endOffsets, alerts, countOutputs, lifecycle);
    }

    public RoutingConfig withDeduplicationWindow(Duration window) {
        return new RoutingConfig(topics, window, endOffsets, alerts, countOutputs, lifecycle);
    }

    /** A bounded run, ending at {@code ends} by input partition. */
    public RoutingConfig withEndOffsets(Map<Integer, Long> ends) {
        return new RoutingConfig(topics, deduplicationWindow, ends, alerts, countOutputs, lifecycle);
    }

    /** With users' alerts: rules read from {@code topics.rules()}, alerts written to {@code topics.alerts()}. */
    public RoutingConfig withAlerts(AlertTopics alertTopics) {
        return new RoutingConfig(topics, deduplicationWindow, endOffsets, Optional.of(alertTopics), countOutputs,
                lifecycle);
    }

    public RoutingConfig withOutputCounts(boolean count) {
        return new RoutingConfig(topics, deduplicationWindow, endOffsets, alerts, count, lifecycle);
    }

    public RoutingConfig withLifecycle(Lifecycle newLifecycle) {
        return new RoutingConfig(topics, deduplicationWindow, endOffsets, alerts, countOutputs, newLifecycle);
    }

    /**
     * Refuses a configuration that would read its own output, mix outcomes in one topic or name a subject's sink
     * like one of the topology's own nodes: the routing topics (see {@link TopicConfig#validate}), the subjects'
     * sinks, and the alerting topics, which must be apart from the others and from each other.
     */
    public void validate(RuleSet rules) {
        topics.validate(rules);
        RoutingTopology.checkSinkNames(rules);
        if (alerts.isPresent()) {
            AlertTopics alerting = alerts.get();
            Set<String> taken = topics.all(rules);
            for (String topic : List.of(alerting.rules(), alerting.alerts())) {
                if (taken.contains(topic) || alerting.rules().equals(alerting.alerts())) {
                    throw new IllegalArgumentException("topic '" + topic + "' is used twice: by alerts and before");
                }
            }
        }
    }

    /**
     * True when stories are remembered, for the deduplication window, so that kills follow them (and, sticky,
     * updates too); without a window none is, and every kill goes to unrouted.
     */
    public boolean followsStories() {
        return deduplicates();
    }

    /** True when embargoed and withheld dispatches are held back until their time or a later version. */
    public boolean holdsEmbargoes() {
        return lifecycle.embargoMode() == EmbargoMode.HOLD;
    }

    /** True when repeats within the window are dropped. */
    public boolean deduplicates() {
        return deduplicationWindow.compareTo(Duration.ZERO) > 0;
    }
}
