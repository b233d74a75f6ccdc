package io.wirestream.cli;

import io.wirestream.config.WirestreamConfig;
import io.wirestream.format.Format;
import io.wirestream.replay.Rate;
import io.wirestream.replay.Replayer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirestream replay}: sends archived dispatches to the input topic with their original timestamps. */
@Command(name = "replay",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Replays archived dispatches into the input topic, each record stamped with the dispatch's own publish "
                    + "time (its dateline date, at the start of the day in Seoul), so that downstream windows and "
                    + "dashboards see the original timeline.",
            "",
            "Inputs: files (one dispatch each), .jsonl files (one per line: 'text' or 'text_base64', optional 'id' "
                    + "and 'received_at'), either gzipped (.gz), .zip and .tar.gz/.tgz archives of them, "
                    + "directories (searched recursively), or '-' for stdin. The year of a dateline comes from the "
                    + "line's received_at, else --year, else the file's modification time.",
            "",
            "Unparseable input is sent too: the pipeline dead-letters it with the reason. Replaying the same feed "
                    + "twice routes it once (the pipeline drops exact duplicates within its deduplication window). "
                    + "Ctrl-C stops cleanly; the summary says where."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:replayed (or stopped by Ctrl-C)", "1:the broker could not be reached or refused records",
            "2:invalid command line"})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, archives or directories; '-' for stdin.")
    private List<Path> paths;

    @Option(names = "--topic", paramLabel = "TOPIC", descriptionKey = "topic.input",
            description = "The input topic. Default: ${DEFAULT-VALUE}.")
    private String topic;

    @Option(names = "--rate", paramLabel = "RATE", defaultValue = "max",
            description = "max (as fast as the broker takes), N/s (e.g. 500/s), or xN (the feed's own cadence, "
                    + "from the timestamps, sped up N times, e.g. x60). Default: ${DEFAULT-VALUE}.")
    private String rate;

    @Option(names = "--from", paramLabel = "DATETIME", converter = InstantConverter.class,
            description = "Send only dispatches published at or after this time (ISO-8601).")
    private Instant from;

    @Option(names = "--to", paramLabel = "DATETIME", converter = InstantConverter.class,
            description = "Send only dispatches published before this time (ISO-8601).")
    private Instant to;

    @Option(names = "--year", paramLabel = "YYYY",
            description = "Year of the datelines of inputs that carry no received_at (instead of file times).")
    private Integer year;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "The format of every input (sent as the wirestream.format header, so the pipeline reads it as "
                    + "that): yonhap-text, iptc7901, anpa1312, newsml-g2, nitf, ninjs, rss or atom. Default: each "
                    + "input's format is recognised from its bytes.")
    private String format;

    @Option(names = "--dry-run", description = "Read, parse and count, but send nothing.")
    private boolean dryRun;

    @Option(names = "--max-bytes", paramLabel = "SIZE", descriptionKey = "max.bytes",
            description = "Largest dispatch read whole (bytes, or 512KiB, 1MiB); larger ones are sent cut to this plus "
                    + "one byte, for the pipeline to dead-letter as TOO_LARGE. Default: ${DEFAULT-VALUE}.")
    private String maxBytes;

    @Override
    public Integer call() {
        Rate parsedRate;
        try {
            parsedRate = Rate.parse(rate);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (format != null && Format.fromId(format) == null) {
            throw new ParameterException(spec.commandLine(), "--format must be one of " + Format.ids() + ", was '"
                    + format + "'");
        }
        PrintWriter err = spec.commandLine().getErr();
        WirestreamConfig config = Loading.config(cluster, err);
        if (config == null) {
            return 1;
        }
        Replayer replayer = new Replayer(new Replayer.Options(config.topics().input(), parsedRate, from, to, year,
                dryRun, config.limits().maxBytes().toIntBytes(), format));
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            replayer.stop();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "replay-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Replayer.Summary summary = replayer.run(paths, System.in, config.kafkaClientConfig(), err, System.console() != null);
            err.println((dryRun ? "dry run: " : "replay: ") + summary);
            err.flush();
            return 0;
        } catch (RuntimeException e) {
            err.println("replay stopped: " + e.getMessage());
            return 1;
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Shutting down: the hook waits for us.
            }
        }
    }
}
