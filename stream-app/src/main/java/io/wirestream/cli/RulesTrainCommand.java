package io.wirestream.cli;

import io.wirestream.classify.Evaluation;
import io.wirestream.classify.ModelTrainer;
import io.wirestream.classify.RuleSet;
import io.wirestream.classify.RulesException;
import io.wirestream.classify.RulesLoader;
import io.wirestream.classify.Subject;
import io.wirestream.classify.TextModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirestream rules train}: learns a model of one language from labelled dispatches, for a rules file. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Learns a model of one language's dispatches from labelled ones and writes it to a file that a rules "
                    + "file names under 'models'; each subject counts it by its 'model_weight' "
                    + "(docs/classification.md, \"The learned Korean model\").",
            "Only the dispatches of --language are learned from; every subject of --rules needs some in it and "
                    + "some out of it. LABELLED files are .jsonl as for 'rules eval'. The same files in the same "
                    + "order give the same model."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the model was written", "1:the corpus or the rules could not be read, they cannot teach "
                + "a subject, or the model could not be written", "2:invalid command line"})
final class RulesTrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "LABELLED", arity = "1..*", description = "Labelled .jsonl files.")
    private List<Path> files;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Where to write the model (gzipped text, e.g. korean-model.tsv.gz).")
    private Path out;

    @Option(names = "--language", paramLabel = "CODE", defaultValue = "ko",
            description = "The language to learn, as dispatches carry it. Default: ${DEFAULT-VALUE}.")
    private String language;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "The rules whose subjects to learn. Default: the bundled rules.")
    private Path rulesFile;

    @Option(names = "--c", paramLabel = "C", defaultValue = "" + ModelTrainer.DEFAULT_C,
            description = "How little the weights are held back (LIBLINEAR's C). Default: ${DEFAULT-VALUE}.")
    private double c;

    @Option(names = "--min-documents", paramLabel = "N", defaultValue = "" + ModelTrainer.DEFAULT_MIN_DOCUMENTS,
            description = "A piece of text must occur in this many training dispatches to be learned from. "
                    + "Default: ${DEFAULT-VALUE}.")
    private int minDocuments;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleSet rules;
        List<Evaluation.Case> cases;
        try {
            rules = RulesLoader.loadWithoutModels(rulesFile);
            cases = RulesEvalCommand.read(files);
        } catch (RulesException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot read the corpus: " + e.getMessage());
            return 1;
        }
        List<ModelTrainer.Example> examples = new ArrayList<>();
        for (Evaluation.Case labelled : cases) {
            if (labelled.dispatch() != null && language.equals(labelled.dispatch().getLanguage())) {
                examples.add(new ModelTrainer.Example(labelled.dispatch(), labelled.expected()));
            }
        }
        List<String> subjects = rules.subjects().stream().map(Subject::id).toList();
        TextModel model;
        try {
            model = ModelTrainer.train(language, subjects, examples, c, minDocuments);
        } catch (IllegalArgumentException e) {
            err.println("cannot learn from " + examples.size() + " dispatches of language '" + language + "' (of "
                    + cases.size() + " read): " + e.getMessage());
            return 1;
        }
        Path absolute = out.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try {
            try (OutputStream stream = Files.newOutputStream(partial)) {
                model.write(stream);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            err.println("cannot write " + out + ": " + e.getMessage());
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // The message above says what failed; a leftover .partial is only clutter.
            }
            return 1;
        }
        stdout.printf("learned from %d of %d dispatches (language %s), %,d pieces of text%n", examples.size(),
                cases.size(), language, model.pieces());
        for (String subject : subjects) {
            long in = examples.stream().filter(e -> e.subjects().contains(subject)).count();
            stdout.printf("  %-20s %5d in, %5d out%n", subject, in, examples.size() - in);
        }
        stdout.printf("wrote %s%n", out);
        stdout.flush();
        return 0;
    }
}
