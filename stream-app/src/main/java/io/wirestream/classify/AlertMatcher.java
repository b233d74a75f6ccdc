package io.wirestream.classify;

import io.wirestream.schema.AlertRule;
import io.wirestream.schema.Dispatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Users' alert rules, compiled once and matched against every dispatch. Each rule becomes a one-rule subject of
 * its own, so the matching is the classifier's: indexed by the words a rule needs, evaluated only where a
 * dispatch has them. Immutable; build a new one when the rules change.
 */
public final class AlertMatcher {

    /** One alert rule that matched one dispatch, and the words it matched. */
    public record Match(AlertRule rule, List<String> terms) {
        public Match {
            terms = List.copyOf(terms);
        }
    }

    public static final AlertMatcher NONE = new AlertMatcher(List.of());

    private final Map<String, AlertRule> rules = new HashMap<>();
    private final RuleClassifier classifier;

    /** Rules whose query does not compile are left out; {@link #check} tells why before one is stored. */
    public AlertMatcher(Collection<AlertRule> alertRules) {
        List<Subject> subjects = new ArrayList<>();
        List<AlertRule> ordered = new ArrayList<>(alertRules);
        ordered.sort(Comparator.comparing(AlertRule::getId));
        for (AlertRule alert : ordered) {
            try {
                QueryNode node = QueryCompiler.compile(alert.getQuery());
                Rule rule = new Rule(alert.getId(), 1, alert.getQuery(), 1, node);
                subjects.add(new Subject(alert.getId(), "alerts", alert.getName(), 1, List.of(rule)));
                rules.put(alert.getId(), alert);
            } catch (QueryCompiler.InvalidQueryException e) {
                // Written to the topic by something other than the dashboard, which checks first; skipped.
                LoggerFactory.getLogger(AlertMatcher.class).warn("alert rule {} is ignored: {}",
                        alert.getId(), e.getMessage());
            }
        }
        this.classifier = new RuleClassifier(new RuleSet(subjects, "alert rules", "alerts"));
    }

    /** Empty when {@code query} can be used as an alert; otherwise what the query parser said is wrong. */
    public static Optional<String> check(String query) {
        if (query == null || query.isBlank()) {
            return Optional.of("the query is empty");
        }
        try {
            QueryCompiler.compile(query);
            return Optional.empty();
        } catch (QueryCompiler.InvalidQueryException e) {
            return Optional.of(e.getMessage());
        }
    }

    public int size() {
        return rules.size();
    }

    public boolean contains(String id) {
        return rules.containsKey(id);
    }

    /**
     * The rules {@code dispatch} matches, in id order. A rule with a subject matches only a dispatch routed to
     * that subject ({@code routedSubjects}, by id).
     */
    public List<Match> match(Dispatch dispatch, Collection<String> routedSubjects) {
        if (rules.isEmpty()) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>();
        for (Classification.SubjectScore score : classifier.classify(dispatch).routed()) {
            AlertRule rule = rules.get(score.subject().id());
            if (rule.getSubject() == null || routedSubjects.contains(rule.getSubject())) {
                matches.add(new Match(rule, score.terms()));
            }
        }
        return matches;
    }
}
