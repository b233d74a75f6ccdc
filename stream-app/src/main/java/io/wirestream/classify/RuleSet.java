package io.wirestream.classify;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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

    /** Every rule, those of each language included. */
    public int ruleCount() {
        return subjects.stream().mapToInt(s -> s.allRules().size()).sum();
    }

    /** The languages some subject has rules of its own for, e.g. {@code [ko]}. */
    public Set<String> languages() {
        Set<String> languages = new TreeSet<>();
        subjects.forEach(subject -> languages.addAll(subject.languages().keySet()));
        return languages;
    }
}
