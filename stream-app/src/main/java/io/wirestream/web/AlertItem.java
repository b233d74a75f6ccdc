package io.wirestream.web;

import io.wirestream.schema.Alert;
import java.time.Instant;
import java.util.List;

/**
 * An alert as the page shows it: the rule that fired, the words it matched, and the whole dispatch.
 *
 * @param id the alert record's place, {@code topic:partition:offset}
 */
record AlertItem(String id, String ruleId, String ruleName, String query, String subject, List<String> terms,
        Instant firedAt, DispatchBody dispatch) {

    static AlertItem of(String id, Alert alert) {
        return new AlertItem(id, alert.getRuleId(), alert.getRuleName(), alert.getQuery(), alert.getSubject(),
                List.copyOf(alert.getTerms()), alert.getFiredAt(), DispatchBody.of(alert.getDispatch()));
    }
}
