package io.wirestream.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.ParserConfig;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.input.DispatchInputs;
import io.wirestream.input.InputRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wirestream parse}: prints each input dispatch as one JSON object, parsed or dead-lettered. */
@Command(name = "parse",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Parses wire dispatches and prints one JSON object per dispatch on stdout.",
            "",
            "Inputs: a file holds one dispatch; a .jsonl file holds one per line (field 'text', or "
                    + "'text_base64' for raw bytes; optional 'id' and 'received_at'); a directory is searched "
                    + "recursively for .txt and .jsonl files; with no PATH, or '-', stdin is read.",
            "",
            "Each object carries 'id' (the .jsonl id, else the content id), 'origin' and 'status': "
                    + "\"parsed\" with the Dispatch fields, or \"dead-letter\" with 'reason' and 'message'. "
                    + "A summary goes to stderr. The rules are in docs/parsing.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every input was read (dead letters included)",
            "1:some input could not be read (reported as dead letters with reason UNREADABLE_INPUT)",
            "2:invalid command line"})
final class ParseCommand implements Callable<Integer> {

    static final String UNREADABLE = "UNREADABLE_INPUT";
    private static final String PARSED = "parsed";

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories to read; '-' for stdin.")
    private List<Path> paths = List.of();

    @Option(names = "--max-bytes", paramLabel = "BYTES", defaultValue = "" + ParserConfig.DEFAULT_MAX_BYTES,
            description = "Largest dispatch accepted; larger ones are dead-lettered as TOO_LARGE. "
                    + "Default: ${DEFAULT-VALUE}.")
    private int maxBytes;

    @Option(names = "--received-at", paramLabel = "DATETIME", converter = InstantConverter.class,
            description = "Received time of every input, the reference for the year of datelines "
                    + "(ISO-8601, e.g. 2021-02-07T09:00:00+09:00). Default: the .jsonl field received_at, "
                    + "else the file's modification time, else now.")
    private Instant receivedAt;

    @Option(names = "--stdin-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "How stdin is read: 'text' (one dispatch) or 'jsonl'. Default: ${DEFAULT-VALUE}.")
    private StdinFormat stdinFormat;

    enum StdinFormat { text, jsonl }

    /** Replaced in tests. */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws IOException {
        if (maxBytes <= 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-bytes must be positive");
        }
        DispatchParser parser = new DispatchParser(ParserConfig.defaults().withMaxBytes(maxBytes));
        DispatchInputs inputs = new DispatchInputs(receivedAt, maxBytes);
        Summary summary = new Summary();
        PrintWriter out = spec.commandLine().getOut();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
            Consumer<InputRecord> sink = record -> summary.count(write(json, record, parser));
            inputs.read(paths.isEmpty() ? List.of(DispatchInputs.STDIN) : paths, stdin,
                    stdinFormat == StdinFormat.jsonl, sink);
            json.writeRaw('\n');
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        summary.print(spec.commandLine().getErr());
        return summary.outcomes.containsKey(UNREADABLE) ? 1 : 0;
    }

    /** Parses and prints one record; returns its outcome: "parsed" or the dead-letter reason. */
    private static String write(JsonGenerator json, InputRecord record, DispatchParser parser) {
        try {
            String outcome;
            if (!record.readable()) {
                DispatchJson.writeDeadLetter(json, record.id() != null ? record.id() : record.origin(),
                        record.origin(), UNREADABLE, record.error());
                outcome = UNREADABLE;
            } else {
                ParseResult result = parser.parse(RawDispatch.of(record.bytes(), record.receivedAt()));
                DispatchJson.writeResult(json, record.id() != null ? record.id() : result.id(), record.origin(), result);
                outcome = result instanceof ParseResult.Failed failed ? failed.reason().name() : PARSED;
            }
            json.flush();
            return outcome;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts per outcome for the closing line on stderr. */
    private static final class Summary {
        final Map<String, Integer> outcomes = new TreeMap<>();

        void count(String outcome) {
            outcomes.merge(outcome, 1, Integer::sum);
        }

        void print(PrintWriter err) {
            int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
            int parsed = outcomes.getOrDefault(PARSED, 0);
            StringBuilder line = new StringBuilder()
                    .append(total).append(" read, ").append(parsed).append(" parsed, ")
                    .append(total - parsed).append(" dead-lettered");
            String reasons = outcomes.entrySet().stream()
                    .filter(e -> !e.getKey().equals(PARSED))
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            if (!reasons.isEmpty()) {
                line.append(" (").append(reasons).append(')');
            }
            err.println(line);
            err.flush();
        }
    }
}
