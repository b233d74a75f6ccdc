package io.wirestream.classify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one rule of a rules file for {@link RulesLoader}, noting every problem with the rule it concerns; also the
 * checks every part of the file shares (unknown keys, text values).
 */
final class RuleReader {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Set<String> RULE_KEYS = Set.of("id", "weight", "field", "query", "min_matches", "note");

    private final List<RulesException.Problem> problems;
    /** Rule ids are unique across the file, languages included: a decision names its rules by id. */
    private final Map<String, String> ruleIds = new HashMap<>();

    RuleReader(List<RulesException.Problem> problems) {
        this.problems = problems;
    }

    /** The rule, or null when it has a problem (noted). */
    Rule rule(JsonNode node, String subjectWhere, int index) {
        if (!node.isObject()) {
            problem(subjectWhere + ", rule #" + index, "expected a mapping with id, weight and query");
            return null;
        }
        String id = text(node, "id");
        String where = id == null ? subjectWhere + ", rule #" + index : "rule " + id;
        unknownKeys(node, RULE_KEYS, where);
        boolean valid = true;
        if (id == null) {
            problem(where, "missing id");
            valid = false;
        } else if (!ID.matcher(id).matches()) {
            problem(where, "id must be lower-case letters, digits, '.', '_' or '-'");
            valid = false;
        } else if (ruleIds.putIfAbsent(id, subjectWhere) != null) {
            problem(where, "duplicate rule id (also in " + ruleIds.get(id) + ")");
            valid = false;
        }
        double weight = 1;
        JsonNode weightNode = node.get("weight");
        if (weightNode != null) {
            if (!weightNode.isNumber() || !Double.isFinite(weightNode.asDouble()) || weightNode.asDouble() == 0) {
                problem(where, "weight must be a non-zero number");
                valid = false;
            } else {
                weight = weightNode.asDouble();
            }
        }
        int minMatches = 1;
        JsonNode minNode = node.get("min_matches");
        if (minNode != null) {
            if (!minNode.isInt() || minNode.asInt() < 1) {
                problem(where, "min_matches must be a whole number of at least 1");
                valid = false;
            } else {
                minMatches = minNode.asInt();
            }
        }
        Field field = Field.TEXT;
        String fieldName = text(node, "field");
        if (fieldName != null) {
            field = Field.fromQueryName(fieldName);
            if (field == null) {
                problem(where, "unknown field '" + fieldName + "' (fields: " + Field.names() + ")");
                valid = false;
            }
        }
        String query = text(node, "query");
        QueryNode compiled = null;
        if (query == null || query.isBlank()) {
            problem(where, "missing query");
            valid = false;
        } else {
            try {
                compiled = QueryCompiler.compile(query, field == null ? Field.TEXT : field);
            } catch (QueryCompiler.InvalidQueryException e) {
                problem(where, e.getMessage());
                valid = false;
            }
        }
        return valid ? new Rule(id, weight, query, minMatches, compiled) : null;
    }

    void unknownKeys(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(where, "unknown key '" + name + "' (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    /** A string value; YAML's other scalars ({@code yes}, {@code 0123}, dates) are not taken for strings. */
    String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problem(key, "'" + key + "' must be text (quote it), was " + value);
            return null;
        }
        return value.asText();
    }

    void problem(String where, String message) {
        problems.add(new RulesException.Problem(where, message));
    }
}
