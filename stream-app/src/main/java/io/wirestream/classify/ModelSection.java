package io.wirestream.classify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A rules file's {@code models} section, {@code models: {ko: korean-model.tsv.gz}}, and the checks that tie it to
 * the subjects: a subject's language with a {@code model_weight} needs a model for that language that scores the
 * subject. Problems go to the rules file's list, like every other.
 */
final class ModelSection {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final RuleReader reader;
    private final ModelFiles files;
    private final Map<String, ModelFiles.Found> found = new TreeMap<>();

    ModelSection(RuleReader reader, ModelFiles files) {
        this.reader = reader;
        this.files = files;
    }

    /** A language section's {@code model_weight}: a number above 0, or 0 when it has none. */
    static double weight(JsonNode language, String where, RuleReader reader) {
        JsonNode node = language.get("model_weight");
        if (node == null) {
            return 0;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble()) || node.asDouble() <= 0) {
            reader.problem(where, "model_weight must be a number above 0 (leave it out to use no model)");
            return 0;
        }
        return node.asDouble();
    }

    void read(JsonNode node) {
        if (node == null) {
            return;
        }
        if (!node.isObject() || node.isEmpty()) {
            reader.problem("models", "'models' must map language codes (ko) to model files");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = node.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String where = "models (" + entry.getKey() + ")";
            if (!LANGUAGE.matcher(entry.getKey()).matches()) {
                reader.problem(where, "'" + entry.getKey() + "' is no language code: two or three lower-case letters");
            } else if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
                reader.problem(where, "expected the name of a model file");
            } else {
                load(entry.getKey(), entry.getValue().asText(), where);
            }
        }
    }

    private void load(String language, String name, String where) {
        try {
            ModelFiles.Found model = files.find(name);
            if (!model.model().language().equals(language)) {
                reader.problem(where, model.where() + " was trained on language '" + model.model().language()
                        + "', not '" + language + "'");
                return;
            }
            found.put(language, model);
        } catch (IOException e) {
            reader.problem(where, "cannot read the model: " + e.getMessage());
        }
    }

    /** The id under which a model's part in a subject's score is shown, like a rule's: {@code ko-alliance-model}. */
    static String ruleId(String language, String subject) {
        return language + "-" + subject + "-model";
    }

    /**
     * Every subject whose language section counts a model finds that model, the model scores the subject, and no
     * rule takes the id the model's part is shown under.
     */
    void check(List<Subject> subjects) {
        for (Subject subject : subjects) {
            subject.languages().forEach((language, section) -> {
                if (section.modelWeight() <= 0) {
                    return;
                }
                String where = "subject " + subject.id() + " (" + language + ")";
                ModelFiles.Found model = found.get(language);
                String id = ruleId(language, subject.id());
                if (subject.allRules().stream().anyMatch(rule -> rule.id().equals(id))) {
                    reader.problem(where, "the rule id '" + id + "' is kept for the model's part in the score");
                }
                if (model == null) {
                    reader.problem(where, "model_weight is set, but 'models' names no model for '" + language + "'");
                } else if (!model.model().subjects().contains(subject.id())) {
                    reader.problem(where, model.where() + " does not score '" + subject.id() + "'; it scores "
                            + model.model().subjects() + " (train one that does: wirestream rules train)");
                }
            });
        }
    }

    Map<String, TextModel> models() {
        Map<String, TextModel> models = new TreeMap<>();
        found.forEach((language, model) -> models.put(language, model.model()));
        return models;
    }

    /** The rules file's bytes, then each model's, so that a new model changes the rules digest. */
    byte[] digestInput(byte[] yaml) {
        if (found.isEmpty()) {
            return yaml;
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(yaml);
        found.values().forEach(model -> all.writeBytes(model.bytes()));
        return all.toByteArray();
    }
}
