package io.wirestream.classify;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A validated rules file.
 *
 * @param subjects the subjects, in file order
 * @param source   where it was read from, for messages
 * @param digest   a short hash of the file's bytes and its models', recorded with each routing decision
 * @param models   per language code, the learned model its subjects' {@code model_weight} refers to
 */
public record RuleSet(List<Subject> subjects, String source, String digest, Map<String, TextModel> models) {

    public RuleSet {
        subjects = List.copyOf(subjects);
        models = Collections.unmodifiableMap(new TreeMap<>(models));
    }

    /** Rules with no learned model. */
    public RuleSet(List<Subject> subjects, String source, String digest) {
        this(subjects, source, digest, Map.of());
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
