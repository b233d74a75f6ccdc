package io.wirestream.classify;

import java.util.Objects;

/** One weighted query of a subject. Built only by {@link RulesLoader}, which validates it. */
public final class Rule {

    private final String id;
    private final double weight;
    private final String query;
    private final int minMatches;
    private final QueryNode node;

    Rule(String id, double weight, String query, int minMatches, QueryNode node) {
        this.id = Objects.requireNonNull(id);
        this.weight = weight;
        this.query = Objects.requireNonNull(query);
        this.minMatches = minMatches;
        this.node = Objects.requireNonNull(node);
    }

    public String id() {
        return id;
    }

    /** Added to the subject's score when the rule matches; negative for rules that argue against it. */
    public double weight() {
        return weight;
    }

    /** The query as written, in Lucene syntax. */
    public String query() {
        return query;
    }

    /** How many times the query must match before the rule counts: 3 for "mentioned at least three times". */
    public int minMatches() {
        return minMatches;
    }

    QueryNode node() {
        return node;
    }
}
