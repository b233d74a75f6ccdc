package io.wirestream.cli;

import io.wirestream.classify.RuleSet;
import io.wirestream.classify.RulesException;
import io.wirestream.classify.RulesLoader;
import io.wirestream.config.Settings;
import io.wirestream.runtime.Reprocessor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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

    @Option(names = "--rules", paramLabel = "FILE", description = "Rules file. Default: the bundled rules.")
    private Path rules;

    @Option(names = "--input-topic", paramLabel = "TOPIC", defaultValue = "raw-feed",
            description = "Raw dispatches. Default: ${DEFAULT-VALUE}.")
    private String inputTopic;

    @Option(names = "--application-id", paramLabel = "ID",
            description = "Application id of the run (its consumer group and state). Default: wirestream-reprocess-"
                    + "<seconds since 1970>.")
    private String applicationId;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where the run keeps its state. Default: ${DEFAULT-VALUE}.")
    private Path dataDir;

    @Override
    public Integer call() {
        RuleSet ruleSet;
        try {
            ruleSet = RulesLoader.loadOrDefault(rules);
        } catch (RulesException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        Map<String, String> cli = new HashMap<>();
        cli.put(Settings.BOOTSTRAP_SERVERS, cluster.bootstrapServers);
        cli.put(Settings.SCHEMA_REGISTRY_URL, cluster.registryUrl);
        cli.put(Settings.APPLICATION_ID, applicationId != null ? applicationId
                : "wirestream-reprocess-" + Instant.now().getEpochSecond());
        cli.put(Settings.INPUT_TOPIC, inputTopic);
        cli.put(Settings.DATA_DIR, dataDir.toString());
        try {
            Settings settings = Settings.resolve(null, System.getenv(), cli);
            Reprocessor.Summary summary = Reprocessor.run(settings, ruleSet, prefix, from, to,
                    spec.commandLine().getOut());
            spec.commandLine().getOut().printf("done: %,d records re-routed into %s%n", summary.records(),
                    summary.outputTopics());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (java.io.IOException | RuntimeException e) {
            spec.commandLine().getErr().println("reprocess stopped: " + e.getMessage());
            return 1;
        }
    }
}
