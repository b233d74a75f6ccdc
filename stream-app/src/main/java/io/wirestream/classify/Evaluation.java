package io.wirestream.classify;

import io.wirestream.schema.Dispatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How well a classifier routes a labelled corpus: per subject precision, recall and F1; which subject takes
 * dispatches that belong to another (the confusion); what each rule contributed; and every misrouted dispatch
 * with the rules that spoke. Plain Java, for {@code wirestream rules eval} and for tests.
 *
 * @param subjects  per subject, in rules order
 * @param rules     per rule, in rules order
 * @param confusion expected subject (or {@link #NONE}) → subject routed to instead (or {@link #NONE}) → count
 * @param decisions every dispatch with what it got, in corpus order
 */
public record Evaluation(List<SubjectStats> subjects, List<RuleStats> rules,
        Map<String, Map<String, Integer>> confusion, List<Decision> decisions) {

    /** In the confusion, "no subject": a dispatch that belongs to none, or was routed to none. */
    public static final String NONE = "(none)";

    /** One labelled dispatch; {@code dispatch} null when it could not be parsed (then it is routed nowhere). */
    public record Case(String id, Set<String> expected, Dispatch dispatch) {
        public Case {
            expected = Collections.unmodifiableSortedSet(new TreeSet<>(expected));
        }
    }

    /** What the classifier made of one case. */
    public record Decision(Case labelled, Set<String> actual, Classification classification) {

        public Decision {
            actual = Collections.unmodifiableSortedSet(new TreeSet<>(actual));
        }

        public boolean correct() {
            return labelled.expected().equals(actual);
        }
    }

    /** Counts of one subject. */
    public record SubjectStats(String subject, int truePositives, int falsePositives, int falseNegatives) {

        public double precision() {
            int routed = truePositives + falsePositives;
            return routed == 0 ? 1 : (double) truePositives / routed;
        }

        public double recall() {
            int belonging = truePositives + falseNegatives;
            return belonging == 0 ? 1 : (double) truePositives / belonging;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /**
     * What one rule did where it matched. A rule for its subject (positive weight) is counted where the subject
     * was routed: a true positive when the dispatch belongs to it, a false positive when not. A rule against
     * (negative weight) is counted where the subject was not routed: a true negative it helped keep, or a false
     * negative it helped cause. A learned model's part in a score ({@code ko-alliance-model}) is counted the same
     * way by the sign of its weight on each dispatch; its own {@code weight} here is NaN, as it has none.
     */
    public record RuleStats(String ruleId, String subject, double weight, int matched, int truePositives,
            int falsePositives, int trueNegatives, int falseNegatives) {
    }

    /** Classifies every case and counts. */
    public static Evaluation of(List<Case> cases, Classifier classifier, RuleSet ruleSet) {
        List<Decision> decisions = new ArrayList<>();
        for (Case labelled : cases) {
            Classification classification = labelled.dispatch() == null ? new Classification(List.of())
                    : classifier.classify(labelled.dispatch());
            Set<String> actual = new TreeSet<>();
            classification.routed().forEach(score -> actual.add(score.subject().id()));
            decisions.add(new Decision(labelled, actual, classification));
        }
        List<SubjectStats> subjects = new ArrayList<>();
        for (Subject subject : ruleSet.subjects()) {
            subjects.add(subjectStats(subject.id(), decisions));
        }
        return new Evaluation(subjects, ruleStats(ruleSet, decisions), confusion(decisions), decisions);
    }

    /** The misrouted dispatches: routed to a subject they do not belong to, or not to one they do. */
    public List<Decision> misrouted() {
        return decisions.stream().filter(d -> !d.correct()).toList();
    }

    /** The lowest F1 of any subject: what a floor is held against. */
    public double lowestF1() {
        return subjects.stream().mapToDouble(SubjectStats::f1).min().orElse(1);
    }

    private static SubjectStats subjectStats(String id, List<Decision> decisions) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Decision decision : decisions) {
            boolean expected = decision.labelled().expected().contains(id);
            boolean actual = decision.actual().contains(id);
            tp += expected && actual ? 1 : 0;
            fp += !expected && actual ? 1 : 0;
            fn += expected && !actual ? 1 : 0;
        }
        return new SubjectStats(id, tp, fp, fn);
    }

    private static List<RuleStats> ruleStats(RuleSet ruleSet, List<Decision> decisions) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Rule> rules = new LinkedHashMap<>();
        Map<String, String> subjectOf = new LinkedHashMap<>();
        for (Subject subject : ruleSet.subjects()) {
            for (Rule rule : subject.allRules()) {
                counts.put(rule.id(), new int[5]);
                rules.put(rule.id(), rule);
                subjectOf.put(rule.id(), subject.id());
            }
        }
        for (Decision decision : decisions) {
            for (Classification.SubjectScore score : decision.classification().scores()) {
                boolean belongs = decision.labelled().expected().contains(score.subject().id());
                for (Classification.RuleMatch match : score.rules()) {
                    int[] c = counts.get(match.ruleId());
                    if (c == null) {
                        // A learned model's part in the score: shown, and counted, as a rule of its own.
                        c = new int[5];
                        counts.put(match.ruleId(), c);
                        subjectOf.put(match.ruleId(), score.subject().id());
                    }
                    c[0]++;
                    if (match.weight() > 0 && score.routed()) {
                        c[belongs ? 1 : 2]++;
                    } else if (match.weight() < 0 && !score.routed()) {
                        c[belongs ? 4 : 3]++;
                    }
                }
            }
        }
        List<RuleStats> stats = new ArrayList<>();
        counts.forEach((id, c) -> stats.add(new RuleStats(id, subjectOf.get(id),
                rules.containsKey(id) ? rules.get(id).weight() : Double.NaN, c[0], c[1], c[2], c[3], c[4])));
        return stats;
    }

    private static Map<String, Map<String, Integer>> confusion(List<Decision> decisions) {
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        for (Decision decision : decisions) {
            Set<String> missed = new TreeSet<>(decision.labelled().expected());
            missed.removeAll(decision.actual());
            Set<String> extra = new TreeSet<>(decision.actual());
            extra.removeAll(decision.labelled().expected());
            if (missed.isEmpty() && extra.isEmpty()) {
                continue;
            }
            for (String from : missed.isEmpty() ? Set.of(NONE) : missed) {
                for (String to : extra.isEmpty() ? Set.of(NONE) : extra) {
                    confusion.computeIfAbsent(from, k -> new TreeMap<>()).merge(to, 1, Integer::sum);
                }
            }
        }
        return confusion;
    }
}
