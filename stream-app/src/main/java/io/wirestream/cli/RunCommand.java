package io.wirestream.cli;

import io.wirestream.config.WirestreamConfig;
import io.wirestream.runtime.App;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirestream run}: the main job. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Routes dispatches: reads raw dispatches from the input topic, parses and classifies each, and writes an "
                    + "Avro Dispatch to each matched subject's topic, to the unrouted topic, or the original bytes to "
                    + "the dead-letter topic, exactly once.",
            "",
            "With no bootstrap servers it starts an embedded Kafka broker (data under --data-dir, so history "
                    + "survives restarts); with no schema registry URL an embedded Apicurio Registry (Confluent API, "
                    + "BACKWARD compatibility). Both listen on loopback and their addresses are printed. Ctrl-C stops "
                    + "everything cleanly.",
            "",
            "It serves the dashboard at http://127.0.0.1:8080/ (live columns per subject, dispatches per minute, "
                    + "users' alert rules, dead letters) with /metrics (Prometheus), /health and /ready; "
                    + "--no-dashboard keeps only the last three. See docs/dashboard.md.",
            "",
            "Settings are layered: defaults, then --config FILE (Java properties; kafka.* keys pass through to the Kafka "
                    + "clients, e.g. kafka.security.protocol=SASL_SSL; schema.registry.*, basic.auth.* and bearer.auth.* "
                    + "keys to the schema registry client), then WIRESTREAM_* environment variables (e.g. "
                    + "WIRESTREAM_BOOTSTRAP_SERVERS; the pass-through keys too, e.g. WIRESTREAM_KAFKA_SASL_JAAS_CONFIG, "
                    + "WIRESTREAM_BASIC_AUTH_USER_INFO), then these options."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:--demo-only finished with every sample accounted for as expected",
            "130:stopped by Ctrl-C (143 for SIGTERM): a clean stop",
            "1:could not start (bad rules, unreachable services), processing stopped on an error, or the demo's "
                    + "outcomes differed",
            "2:invalid command line"})
public final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    private PipelineOptions pipeline;

    @Mixin
    private EmbeddedOptions embedded;

    @Mixin
    private DashboardOptions dashboard;

    @Mixin
    private IngestOptions ingest;

    @Option(names = {"-v", "--verbose"}, description = "Also log the settings in effect and the topology.")
    private boolean verbose;

    @Option(names = "--demo", description = "Also feed the bundled sample dispatches and print how many land in each "
            + "topic; then keep running.")
    private boolean demo;

    @Option(names = "--demo-only", description = "Like --demo, then stop.")
    private boolean demoOnly;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        WirestreamConfig config = Loading.config(cluster, err);
        if (config == null) {
            return 1;
        }
        if (verbose) {
            Loading.verbose();
        }
        return App.run(config, demo || demoOnly, demoOnly, spec.commandLine().getOut(), err);
    }
}
