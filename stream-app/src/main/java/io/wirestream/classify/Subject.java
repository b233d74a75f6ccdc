package io.wirestream.classify;

import java.util.List;

/**
 * A subject that dispatches are routed by: its rules' weights add up, and a dispatch whose score reaches the
 * threshold belongs to the subject and goes to its topic.
 *
 * @param id          e.g. {@code north-korea}
 * @param topic       the Kafka topic its dispatches go to
 * @param description what belongs here, for editors
 * @param threshold   the score a dispatch needs
 * @param rules       the weighted queries
 */
public record Subject(String id, String topic, String description, double threshold, List<Rule> rules) {

    public Subject {
        rules = List.copyOf(rules);
    }
}
