package io.wirestream.cli;

import io.wirestream.config.Durations;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.ingest.IngestStats;
import io.wirestream.ingest.Ingester;
import io.wirestream.ingest.Source;
import io.wirestream.ingest.SourcesFile;
import io.wirestream.metrics.Metrics;
import io.wirestream.runtime.Topics;
import io.wirestream.web.DashboardServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirestream ingest}: polls feeds, endpoints and drop folders into the input topic, each item once. */
@Command(name = "ingest",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Polls sources and sends each of their items to the input topic as its own record, once: a SOURCE is an "
                    + "http(s) URL (an RSS or Atom feed, or an endpoint answering one ninjs or NewsML-G2 item or a "
                    + "list of them) or a drop folder (each complete file once, and again when it changes).",
            "",
            "What was sent is kept in a compacted state topic, written in the same Kafka transaction as the items, "
                    + "so that a new process, another machine or a container without a volume sends nothing twice, "
                    + "and a crash loses or repeats nothing. A changed item (a new version, else new content) is sent "
                    + "again. Each record's key is the item's id; its headers wirestream.source, wirestream.format, "
                    + "wirestream.guid and wirestream.fetched-at.",
            "",
            "URLs are polled with conditional GETs, gzip, timeouts and a size limit; a failing source is retried "
                    + "with backoff (and after its Retry-After), and never stops the others. Without --once, "
                    + "/metrics, /health and /ready are served on the dashboard's address. See README.md, "
                    + "'Bring live feeds in'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:--once read every source (or stopped by Ctrl-C)",
            "1:a source could not be read (--once), or ingest could not start or was taken over",
            "2:invalid command line"})
final class IngestCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(paramLabel = "SOURCE", arity = "0..*",
            description = "http(s) URLs and drop folders, besides those of --sources.")
    private List<String> sources = List.of();

    @Option(names = "--once", description = "Poll every source once, then exit.")
    private boolean once;

    @Option(names = "--every", paramLabel = "DURATION", descriptionKey = "ingest.interval",
            description = "How often each source is polled, unless the sources file says otherwise for it: 30s, 5m, "
                    + "1h. Default: ${DEFAULT-VALUE}.")
    private String every;

    @Option(names = "--sources", paramLabel = "FILE", descriptionKey = "ingest.sources",
            description = "A sources file (YAML): per source its url or path, and optionally name, interval, format, "
                    + "auth (from environment variables) and done. See README.md.")
    private Path sourcesFile;

    @Option(names = "--move-done", description = "Move the files of the folders named here to their done/ "
            + "subfolder once their items are committed.")
    private boolean moveDone;

    @Option(names = "--input-topic", paramLabel = "TOPIC", descriptionKey = "topic.input",
            description = "Where items go. Default: ${DEFAULT-VALUE}.")
    private String inputTopic;

    @Option(names = "--state-topic", paramLabel = "TOPIC", descriptionKey = "ingest.state-topic",
            description = "The compacted topic of what was sent. Default: ${DEFAULT-VALUE}.")
    private String stateTopic;

    @Option(names = "--ingest-id", paramLabel = "ID", descriptionKey = "ingest.id",
            description = "The transactional id: one ingest runs with it at a time. Default: <application.id>-ingest.")
    private String ingestId;

    @Option(names = "--timeout", paramLabel = "DURATION", descriptionKey = "ingest.timeout",
            description = "The longest an HTTP exchange may take, body included. Default: ${DEFAULT-VALUE}.")
    private String timeout;

    @Option(names = "--max-response", paramLabel = "SIZE", descriptionKey = "ingest.max-response",
            description = "The largest response or file read. Default: ${DEFAULT-VALUE}.")
    private String maxResponse;

    @Option(names = "--settle", paramLabel = "DURATION", descriptionKey = "ingest.settle",
            description = "How long a drop-folder file must stay unchanged to count as complete. "
                    + "Default: ${DEFAULT-VALUE}.")
    private String settle;

    @Option(names = "--dashboard-bind", paramLabel = "ADDRESS", descriptionKey = "dashboard.bind",
            description = "Address of /metrics, /health and /ready. Default: ${DEFAULT-VALUE}.")
    private String httpBind;

    @Option(names = "--dashboard-port", paramLabel = "PORT", descriptionKey = "dashboard.port",
            description = "Port of /metrics, /health and /ready (another than run's, on the same machine). "
                    + "Default: ${DEFAULT-VALUE}.")
    private String httpPort;

    @Option(names = "--commit-delay", paramLabel = "DURATION", hidden = true, defaultValue = "0",
            description = "Waits this long between sending and committing each transaction: for crash tests only.")
    private String commitDelay;

    @Option(names = {"-v", "--verbose"}, description = "Also log the settings in effect and each poll.")
    private boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WirestreamConfig config = Loading.config(cluster, err);
        if (config == null) {
            return 1;
        }
        if (verbose) {
            Loading.verbose();
        }
        List<Source> watched;
        try {
            watched = SourcesFile.resolve(config.ingest(), sources, moveDone, System.getenv());
            ensureTopics(config);
        } catch (IOException | RuntimeException e) {
            err.println("cannot start: " + e.getMessage());
            return 1;
        }
        try (Ingester ingester = Ingester.open(config, watched, Durations.parse(commitDelay))) {
            return once ? once(ingester, out) : keepPolling(config, ingester, watched, out, err);
        } catch (IOException | RuntimeException e) {
            err.println("ingest stopped: " + e.getMessage());
            return 1;
        }
    }

    /** The input and state topics, made when missing (the state compacted). */
    static void ensureTopics(WirestreamConfig config) throws InterruptedException {
        String state = config.ingest().stateTopic();
        Topics.ensure(config.kafkaClientConfig(), List.of(config.topics().input(), state), Set.of(state),
                Topics.Layout.of(config.topics()));
    }

    private static int once(Ingester ingester, PrintWriter out) throws InterruptedException {
        boolean all = ingester.once();
        for (IngestStats.SourceStatus status : ingester.stats().snapshot()) {
            out.printf("%s: %s%n", status.name(), status.lastError() == null
                    ? status.itemsSent() + " items sent" : "not read: " + status.lastError());
        }
        out.flush();
        return all ? 0 : 1;
    }

    private static int keepPolling(WirestreamConfig config, Ingester ingester, List<Source> watched, PrintWriter out,
            PrintWriter err) throws IOException, InterruptedException {
        try (Metrics metrics = new Metrics()) {
            metrics.bindIngest(ingester.stats());
            DashboardServer server = new DashboardServer(config.dashboard(), config.ingest().transactionalId(),
                    backend(ingester), metrics, null, null).start();
            Thread hook = new Thread(ingester::close, "wirestream-ingest-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                ingester.start();
                out.printf("wirestream is ingesting %d sources into %s (state in %s)%n  metrics, health: %smetrics%n"
                        + "Ctrl-C to stop.%n", watched.size(), config.topics().input(), config.ingest().stateTopic(),
                        server.url());
                out.flush();
                ingester.awaitStop();
            } finally {
                server.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // Shutting down: the hook closes the ingester.
                }
            }
        }
        if (ingester.failure() != null) {
            err.println("ingest stopped: " + ingester.failure().getMessage());
            return 1;
        }
        return 0;
    }

    /** /health and /ready of an ingest: alive and ready while it polls. */
    private static DashboardServer.Backend backend(Ingester ingester) {
        return new DashboardServer.Backend() {
            @Override
            public boolean ready() {
                return ingester.failure() == null;
            }

            @Override
            public boolean alive() {
                return ingester.failure() == null;
            }

            @Override
            public String state() {
                return ingester.failure() == null ? "INGESTING" : "STOPPED";
            }

            @Override
            public Map<String, Map<Instant, Long>> counts(Instant from, Instant to) {
                throw new IllegalStateException("an ingest counts no dispatches");
            }
        };
    }
}
