package io.wirestream.bench;

import io.wirestream.classify.RuleSet;
import io.wirestream.classify.RulesException;
import io.wirestream.classify.RulesLoader;
import io.wirestream.classify.Subject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules file of one pipeline run: the bundled rules (or a given file), their topics under the run's prefix, and
 * optionally alert queries shared out among a few more subjects.
 *
 * @param file   where it was written
 * @param topics the subjects' topics, in file order
 */
record PipelineRules(Path file, List<String> topics) {

    private static final Pattern TOPIC = Pattern.compile("(?m)^(\\s+topic:\\s*)([^\\s#]+)");

    /**
     * Writes the rules of {@code source} (null: the bundled rules) to {@code file}; {@code alerts} queries in
     * {@code desks} extra subjects (none for 0).
     */
    static PipelineRules write(Path source, Path file, String topicPrefix, int alerts, int desks, long seed)
            throws IOException {
        String yaml;
        if (source != null) {
            yaml = Files.readString(source);
        } else {
            try (InputStream in = RulesLoader.class.getResourceAsStream(RulesLoader.DEFAULT_RESOURCE)) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        yaml = TOPIC.matcher(yaml).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + topicPrefix + m.group(2)));
        if (!yaml.endsWith("\n")) {
            yaml += "\n";
        }
        if (alerts > 0) {
            // The bundled file ends in its list of subjects, so more can follow.
            yaml += AlertQueries.asDesks(alerts, Math.min(desks, alerts), seed, topicPrefix);
        }
        Files.writeString(file, yaml);
        RuleSet rules;
        try {
            rules = RulesLoader.load(file);
        } catch (RulesException e) {
            throw new IllegalStateException("the bench's rules file " + file + " is invalid: " + e.getMessage(), e);
        }
        List<String> topics = rules.subjects().stream().map(Subject::topic).toList();
        if (!topics.stream().allMatch(t -> t.startsWith(topicPrefix))) {
            throw new IllegalStateException("the bench's rules file " + file + " writes outside its topics: " + topics);
        }
        return new PipelineRules(file, topics);
    }
}
