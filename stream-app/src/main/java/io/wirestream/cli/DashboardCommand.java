package io.wirestream.cli;

import io.wirestream.config.WirestreamConfig;
import io.wirestream.runtime.App;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wirestream dashboard}: the dashboard alone, for a pipeline that runs elsewhere. */
@Command(name = "dashboard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Serves the dashboard for a wirestream pipeline that runs elsewhere: live columns of each subject, unrouted "
                    + "and dead letters, dispatches per minute, and users' alert rules, at http://127.0.0.1:8080 by "
                    + "default, with /metrics, /health and /ready. 'wirestream run' serves the same page itself; use "
                    + "this command to watch a pipeline from another machine or to keep the page up while the "
                    + "pipeline restarts.",
            "",
            "It needs the pipeline's cluster and registry (--bootstrap-servers, --schema-registry-url) and its "
                    + "settings: the same --config file, rules file and topic names. It counts the output topics with "
                    + "a small Kafka Streams app of its own, <application.id>-dashboard, keeping its state under "
                    + "--data-dir. Alert rules made here are written to the alert-rules topic, which the running "
                    + "pipeline reads. The options are those of 'run' but for the embedded services'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "130:stopped by Ctrl-C (143 for SIGTERM): a clean stop",
            "1:could not start (bad settings, unreachable services) or stopped on an error",
            "2:invalid command line"})
public final class DashboardCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions cluster;

    @Mixin
    private PipelineOptions pipeline;

    @Mixin
    private DashboardOptions dashboard;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        WirestreamConfig config = Loading.config(cluster, err);
        return config == null ? 1 : App.dashboard(config, spec.commandLine().getOut(), err);
    }
}
