package io.wirestream.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.dispatch.DispatchJson;
import io.wirestream.kafka.TopicReader;
import io.wirestream.registry.AvroDeserializer;
import io.wirestream.schema.Dispatch;
import io.wirestream.topology.DeadLetterHeaders;
import io.wirestream.topology.DeadLetterView;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirestream tail}: prints the dispatches of a topic, from a point in time, and optionally follows it. */
@Command(name = "tail",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Prints the dispatches of an output topic (a subject's, unrouted) decoded through the schema registry, "
                    + "one per line; or, for the dead-letter topic, each record's reason and original text.",
            "By default it prints the last 10 records and stops; --from or --from-beginning choose where to "
                    + "start, and --follow keeps printing new records until Ctrl-C. Only committed records "
                    + "are read (read_committed)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, or stopped by Ctrl-C", "1:the topic does not exist or cannot be read",
            "2:invalid command line"})
final class TailCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int LAST = 10;

    @Spec
    private CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(paramLabel = "TOPIC", description = "The topic to read, e.g. north-korea or raw-feed.dlq.")
    private String topic;

    static final class Start {
        @Option(names = "--from", paramLabel = "DATETIME", converter = InstantConverter.class,
                description = "Start at the first record with a timestamp at or after this time (ISO-8601, e.g. "
                        + "2024-10-04T00:00:00Z or 2024-10-04). Record timestamps are publish times.")
        Instant from;

        @Option(names = "--from-beginning", description = "Start at the oldest record kept.")
        boolean fromBeginning;
    }

    @ArgGroup(exclusive = true)
    private Start start = new Start();

    @Option(names = "--follow", description = "Keep printing new records until Ctrl-C.")
    private boolean follow;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json (one object per line: topic, partition, offset, timestamp and the Dispatch fields) "
                    + "or text (time, status: killed, withheld, version, embargo; headline, subjects). "
                    + "Default: ${DEFAULT-VALUE}.")
    private Format format;

    enum Format { json, text }

    /** Set by the shutdown hook so that --follow stops cleanly on Ctrl-C. */
    private final AtomicBoolean stopping = new AtomicBoolean();

    @Override
    public Integer call() {
        WirestreamConfig settings = Loading.config(cluster, spec.commandLine().getErr());
        if (settings == null) {
            return 1;
        }
        AvroDeserializer<Dispatch> values = new AvroDeserializer<>(Dispatch.class);
        values.configure(settings.registryClientConfig(), false);
        PrintWriter out = spec.commandLine().getOut();
        try (TopicReader reader = TopicReader.open(settings.kafkaClientConfig(), "wirestream-tail");
                JsonLines json = new JsonLines(out)) {
            Map<TopicPartition, Long> ends;
            try {
                ends = reader.assign(List.of(topic), position());
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println("no topic '" + topic + "' at " + settings.bootstrapServersOrEmbedded());
                return 1;
            }
            Thread hook = new Thread(() -> {
                stopping.set(true);
                reader.wakeup();
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                read(reader, ends, values, json, out);
            } catch (WakeupException e) {
                // Ctrl-C while following.
            } finally {
                if (!stopping.get()) {
                    Runtime.getRuntime().removeShutdownHook(hook);
                }
            }
            return 0;
        }
    }

    private TopicReader.Position position() {
        return start.fromBeginning ? TopicReader.Position.beginning()
                : start.from != null ? TopicReader.Position.at(start.from) : TopicReader.Position.last(LAST);
    }

    private void read(TopicReader reader, Map<TopicPartition, Long> ends, AvroDeserializer<Dispatch> values,
            JsonLines json, PrintWriter out) {
        while (!stopping.get()) {
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(500))) {
                if (start.from != null && record.timestamp() < start.from.toEpochMilli()) {
                    continue;
                }
                print(record, values, json, out);
            }
            if (!follow && reader.reached(ends)) {
                return;
            }
        }
    }

    private void print(ConsumerRecord<byte[], byte[]> record, AvroDeserializer<Dispatch> values, JsonLines json,
            PrintWriter out) {
        boolean deadLetter = record.headers().lastHeader(DeadLetterHeaders.REASON) != null;
        DeadLetterView view = deadLetter ? DeadLetterView.of(record.headers(), record.value()) : null;
        Dispatch dispatch = deadLetter || record.value() == null ? null : values.deserialize(record.topic(), record.value());
        if (format == Format.text) {
            out.println(text(record, dispatch, view));
            out.flush();
            return;
        }
        json.write(g -> {
            g.writeStartObject();
            g.writeStringField("topic", record.topic());
            g.writeNumberField("partition", record.partition());
            g.writeNumberField("offset", record.offset());
            g.writeStringField("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
            if (dispatch != null) {
                DispatchJson.writeFields(g, dispatch);
            } else {
                writeDeadLetter(g, record, view);
            }
            g.writeEndObject();
        });
    }

    /** A dead letter (or a record that is none, e.g. on the wrong topic): why, and the original text whole. */
    private static void writeDeadLetter(JsonGenerator g, ConsumerRecord<byte[], byte[]> record, DeadLetterView view)
            throws IOException {
        g.writeStringField("reason", view == null ? null : view.reason());
        g.writeStringField("message", view == null ? null : view.message());
        g.writeStringField("text", record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
    }

    private static String text(ConsumerRecord<byte[], byte[]> record, Dispatch dispatch, DeadLetterView view) {
        String time = TIME.format(Instant.ofEpochMilli(record.timestamp()));
        if (dispatch == null) {
            String preview = view != null ? view.preview() : DeadLetterView.of(record.headers(), record.value()).preview();
            String firstLine = preview.lines().findFirst().orElse("");
            return time + "  [" + (view == null || view.reason() == null ? "?" : view.reason()) + "] " + firstLine;
        }
        String version = dispatch.getVersion() == 0 ? "" : dispatch.getVersion() == 1 ? "[LEAD] "
                : "[" + ordinal(dispatch.getVersion()) + " LD] ";
        String subjects = dispatch.getRouting() == null || dispatch.getRouting().getSubjects().isEmpty() ? ""
                : "  (" + String.join(", ", dispatch.getRouting().getSubjects()) + ")";
        return time + "  " + status(dispatch) + (dispatch.getUrgent() ? "[URGENT] " : "") + version
                + dispatch.getHeadline() + subjects;
    }

    /**
     * Where the dispatch is in its story's life, as tags: {@code [KILLED]} or {@code [WITHHELD]}, the provider's
     * version ({@code [v3]}), and an embargo ({@code [EMBARGOED until ...]}); empty for a plain usable one.
     */
    static String status(Dispatch dispatch) {
        StringBuilder status = new StringBuilder();
        String pubStatus = dispatch.getPubStatus();
        if (pubStatus != null && !pubStatus.equals("usable")) {
            status.append('[').append(pubStatus.equals("canceled") ? "KILLED" : pubStatus.toUpperCase(Locale.ROOT))
                    .append("] ");
        }
        if (dispatch.getProviderVersion() != null) {
            status.append("[v").append(dispatch.getProviderVersion()).append("] ");
        }
        if (dispatch.getEmbargoedUntil() != null) {
            status.append("[EMBARGOED until ").append(TIME.format(dispatch.getEmbargoedUntil())).append("] ");
        }
        return status.toString();
    }

    private static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
