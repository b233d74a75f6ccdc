package io.wirestream.classify;

import io.wirestream.schema.Dispatch;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Classifies by a {@link RuleSet}. The dispatch is analyzed once; each rule is indexed by terms of which one
 * must occur for it to match, so only rules whose terms the dispatch contains are evaluated. The cost per
 * dispatch follows the dispatch's length and the rules that could match, not the number of rules.
 */
public final class RuleClassifier implements Classifier {

    /** At most this many distinct words are kept per rule match, for explanation. */
    private static final int MAX_TERMS_PER_RULE = 10;

    private final RuleSet ruleSet;
    private final Rule[] rules;
    private final int[] subjectOf;
    private final Map<String, int[]> rulesByAnchor = new HashMap<>();
    private final int[] unanchored;

    public RuleClassifier(RuleSet ruleSet) {
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
        List<Rule> flat = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int s = 0; s < ruleSet.subjects().size(); s++) {
            for (Rule rule : ruleSet.subjects().get(s).rules()) {
                flat.add(rule);
                owners.add(s);
            }
        }
        this.rules = flat.toArray(new Rule[0]);
        this.subjectOf = owners.stream().mapToInt(Integer::intValue).toArray();
        Map<String, List<Integer>> index = new HashMap<>();
        List<Integer> always = new ArrayList<>();
        for (int r = 0; r < rules.length; r++) {
            List<String> anchors = rules[r].node().anchors();
            if (anchors == null) {
                always.add(r);
            } else {
                for (String anchor : new LinkedHashSet<>(anchors)) {
                    index.computeIfAbsent(anchor, k -> new ArrayList<>()).add(r);
                }
            }
        }
        index.forEach((term, ids) -> rulesByAnchor.put(term, ids.stream().mapToInt(Integer::intValue).toArray()));
        this.unanchored = always.stream().mapToInt(Integer::intValue).toArray();
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    @Override
    public Classification classify(Dispatch dispatch) {
        AnalyzedText text = AnalyzedText.of(dispatch.getHeadline(), dispatch.getParagraphs());
        BitSet candidates = new BitSet(rules.length);
        for (String term : text.terms()) {
            int[] ids = rulesByAnchor.get(term);
            if (ids != null) {
                for (int id : ids) {
                    candidates.set(id);
                }
            }
        }
        for (int id : unanchored) {
            candidates.set(id);
        }
        List<Subject> subjects = ruleSet.subjects();
        double[] scores = new double[subjects.size()];
        Map<Integer, List<Classification.RuleMatch>> matched = new HashMap<>();
        Spans spans = new Spans();
        for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
            Rule rule = rules[r];
            spans.clear();
            int count = rule.node().count(text, spans);
            if (count >= rule.minMatches()) {
                scores[subjectOf[r]] += rule.weight();
                matched.computeIfAbsent(subjectOf[r], k -> new ArrayList<>())
                        .add(new Classification.RuleMatch(rule.id(), rule.weight(), count, surfaces(text, spans)));
            }
        }
        List<Classification.SubjectScore> result = new ArrayList<>(matched.size());
        for (int s = 0; s < subjects.size(); s++) {
            List<Classification.RuleMatch> ruleMatches = matched.get(s);
            if (ruleMatches != null) {
                Subject subject = subjects.get(s);
                result.add(new Classification.SubjectScore(subject, scores[s], scores[s] >= subject.threshold(),
                        ruleMatches));
            }
        }
        return new Classification(result);
    }

    private static List<String> surfaces(AnalyzedText text, Spans spans) {
        Set<String> words = new LinkedHashSet<>();
        for (int i = 0; i < spans.size() && words.size() < MAX_TERMS_PER_RULE; i++) {
            words.add(text.surface(spans.first(i), spans.last(i)));
        }
        return List.copyOf(words);
    }
}
