package io.wirestream.cli;

import io.wirestream.classify.RuleSet;
import io.wirestream.classify.RulesException;
import io.wirestream.classify.RulesLoader;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.runtime.Reprocessor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirestream reprocess}: re-routes kept input history with the current rules, as a bounded run. */
@Command(name = "reprocess",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Re-routes the raw-feed history that Kafka still keeps, from --from on, with the current rules: a separate, "
                    + "bounded run of the same topology under its own application id, which stops at the end offsets "
                    + "it saw when it started (or at --to).",
            "With --output-prefix it writes to side-by-side topics (e.g. v2.alliance, v2.unrouted, v2.raw-feed.dlq) so "
                    + "that old and new routing can be compared before switching; without one, into the live topics."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:bad rules, unreachable services, or the run failed", "2:invalid command line"})
final class ReprocessCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--from", paramLabel = "DATETIME", required = true, converter = InstantConverter.class,
            description = "Re-route input records with timestamps at or after this time (ISO-8601).")
    private Instant from;

    @Option(names = "--to", paramLabel = "DATETIME", converter = InstantConverter.class,
            description = "Stop before records with timestamps at or after this time. Default: the end at start.")
    private Instant to;

    @Option(names = "--output-prefix", paramLabel = "PREFIX", defaultValue = "",
            description = "Prefix of the output topics, e.g. 'v2.'. Default: none (the live topics).")
    private String prefix;

    @Option(names = "--rules", paramLabel = "FILE", descriptionKey = "rules",
            description = "Rules file. Default: the bundled rules.")
    private Path rules;

    @Option(names = "--input-topic", paramLabel = "TOPIC", descriptionKey = "topic.input",
            description = "Raw dispatches. Default: ${DEFAULT-VALUE}.")
    private String inputTopic;

    @Option(names = "--application-id", paramLabel = "ID",
            description = "Application id of the run (its consumer group and state). Default: wirestream-reprocess-"
                    + "<seconds since 1970>.")
    private String applicationId;

    @Option(names = "--data-dir", paramLabel = "DIR", descriptionKey = "data.dir",
            description = "Where the run keeps its state. Default: ${DEFAULT-VALUE}.")
    private Path dataDir;

    @Override
    public Integer call() {
        WirestreamConfig loaded = Loading.config(cluster, spec.commandLine().getErr());
        if (loaded == null) {
            return 1;
        }
        RuleSet ruleSet;
        try {
            ruleSet = RulesLoader.loadOrDefault(loaded.rules());
        } catch (RulesException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        // Its own application id, so that its consumer group and state stay apart from the live pipeline's.
        WirestreamConfig config = loaded.withApplicationId(applicationId != null ? applicationId
                : "wirestream-reprocess-" + Instant.now().getEpochSecond());
        try {
            Reprocessor.Summary summary = Reprocessor.run(config, ruleSet, prefix, from, to,
                    spec.commandLine().getOut());
            spec.commandLine().getOut().printf("done: %,d records re-routed into %s%n", summary.records(),
                    summary.outputTopics());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("reprocess stopped: " + e.getMessage());
            return 1;
        }
    }
}
