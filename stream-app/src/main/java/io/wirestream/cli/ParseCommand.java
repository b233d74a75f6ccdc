package io.wirestream.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.wirestream.dispatch.DispatchJson;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.input.InputRecord;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wirestream parse}: prints each input dispatch as one JSON object, parsed or dead-lettered. */
@Command(name = "parse",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Parses wire dispatches and prints one JSON object per dispatch on stdout.",
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

    @Mixin
    InputOptions inputs;

    @Override
    public Integer call() {
        Tally tally = new Tally();
        try (JsonLines out = new JsonLines(spec.commandLine().getOut())) {
            inputs.parseEach((record, result) -> {
                tally.read();
                out.write(json -> write(json, record, result, tally));
            });
        }
        tally.print(spec.commandLine().getErr(), PARSED, Tally.DEAD_LETTERED);
        return tally.any(UNREADABLE) ? 1 : 0;
    }

    private static void write(JsonGenerator json, InputRecord record, ParseResult result,
            Tally tally) throws IOException {
        String id = idOf(record, result);
        if (result == null) {
            DispatchJson.writeDeadLetter(json, id, record.origin(), UNREADABLE, record.error());
            tally.deadLetter(UNREADABLE);
            return;
        }
        DispatchJson.writeResult(json, id, record.origin(), result);
        if (result instanceof ParseResult.Failed failed) {
            tally.deadLetter(failed.reason().name());
        } else {
            tally.outcome(PARSED);
        }
    }

    /** The input's own id when it has one, else the content id (or, unread, where it came from). */
    static String idOf(InputRecord record, ParseResult result) {
        if (record.id() != null) {
            return record.id();
        }
        return result == null ? record.origin() : result.id();
    }
}
