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
import java.util.TreeMap;
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
    private static final String DEFAULT_SOURCE = "default rules (" + DEFAULT_RESOURCE + ")";

    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Set<String> FILE_KEYS = Set.of("version", "words", "models", "subjects");
    private static final Set<String> SUBJECT_KEYS = Set.of("id", "topic", "description", "threshold", "rules",
            "languages");
    private static final Set<String> LANGUAGE_KEYS = Set.of("threshold", "rules", "model_weight");
    /** A language code as dispatches carry it: {@code ko}, {@code ja}. */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final ModelFiles modelFiles;
    private final List<RulesException.Problem> problems = new ArrayList<>();
    private final RuleReader reader = new RuleReader(problems);
    private final Map<String, String> topics = new HashMap<>();

    private RulesLoader(String source, ModelFiles modelFiles) {
        this.source = source;
        this.modelFiles = modelFiles;
    }

    public static RuleSet load(Path file) throws RulesException {
        Path directory = file.toAbsolutePath().getParent();
        return new RulesLoader(file.toString(), new ModelFiles(directory)).read(bytes(file));
    }

    public static RuleSet loadDefault() {
        try {
            return parse(defaultBytes(), DEFAULT_SOURCE);
        } catch (RulesException e) {
            throw new IllegalStateException("the bundled rules do not load: " + e.getMessage(), e);
        }
    }

    /** Loads {@code file}, or the bundled rules when it is null. */
    public static RuleSet loadOrDefault(Path file) throws RulesException {
        return file == null ? loadDefault() : load(file);
    }

    /**
     * Loads {@code file}, or the bundled rules when it is null, without the models they name: for learning a model
     * the rules will name, which may not exist yet. Their subjects' {@code model_weight}s count nothing.
     */
    public static RuleSet loadWithoutModels(Path file) throws RulesException {
        return file == null ? new RulesLoader(DEFAULT_SOURCE, null).read(defaultBytes())
                : new RulesLoader(file.toString(), null).read(bytes(file));
    }

    private static byte[] bytes(Path file) throws RulesException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RulesException(file.toString(), List.of(new RulesException.Problem("file", "cannot read: " + e)));
        }
    }

    /** The bundled rules' bytes; their absence or an unreadable jar is a broken build, not a user's mistake. */
    private static byte[] defaultBytes() {
        try (InputStream in = RulesLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("the bundled rules do not load: " + e.getMessage(), e);
        }
    }

    /** Reads rules from bytes; the models they name come from the jar. */
    public static RuleSet parse(byte[] yaml, String source) throws RulesException {
        return new RulesLoader(source, new ModelFiles(null)).read(yaml);
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
        ModelSection models = new ModelSection(reader, modelFiles);
        if (modelFiles != null) {
            models.read(root.get("models"));
            models.check(subjects);
        }
        if (!problems.isEmpty()) {
            throw new RulesException(source, problems);
        }
        return new RuleSet(subjects, source, digest(models.digestInput(yaml)), models.models());
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
        } else if (!RuleReader.ID.matcher(id).matches()) {
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
        double threshold = threshold(node, where);
        List<Rule> rules = rules(node, where, threshold);
        Map<String, Subject.Language> languages = languages(node.get("languages"), where);
        String description = text(node, "description");
        return new Subject(id == null ? "" : id, topic == null ? "" : topic, description == null ? "" : description,
                threshold, rules, languages);
    }

    /**
     * The rules a subject has for the dispatches of some languages, each with its threshold:
     * {@code languages: {ko: {threshold: 4, rules: [...]}}}.
     */
    private Map<String, Subject.Language> languages(JsonNode node, String subjectWhere) {
        Map<String, Subject.Language> languages = new TreeMap<>();
        if (node == null) {
            return languages;
        }
        if (!node.isObject() || node.isEmpty()) {
            problem(subjectWhere, "'languages' must map language codes (ko) to a threshold and rules");
            return languages;
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = node.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String where = subjectWhere + " (" + entry.getKey() + ")";
            if (!LANGUAGE.matcher(entry.getKey()).matches()) {
                problem(where, "'" + entry.getKey() + "' is no language code: two or three lower-case letters, "
                        + "as dispatches carry them (ko, en)");
                continue;
            }
            if (!entry.getValue().isObject()) {
                problem(where, "expected a mapping with threshold and rules");
                continue;
            }
            unknownKeys(entry.getValue(), LANGUAGE_KEYS, where);
            double threshold = threshold(entry.getValue(), where);
            double modelWeight = ModelSection.weight(entry.getValue(), where, reader);
            // With a model, the rules need not reach the threshold alone.
            List<Rule> rules = rules(entry.getValue(), where, modelWeight > 0 ? 0 : threshold);
            languages.put(entry.getKey(), new Subject.Language(threshold, rules, modelWeight));
        }
        return languages;
    }

    private double threshold(JsonNode node, String where) {
        JsonNode thresholdNode = node.get("threshold");
        if (thresholdNode == null || !thresholdNode.isNumber() || !Double.isFinite(thresholdNode.asDouble())
                || thresholdNode.asDouble() <= 0) {
            problem(where, "threshold must be a number above 0");
            return 0;
        }
        return thresholdNode.asDouble();
    }

    /** The valid rules of {@code node}'s list, every problem noted; checks that they can reach the threshold. */
    private List<Rule> rules(JsonNode node, String where, double threshold) {
        JsonNode rulesNode = node.get("rules");
        List<Rule> rules = new ArrayList<>();
        if (rulesNode == null || !rulesNode.isArray() || rulesNode.isEmpty()) {
            problem(where, "'rules' must be a non-empty list");
            return rules;
        }
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
        return rules;
    }

    private Rule rule(JsonNode node, String subjectWhere, int index) {
        return reader.rule(node, subjectWhere, index);
    }

    private void unknownKeys(JsonNode node, Set<String> known, String where) {
        reader.unknownKeys(node, known, where);
    }

    private String text(JsonNode node, String key) {
        return reader.text(node, key);
    }

    private void problem(String where, String message) {
        reader.problem(where, message);
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
