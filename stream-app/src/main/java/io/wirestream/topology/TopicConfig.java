package io.wirestream.topology;

import io.wirestream.classify.RuleSet;
import io.wirestream.classify.Subject;
import io.wirestream.config.ConfigLoader;
import io.wirestream.config.WirestreamConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The topics of the routing topology besides the subjects' own (which come from the rules file).
 *
 * @param input      raw dispatches, as delivered
 * @param unrouted   dispatches that match no subject
 * @param deadLetter input that is not a dispatch, with the original bytes and the reason in headers
 */
public record TopicConfig(String input, String unrouted, String deadLetter) {

    /** The topics of the defaults, which live in {@code Setting}. */
    public static final TopicConfig DEFAULTS = of(ConfigLoader.defaults().topics());

    /** The routing topics of the one config. */
    public static TopicConfig of(WirestreamConfig.Topics topics) {
        return new TopicConfig(topics.input(), topics.unrouted(), topics.deadLetter());
    }

    public TopicConfig {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(unrouted, "unrouted");
        Objects.requireNonNull(deadLetter, "deadLetter");
    }

    /** Every topic the topology reads or writes, input first, subjects in rules order. */
    public Set<String> all(RuleSet rules) {
        Set<String> topics = new LinkedHashSet<>();
        topics.add(input);
        rules.subjects().forEach(s -> topics.add(s.topic()));
        topics.add(unrouted);
        topics.add(deadLetter);
        return topics;
    }

    /** The topics the topology writes: the subjects' (in rules order), unrouted, dead letters. */
    public List<String> outputs(RuleSet rules) {
        List<String> outputs = new ArrayList<>(all(rules));
        outputs.remove(input);
        return outputs;
    }

    /** Refuses a configuration that would read its own output or mix outcomes in one topic. */
    public void validate(RuleSet rules) {
        Set<String> seen = new HashSet<>();
        check(seen, input, "input topic");
        for (Subject subject : rules.subjects()) {
            check(seen, subject.topic(), "topic of subject " + subject.id());
        }
        check(seen, unrouted, "unrouted topic");
        check(seen, deadLetter, "dead-letter topic");
    }

    private static void check(Set<String> seen, String topic, String role) {
        if (topic.isBlank()) {
            throw new IllegalArgumentException("the " + role + " is empty");
        }
        if (!seen.add(topic)) {
            throw new IllegalArgumentException("topic '" + topic + "' is used twice: as the " + role + " and before");
        }
    }
}
