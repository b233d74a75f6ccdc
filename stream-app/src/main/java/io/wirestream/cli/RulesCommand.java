package io.wirestream.cli;

import io.wirestream.classify.RuleSet;
import io.wirestream.classify.RulesException;
import io.wirestream.classify.RulesLoader;
import io.wirestream.classify.Subject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirestream rules}: checks a rules file, or prints the bundled one to start from. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Works with subject rules files (YAML): 'check' validates one, 'show' prints the bundled rules, "
                + "'eval' measures one on labelled dispatches, 'train' learns a language's model for one to count.",
        subcommands = {RulesCommand.Check.class, RulesCommand.Show.class, RulesEvalCommand.class,
            RulesTrainCommand.class})
final class RulesCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                "Validates a rules file: YAML structure, unknown keys, ids (unique, lower-case), topics (present, "
                        + "valid, not shared), thresholds, weights, and every query (Lucene syntax, known fields: "
                        + "headline, lead, top, body, text), and the learned models it names under 'models' (found "
                        + "beside the file, else bundled) with the subjects that count them.",
                "Prints each problem with the rule or subject it concerns, or a summary when the file is valid."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the file is valid", "1:the file has problems", "2:invalid command line"})
    static final class Check implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The rules file to check.")
        private Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                RuleSet rules = RulesLoader.load(file);
                out.printf("%s: valid, %d subjects, %d rules (digest %s)%n", file, rules.subjects().size(),
                        rules.ruleCount(), rules.digest());
                rules.models().forEach((language, model) -> out.printf("  model for %s: %s, %,d pieces of text, "
                        + "scores %s%n", language, model.source(), model.pieces(),
                        String.join(", ", model.subjects())));
                for (Subject subject : rules.subjects()) {
                    out.printf("  %-16s -> topic %-16s threshold %-5s %d rules%n", subject.id(), subject.topic(),
                            subject.threshold(), subject.rules().size());
                    subject.languages().forEach((language, own) -> out.printf(
                            "  %-16s    %-22s threshold %-5s %d rules%s%n", "", "language " + language,
                            own.threshold(), own.rules().size(), own.modelWeight() > 0
                                    ? ", + model log-odds x " + own.modelWeight() : ""));
                }
                return 0;
            } catch (RulesException e) {
                out.println(e.getMessage());
                return 1;
            } finally {
                out.flush();
            }
        }
    }

    @Command(name = "show",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = "Prints the bundled rules, to copy and edit: wirestream rules show > my-rules.yaml")
    static final class Show implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (InputStream in = RulesLoader.class.getResourceAsStream(RulesLoader.DEFAULT_RESOURCE)) {
                spec.commandLine().getOut().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
