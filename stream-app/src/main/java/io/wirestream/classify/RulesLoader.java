package io.wirestream.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and validates a rules file (YAML). Either every subject and rule is valid and a {@link RuleSet} comes
 * back, or a {@link RulesException} lists every problem, each with the id it concerns: nothing half-loads.
 */
public final class RulesLoader {

    /** The rules shipped in the jar. */
    public static final String DEFAULT_RESOURCE = "/rules/default-rules.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Set<String> FILE_KEYS = Set.of("version", "words", "subjects");
    private static final Set<String> SUBJECT_KEYS = Set.of("id", "topic", "description", "threshold", "rules");
    private static final Set<String> RULE_KEYS = Set.of("id", "weight", "field", "query", "min_matches", "note");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final List<RulesException.Problem> problems = new ArrayList<>();
    private final Map<String, String> ruleIds = new HashMap<>();
    private final Map<String, String> topics = new HashMap<>();

    private RulesLoader(String source) {
        this.source = source;
    }

    public static RuleSet load(Path file) throws RulesException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RulesException(file.toString(), List.of(new RulesException.Problem("file", "cannot read: " + e)));
        }
        return parse(bytes, file.toString());
    }

    public static RuleSet loadDefault() {
        try (InputStream in = RulesLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the jar");
            }
            return parse(in.readAllBytes(), "default rules (" + DEFAULT_RESOURCE + ")");
        } catch (IOException | RulesException e) {
            throw new IllegalStateException("the bundled rules do not load: " + e.getMessage(), e);
        }
    }

    /** Loads {@code file}, or the bundled rules when it is null. */
    public static RuleSet loadOrDefault(Path file) throws RulesException {
        return file == null ? loadDefault() : load(file);
    }

    public static RuleSet parse(byte[] yaml, String source) throws RulesException {
        return new RulesLoader(source).read(yaml);
    }

    private RuleSet read(byte[] yaml) throws RulesException {
        JsonNode root;
        try {
            // SnakeYAML resolves anchors and aliases, so word lists can be named once and shared.
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Object tree = new Yaml(new SafeConstructor(options)).load(new String(yaml, StandardCharsets.UTF_8));
            root = JSON.valueToTree(tree);
        } catch (YAMLException | IllegalArgumentException e) {
            throw failure("file", "not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        if (root == null || !root.isObject()) {
            throw failure("file", "expected a mapping with a 'subjects' list");
        }
        unknownKeys(root, FILE_KEYS, "file");
        JsonNode version = root.get("version");
        if (version != null && !(version.isInt() && version.asInt() == 1)) {
            throw failure("file", "version must be 1 (the only format there is), was " + version);
        }
        JsonNode subjectsNode = root.get("subjects");
        if (subjectsNode == null || !subjectsNode.isArray() || subjectsNode.isEmpty()) {
            throw failure("file", "'subjects' must be a non-empty list");
        }
        List<Subject> subjects = new ArrayList<>();
        Map<String, Integer> subjectIds = new HashMap<>();
        int index = 0;
        for (JsonNode node : subjectsNode) {
            index++;
            Subject subject = subject(node, index);
            if (subject != null) {
                if (subjectIds.putIfAbsent(subject.id(), index) != null) {
                    problem("subject " + subject.id(), "duplicate subject id (also subject #" + subjectIds.get(subject.id()) + ")");
                }
                subjects.add(subject);
            }
        }
        if (!problems.isEmpty()) {
            throw new RulesException(source, problems);
        }
        return new RuleSet(subjects, source, digest(yaml));
    }

    private Subject subject(JsonNode node, int index) {
        if (!node.isObject()) {
            problem("subject #" + index, "expected a mapping with id, topic, threshold and rules");
            return null;
        }
        String id = text(node, "id");
        String where = id == null ? "subject #" + index : "subject " + id;
        unknownKeys(node, SUBJECT_KEYS, where);
        if (id == null) {
            problem(where, "missing id");
        } else if (!ID.matcher(id).matches()) {
            problem(where, "id must be lower-case letters, digits, '.', '_' or '-'");
        }
        String topic = text(node, "topic");
        if (topic == null) {
            problem(where, "missing topic");
        } else if (!TOPIC.matcher(topic).matches()) {
            problem(where, "topic '" + topic + "' is not a valid Kafka topic name");
        } else if (topics.putIfAbsent(topic, where) != null) {
            problem(where, "topic '" + topic + "' is already the topic of " + topics.get(topic));
        }
        JsonNode thresholdNode = node.get("threshold");
        double threshold = 0;
        if (thresholdNode == null || !thresholdNode.isNumber() || !Double.isFinite(thresholdNode.asDouble())
                || thresholdNode.asDouble() <= 0) {
            problem(where, "threshold must be a number above 0");
        } else {
            threshold = thresholdNode.asDouble();
        }
        JsonNode rulesNode = node.get("rules");
        List<Rule> rules = new ArrayList<>();
        if (rulesNode == null || !rulesNode.isArray() || rulesNode.isEmpty()) {
            problem(where, "'rules' must be a non-empty list");
        } else {
            int ruleIndex = 0;
            for (JsonNode ruleNode : rulesNode) {
                Rule rule = rule(ruleNode, where, ++ruleIndex);
                if (rule != null) {
                    rules.add(rule);
                }
            }
            double reachable = rules.stream().mapToDouble(Rule::weight).filter(w -> w > 0).sum();
            if (threshold > 0 && rules.size() == rulesNode.size() && reachable < threshold) {
                problem(where, "its positive weights add up to " + reachable + ", below the threshold "
                        + threshold + ": no dispatch could ever reach it");
            }
        }
        String description = text(node, "description");
        return new Subject(id == null ? "" : id, topic == null ? "" : topic, description == null ? "" : description,
                threshold, rules);
    }

    private Rule rule(JsonNode node, String subjectWhere, int index) {
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

    private void unknownKeys(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(where, "unknown key '" + name + "' (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    /** A string value; YAML's other scalars ({@code yes}, {@code 0123}, dates) are not taken for strings. */
    private String text(JsonNode node, String key) {
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

    private void problem(String where, String message) {
        problems.add(new RulesException.Problem(where, message));
    }

    private RulesException failure(String where, String message) {
        problem(where, message);
        return new RulesException(source, problems);
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
