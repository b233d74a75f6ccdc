package io.wirestream.classify;

import io.wirestream.schema.Routing;
import io.wirestream.schema.SubjectScore;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link Classification} into the {@code routing} field of a {@code Dispatch} record. */
public final class RoutingRecords {

    private RoutingRecords() {
    }

    public static Routing toAvro(Classification decision, RuleSet rules) {
        List<String> subjects = new ArrayList<>();
        List<SubjectScore> scores = new ArrayList<>();
        for (Classification.SubjectScore score : decision.scores()) {
            if (score.routed()) {
                subjects.add(score.subject().id());
            }
            scores.add(new SubjectScore(score.subject().id(), score.score(),
                    score.subject().threshold(), score.routed(),
                    score.rules().stream().map(Classification.RuleMatch::ruleId).toList(), score.terms()));
        }
        return new Routing(subjects, scores, rules.digest());
    }
}
