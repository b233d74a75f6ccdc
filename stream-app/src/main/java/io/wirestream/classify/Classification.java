package io.wirestream.classify;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The decision for one dispatch: every subject any rule spoke for or against, with its score, and whether the
 * score reached the subject's threshold.
 */
public record Classification(List<SubjectScore> scores) {

    public Classification {
        scores = List.copyOf(scores);
    }

    /** One rule that matched, how often, and the words it matched (as the dispatch wrote them). */
    public record RuleMatch(String ruleId, double weight, int count, List<String> terms) {
        public RuleMatch {
            terms = List.copyOf(terms);
        }
    }

    /** A subject's score and the rules behind it. */
    public record SubjectScore(Subject subject, double score, boolean routed, List<RuleMatch> rules) {
        public SubjectScore {
            rules = List.copyOf(rules);
        }

        /** The words matched by the rules that counted for the subject, each once, for highlighting. */
        public List<String> terms() {
            Set<String> terms = new LinkedHashSet<>();
            for (RuleMatch rule : rules) {
                if (rule.weight() > 0) {
                    terms.addAll(rule.terms());
                }
            }
            return List.copyOf(terms);
        }
    }

    /** The subjects the dispatch belongs to, in rules-file order. */
    public List<SubjectScore> routed() {
        return scores.stream().filter(SubjectScore::routed).toList();
    }

    public boolean isRouted() {
        return scores.stream().anyMatch(SubjectScore::routed);
    }
}
