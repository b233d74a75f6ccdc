package io.wirestream.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wirestream} command line: one entry point, one subcommand per job. */
@Command(name = "wirestream",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Parses, classifies and routes news wire dispatches.",
        subcommands = {RunCommand.class, IngestCommand.class, DashboardCommand.class, BenchCommand.class, ReplayCommand.class,
            ReprocessCommand.class, TailCommand.class, ParseCommand.class, ClassifyCommand.class, RulesCommand.class,
            HealthCommand.class,
            CommandLine.HelpCommand.class})
public final class WirestreamCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Avro refuses to read SpecificRecord classes from packages it was not told to trust.
        if (System.getProperty(SERIALIZABLE_PACKAGES) == null) {
            System.setProperty(SERIALIZABLE_PACKAGES, "io.wirestream.schema");
        }
        System.exit(execute(args));
    }

    private static final String SERIALIZABLE_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";

    /** Runs the command line and returns its exit code; {@link #main} is the only caller of System.exit. */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    public static CommandLine newCommandLine() {
        // UTF-8 whatever the platform default: dispatches carry Korean names and typographic quotes.
        return new CommandLine(new WirestreamCommand())
                .setDefaultValueProvider(new GivenOptions())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }
}
