package io.wirestream.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A subject that dispatches are routed by: its rules' weights add up, and a dispatch whose score reaches the
 * threshold belongs to the subject and goes to its topic. A subject may score dispatches of a language by rules
 * of their own ({@code languages}: Korean copy by Korean queries, with a threshold of its own); a dispatch of any
 * other language is scored by {@code rules}.
 *
 * @param id          e.g. {@code north-korea}
 * @param topic       the Kafka topic its dispatches go to
 * @param description what belongs here, for editors
 * @param threshold   the score a dispatch needs
 * @param rules       the weighted queries
 * @param languages   per language code ({@code ko}), the threshold and rules that score dispatches in it
 */
public record Subject(String id, String topic, String description, double threshold, List<Rule> rules,
        Map<String, Language> languages) {

    /**
     * The threshold and rules a subject scores the dispatches of one language by, and how much the language's
     * learned model counts: its log-odds for the subject times {@code modelWeight} add to the score (0: not at all).
     */
    public record Language(double threshold, List<Rule> rules, double modelWeight) {
        public Language {
            rules = List.copyOf(rules);
        }

        public Language(double threshold, List<Rule> rules) {
            this(threshold, rules, 0);
        }
    }

    public Subject {
        rules = List.copyOf(rules);
        languages = new TreeMap<>(languages);
    }

    /** A subject whose rules score dispatches of every language. */
    public Subject(String id, String topic, String description, double threshold, List<Rule> rules) {
        this(id, topic, description, threshold, rules, Map.of());
    }

    /**
     * The subject as it scores a dispatch in {@code language}: with that language's threshold and rules when it has
     * them, else itself. Same id, topic and description either way.
     */
    public Subject forLanguage(String language) {
        Language own = language == null ? null : languages.get(language);
        return own == null ? this : new Subject(id, topic, description, own.threshold(), own.rules());
    }

    /** The same subject routing to another topic. */
    public Subject withTopic(String newTopic) {
        return new Subject(id, newTopic, description, threshold, rules, languages);
    }

    /** Its rules and those of every language, in file order. */
    public List<Rule> allRules() {
        if (languages.isEmpty()) {
            return rules;
        }
        List<Rule> all = new ArrayList<>(rules);
        languages.values().forEach(language -> all.addAll(language.rules()));
        return List.copyOf(all);
    }
}
