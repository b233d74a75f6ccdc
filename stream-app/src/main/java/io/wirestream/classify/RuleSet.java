package io.wirestream.classify;

import java.util.List;

/**
 * A validated rules file.
 *
 * @param subjects the subjects, in file order
 * @param source   where it was read from, for messages
 * @param digest   a short hash of the file's bytes, recorded with each routing decision
 */
public record RuleSet(List<Subject> subjects, String source, String digest) {

    public RuleSet {
        subjects = List.copyOf(subjects);
    }

    public int ruleCount() {
        return subjects.stream().mapToInt(s -> s.rules().size()).sum();
    }
}
