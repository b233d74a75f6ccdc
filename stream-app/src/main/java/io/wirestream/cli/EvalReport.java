package io.wirestream.cli;

import io.wirestream.classify.Classification;
import io.wirestream.classify.Evaluation;
import io.wirestream.classify.RuleSet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code rules eval} prints: the measures of one rules file, and, given a second, the differences. */
final class EvalReport {

    private final RuleSet rules;
    private final Evaluation evaluation;
    private final RuleSet against;
    private final Evaluation baseline;

    /** {@code against} and {@code baseline} null for no comparison. */
    EvalReport(RuleSet rules, Evaluation evaluation, RuleSet against, Evaluation baseline) {
        this.rules = rules;
        this.evaluation = evaluation;
        this.against = against;
        this.baseline = baseline;
    }

    void print(PrintWriter out) {
        out.printf(Locale.ROOT, "%d labelled dispatches, rules %s (%s)%n%n", evaluation.decisions().size(),
                rules.source(), rules.digest());
        out.printf(Locale.ROOT, "%-16s %5s %5s %5s %9s %7s %6s%n", "subject", "tp", "fp", "fn", "precision", "recall",
                "F1");
        for (Evaluation.SubjectStats s : evaluation.subjects()) {
            out.printf(Locale.ROOT, "%-16s %5d %5d %5d %9.3f %7.3f %6.3f%n", s.subject(), s.truePositives(),
                    s.falsePositives(), s.falseNegatives(), s.precision(), s.recall(), s.f1());
        }
        out.printf("%nconfusion (belongs to -> routed to instead; %s: no subject)%n", Evaluation.NONE);
        evaluation.confusion().forEach((from, tos) -> tos.forEach((to, n) ->
                out.printf(Locale.ROOT, "  %-16s -> %-16s %4d%n", from, to, n)));
        out.printf("%nrules that matched (for: tp/fp where the subject was routed; against: tn/fn where it was not)%n");
        out.printf(Locale.ROOT, "  %-36s %-14s %6s %7s %4s %4s %4s %4s%n", "rule", "subject", "weight", "matched",
                "tp", "fp", "tn", "fn");
        for (Evaluation.RuleStats r : evaluation.rules()) {
            if (r.matched() > 0) {
                // A learned model (weight NaN) speaks for or against, dispatch by dispatch: all four counts apply.
                boolean forIt = !(r.weight() < 0);
                boolean against = !(r.weight() > 0);
                out.printf(Locale.ROOT, "  %-36s %-14s %6s %7d %4s %4s %4s %4s%n", r.ruleId(), r.subject(),
                        Double.isNaN(r.weight()) ? "model" : String.format(Locale.ROOT, "%.1f", r.weight()),
                        r.matched(), count(forIt, r.truePositives()), count(forIt, r.falsePositives()),
                        count(against, r.trueNegatives()), count(against, r.falseNegatives()));
            }
        }
        List<Evaluation.Decision> misrouted = evaluation.misrouted();
        out.printf("%nmisrouted: %d%n", misrouted.size());
        misrouted.forEach(d -> printDecision(out, d));
        if (baseline != null) {
            printComparison(out);
        }
    }

    /** A rule's counts; a learned model's part, which has no weight of its own, with weight null. */
    private static Map<String, Object> ruleJson(Evaluation.RuleStats r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ruleId", r.ruleId());
        json.put("subject", r.subject());
        json.put("weight", Double.isNaN(r.weight()) ? null : r.weight());
        json.put("matched", r.matched());
        json.put("truePositives", r.truePositives());
        json.put("falsePositives", r.falsePositives());
        json.put("trueNegatives", r.trueNegatives());
        json.put("falseNegatives", r.falseNegatives());
        return json;
    }

    private static String count(boolean applies, int n) {
        return applies ? Integer.toString(n) : "-";
    }

    private static void printDecision(PrintWriter out, Evaluation.Decision d) {
        out.printf("  %s belongs to %s, routed to %s: %s%n", d.labelled().id(), d.labelled().expected(), d.actual(),
                d.labelled().dispatch() == null ? "(could not be parsed)" : d.labelled().dispatch().getHeadline());
        for (Classification.SubjectScore score : d.classification().scores()) {
            StringBuilder spoke = new StringBuilder();
            for (Classification.RuleMatch match : score.rules()) {
                spoke.append(spoke.length() == 0 ? "" : ", ").append(match.ruleId()).append(String.format(Locale.ROOT,
                        " %+.1f", match.weight())).append(match.terms().isEmpty() ? "" : " " + match.terms());
            }
            out.printf(Locale.ROOT, "      %-14s %5.1f of %.1f: %s%n", score.subject().id(), score.score(),
                    score.subject().threshold(), spoke);
        }
    }

    private void printComparison(PrintWriter out) {
        out.printf(Locale.ROOT, "%ncompared with %s (%s)%n", against.source(), against.digest());
        out.printf(Locale.ROOT, "%-16s %9s %9s%n", "subject", "F1 before", "F1 now");
        for (Evaluation.SubjectStats now : evaluation.subjects()) {
            double before = baseline.subjects().stream().filter(s -> s.subject().equals(now.subject()))
                    .mapToDouble(Evaluation.SubjectStats::f1).findFirst().orElse(Double.NaN);
            out.printf(Locale.ROOT, "%-16s %9.3f %9.3f%n", now.subject(), before, now.f1());
        }
        List<String[]> fixed = new ArrayList<>();
        List<String[]> broken = new ArrayList<>();
        List<String[]> changed = new ArrayList<>();
        differences(fixed, broken, changed);
        printList(out, "fixed by the change", fixed);
        printList(out, "broken by the change", broken);
        printList(out, "still wrong, differently", changed);
    }

    /** Dispatch by dispatch: {id, belongs to, before, now}. */
    private void differences(List<String[]> fixed, List<String[]> broken, List<String[]> changed) {
        for (int i = 0; i < evaluation.decisions().size(); i++) {
            Evaluation.Decision now = evaluation.decisions().get(i);
            Evaluation.Decision before = baseline.decisions().get(i);
            String[] row = {now.labelled().id(), now.labelled().expected().toString(), before.actual().toString(),
                now.actual().toString()};
            if (now.correct() && !before.correct()) {
                fixed.add(row);
            } else if (!now.correct() && before.correct()) {
                broken.add(row);
            } else if (!now.correct() && !now.actual().equals(before.actual())) {
                changed.add(row);
            }
        }
    }

    private static void printList(PrintWriter out, String title, List<String[]> rows) {
        out.printf("%n%s: %d%n", title, rows.size());
        rows.forEach(r -> out.printf("  %s belongs to %s: was %s, now %s%n", r[0], r[1], r[2], r[3]));
    }

    /** The subjects under {@code floor}, with their F1. */
    String belowFloor(double floor) {
        List<String> below = new ArrayList<>();
        evaluation.subjects().stream().filter(s -> s.f1() < floor).forEach(s -> below.add(String.format(Locale.ROOT,
                "%s %.3f", s.subject(), s.f1())));
        return String.join(", ", below);
    }

    /** The same as {@link #print}, as plain values for JSON. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rules", Map.of("source", rules.source(), "digest", rules.digest()));
        json.put("dispatches", evaluation.decisions().size());
        json.put("lowestF1", evaluation.lowestF1());
        json.put("subjects", evaluation.subjects().stream().map(EvalReport::subjectJson).toList());
        json.put("confusion", evaluation.confusion());
        json.put("rulesMatched", evaluation.rules().stream().filter(r -> r.matched() > 0).map(EvalReport::ruleJson)
                .toList());
        json.put("misrouted", evaluation.misrouted().stream().map(d -> Map.of("id", d.labelled().id(), "belongsTo",
                d.labelled().expected(), "routedTo", d.actual())).toList());
        if (baseline != null) {
            List<String[]> fixed = new ArrayList<>();
            List<String[]> broken = new ArrayList<>();
            List<String[]> changed = new ArrayList<>();
            differences(fixed, broken, changed);
            json.put("against", Map.of("source", against.source(), "digest", against.digest(), "subjects",
                    baseline.subjects().stream().map(EvalReport::subjectJson).toList(), "fixed", ids(fixed), "broken",
                    ids(broken), "changed", ids(changed)));
        }
        return json;
    }

    private static Map<String, Object> subjectJson(Evaluation.SubjectStats s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", s.subject());
        json.put("truePositives", s.truePositives());
        json.put("falsePositives", s.falsePositives());
        json.put("falseNegatives", s.falseNegatives());
        json.put("precision", s.precision());
        json.put("recall", s.recall());
        json.put("f1", s.f1());
        return json;
    }

    private static List<String> ids(List<String[]> rows) {
        return rows.stream().map(r -> r[0]).toList();
    }
}
