package io.wirestream.cli;

import io.wirestream.bench.Bench;
import io.wirestream.bench.BenchOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirestream bench}: throughput, latency and memory of the pipeline beside the broker's own limits. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Measures the pipeline end to end beside what the broker itself allows, in one run on one broker, and "
                    + "prints a table; writes the results into a Markdown report (a marked section of it, the rest is "
                    + "kept) and a PNG chart.",
            "",
            "Throughput: generated wire dispatches (2-4 KB, a fixed seed, about a third on a subject of the bundled "
                    + "rules) are written to an input topic, then processed from the start until every outcome is "
                    + "committed: by a plain copy to another topic with the pipeline's own client settings and "
                    + "commits (transactions under exactly-once), which is the limit, by the pipeline with exactly-once and with at-least-once, and by the "
                    + "pipeline with --alerts more queries. The pipeline is 'wirestream run' in a child process; its "
                    + "live heap (after a full GC, by jcmd), peak heap and peak RSS are reported.",
            "",
            "Latency: from sending a dispatch to its outcome being readable by a read_committed consumer, at each "
                    + "--rates, with exactly-once and at-least-once; beside it Kafka's own EndToEndLatency tool with "
                    + "the same record size.",
            "",
            "By default it starts an embedded broker and schema registry on free loopback ports, in a temporary "
                    + "directory removed afterwards, and takes seven to ten minutes on two cores. On a cluster "
                    + "(--bootstrap-servers) its topics are named wsbench-<id>.* and deleted at the end (schema registry subjects stay)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured and written", "1:a measurement failed (the logs of its processes are kept)",
            "2:invalid command line"})
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            description = "Kafka cluster to measure on. Default: an embedded broker.")
    private String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Schema registry to use. Default: an embedded one.")
    private String registryUrl;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file of the pipeline, as 'run --config' (kafka.* keys reach the pipeline's, the "
                    + "copy's and the bench's own clients): to measure a tuning.")
    private Path config;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Rules file of the pipeline, whose subjects' topics get the bench's prefix: to measure what "
                    + "a rules file costs. Default: the bundled rules.")
    private Path rules;

    @Option(names = "--count", paramLabel = "N", defaultValue = "100000",
            description = "Dispatches in each throughput run. Default: ${DEFAULT-VALUE}.")
    private int count;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "Partitions of every topic. Default: ${DEFAULT-VALUE}.")
    private int partitions;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the generated dispatches. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--rates", paramLabel = "N", split = ",", defaultValue = "100,1000",
            description = "Dispatches per second of the latency runs. Default: ${DEFAULT-VALUE}.")
    private List<Integer> rates;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "Start of each latency run not counted. Default: ${DEFAULT-VALUE}.")
    private Duration warmup;

    @Option(names = "--latency-duration", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Counted part of each latency run. Default: ${DEFAULT-VALUE}.")
    private Duration latencyDuration;

    @Option(names = "--round-trips", paramLabel = "N", defaultValue = "5000",
            description = "Records of Kafka's EndToEndLatency run. Default: ${DEFAULT-VALUE}.")
    private int roundTrips;

    @Option(names = "--alerts", paramLabel = "N", defaultValue = "10000",
            description = "Alert queries added to the bundled rules for the rules run; 0 skips it. "
                    + "Default: ${DEFAULT-VALUE}.")
    private int alerts;

    @Option(names = "--floors", description = "Also measure Kafka Streams copying the input with the pipeline's own "
            + "Streams settings, through no store, one and two (as the pipeline keeps): the floor of any Streams design "
            + "on this broker.")
    private boolean floors;

    @Option(names = "--report", paramLabel = "FILE", defaultValue = "docs/benchmarks.md",
            description = "Markdown file to write the results into. Default: ${DEFAULT-VALUE}.")
    private Path report;

    @Option(names = "--chart", paramLabel = "FILE",
            description = "PNG chart. Default: benchmarks.png beside the report.")
    private Path chart;

    @Option(names = "--no-report", description = "Print the table only; write no files.")
    private boolean noReport;

    @Option(names = "--note", paramLabel = "TEXT",
            description = "A word on the machine for the report, e.g. \"Shared with other builds.\"")
    private String note;

    @Option(names = "--app-jvm-option", paramLabel = "OPTION",
            description = "A JVM option of the pipeline's and the copy's processes, e.g. -Xmx256m; repeatable.")
    private List<String> appJvmOptions = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        BenchOptions options;
        try {
            Path chartFile = noReport ? null : chart != null ? chart
                    : report.toAbsolutePath().resolveSibling("benchmarks.png");
            options = new BenchOptions(bootstrapServers, registryUrl, config, rules, count, partitions, seed, rates, warmup,
                    latencyDuration, roundTrips, alerts, floors, noReport ? null : report, chartFile, note, appJvmOptions,
                    WirestreamCommand.class.getName());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            Bench.run(options, spec.commandLine().getOut());
            return 0;
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("bench stopped: " + e.getMessage());
            return 1;
        }
    }
}
