package io.wirestream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.wirestream.classify.Evaluation;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RuleSet;
import io.wirestream.classify.RulesException;
import io.wirestream.classify.RulesLoader;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.format.FormatParser;
import io.wirestream.input.Timestamps;
import io.wirestream.schema.Dispatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirestream rules eval}: how well a rules file routes a labelled corpus, and what a change fixes or breaks. */
@Command(name = "eval",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Measures a rules file on labelled dispatches: per subject precision, recall and F1, which subject takes "
                    + "dispatches that belong to another (the confusion), what each rule contributed, and every "
                    + "misrouted dispatch with the rules that spoke.",
            "LABELLED files are .jsonl, one dispatch per line: {\"id\", \"text\" (or \"text_base64\"), \"topics\": "
                    + "[subject ids], \"received_at\" (optional, for the year of datelines)}.",
            "With --against, also compares the two rules files dispatch by dispatch: what the change fixes and what "
                    + "it breaks."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured (and every subject's F1 at least --min-f1)",
            "1:a subject's F1 is below --min-f1, or a file could not be read", "2:invalid command line"})
final class RulesEvalCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "LABELLED", arity = "1..*", description = "Labelled .jsonl files.")
    private List<Path> files;

    @Option(names = "--rules", paramLabel = "FILE", description = "The rules to measure. Default: the bundled rules.")
    private Path rulesFile;

    @Option(names = "--against", paramLabel = "FILE",
            description = "Rules to compare with (e.g. the ones in production), on the same corpus.")
    private Path againstFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (one object, for CI). Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Option(names = "--min-f1", paramLabel = "F1",
            description = "Exit with 1 when any subject's F1 (of --rules) is below this, e.g. 0.95.")
    private Double minF1;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleSet rules;
        RuleSet against;
        List<Evaluation.Case> cases;
        try {
            rules = RulesLoader.loadOrDefault(rulesFile);
            against = againstFile == null ? null : RulesLoader.load(againstFile);
            cases = read(files);
        } catch (RulesException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot read the corpus: " + e.getMessage());
            return 1;
        }
        Evaluation evaluation = Evaluation.of(cases, new RuleClassifier(rules), rules);
        Evaluation baseline = against == null ? null : Evaluation.of(cases, new RuleClassifier(against), against);
        EvalReport report = new EvalReport(rules, evaluation, against, baseline);
        if (format == Format.json) {
            out.println(json(report));
        } else {
            report.print(out);
        }
        out.flush();
        if (minF1 != null && evaluation.lowestF1() < minF1) {
            err.printf("a subject's F1 is below %.2f: %s%n", minF1, report.belowFloor(minF1));
            return 1;
        }
        return 0;
    }

    /** Reads the labelled lines of every file, parsing each dispatch as the pipeline would. */
    static List<Evaluation.Case> read(List<Path> files) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        FormatParser parser = new FormatParser();
        List<Evaluation.Case> cases = new ArrayList<>();
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int number = 0;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    number++;
                    if (!line.isBlank()) {
                        cases.add(labelled(mapper.readTree(line), parser, file + ":" + number));
                    }
                }
            }
        }
        return cases;
    }

    private static Evaluation.Case labelled(JsonNode node, FormatParser parser, String where) {
        JsonNode topics = node.get("topics");
        if (topics == null || !topics.isArray()) {
            throw new IllegalArgumentException(where + ": no \"topics\" array");
        }
        Set<String> expected = new TreeSet<>();
        topics.forEach(topic -> expected.add(topic.asText()));
        byte[] bytes;
        if (node.hasNonNull("text_base64")) {
            bytes = Base64.getDecoder().decode(node.get("text_base64").asText());
        } else if (node.hasNonNull("text")) {
            bytes = node.get("text").asText().getBytes(StandardCharsets.UTF_8);
        } else {
            throw new IllegalArgumentException(where + ": neither \"text\" nor \"text_base64\"");
        }
        Instant received = node.hasNonNull("received_at") ? Timestamps.parse(node.get("received_at").asText())
                : Instant.now();
        // A labelled line is one story, in any format; should it be a feed, its first item is the one labelled.
        List<Dispatch> dispatches = parser.parseAll(RawDispatch.of(bytes, received)).dispatches();
        String id = node.hasNonNull("id") ? node.get("id").asText() : where;
        return new Evaluation.Case(id, expected, dispatches.isEmpty() ? null : dispatches.get(0));
    }

    private static String json(EvalReport report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report.toJson());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
