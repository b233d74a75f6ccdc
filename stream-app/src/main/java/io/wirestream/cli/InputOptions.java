package io.wirestream.cli;

import io.wirestream.config.DataSize;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.ParserConfig;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.format.Format;
import io.wirestream.format.FormatParser;
import io.wirestream.input.DispatchInputs;
import io.wirestream.input.InputRecord;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The inputs shared by the commands that read dispatches ({@code parse}, {@code classify}), as a mixin. Each input
 * is read in its format (recognised from its bytes, or named by {@code --format}); a feed or a newsMessage gives
 * one result per item.
 */
final class InputOptions {

    /** What a command does with each input: {@code result} is null when the input could not be read. */
    interface Handler {
        void accept(InputRecord record, ParseResult result);
    }

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or directories to read; '-' (or no PATH) for stdin. A file holds one dispatch; "
                    + "a .jsonl file holds one per line (field 'text', or 'text_base64' for raw bytes; optional "
                    + "'id' and 'received_at'); either may be gzipped (.gz) or inside .zip, .tar.gz or .tgz "
                    + "archives; a directory is searched recursively for all of these.")
    private List<Path> paths = List.of();

    @Option(names = "--max-bytes", paramLabel = "SIZE", descriptionKey = "max.bytes",
            description = "Largest dispatch accepted (bytes, or 512KiB, 1MiB); larger ones are dead-lettered as "
                    + "TOO_LARGE. Default: ${DEFAULT-VALUE}.")
    private String maxBytes;

    @Option(names = "--received-at", paramLabel = "DATETIME", converter = InstantConverter.class,
            description = "Received time of every input, the reference for the year of datelines "
                    + "(ISO-8601, e.g. 2021-02-07T09:00:00+09:00). Default: the .jsonl field received_at, "
                    + "else the file's modification time, else now.")
    private Instant receivedAt;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Read every input as this format instead of recognising it from its bytes: yonhap-text, "
                    + "iptc7901, anpa1312, newsml-g2, nitf, ninjs, rss or atom (see docs/formats.md).")
    private String format;

    @Option(names = "--stdin-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "How stdin is read: 'text' (one dispatch) or 'jsonl'. Default: ${DEFAULT-VALUE}.")
    private StdinFormat stdinFormat;

    enum StdinFormat { text, jsonl }

    /** Where stdin is read from; tests put their own stream here. */
    InputStream stdin = System.in;

    /** Reads and parses every input, in order, handing each to {@code handler}. */
    void parseEach(Handler handler) {
        int maxBytes;
        try {
            maxBytes = DataSize.parse(this.maxBytes).toIntBytes();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ParameterException(spec.commandLine(), "--max-bytes: " + e.getMessage());
        }
        if (maxBytes <= 0) {
            throw new ParameterException(spec.commandLine(), "--max-bytes must be positive, was " + maxBytes);
        }
        if (format != null && Format.fromId(format) == null) {
            throw new ParameterException(spec.commandLine(), "--format must be one of " + Format.ids() + ", was '"
                    + format + "'");
        }
        FormatParser parser = new FormatParser(ParserConfig.defaults().withMaxBytes(maxBytes));
        new DispatchInputs(receivedAt, maxBytes).read(paths.isEmpty() ? List.of(DispatchInputs.STDIN) : paths, stdin,
                stdinFormat == StdinFormat.jsonl, record -> each(record, parser, handler));
    }

    /** Every item of one input, each with its own origin and id when the input holds several. */
    private void each(InputRecord record, FormatParser parser, Handler handler) {
        if (!record.readable()) {
            handler.accept(record, null);
            return;
        }
        List<ParseResult> results = parser.parseAll(RawDispatch.of(record.bytes(), record.receivedAt()), format)
                .results();
        for (int i = 0; i < results.size(); i++) {
            handler.accept(record.item(i, results.size()), results.get(i));
        }
    }
}
