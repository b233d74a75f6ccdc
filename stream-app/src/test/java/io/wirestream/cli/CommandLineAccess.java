package io.wirestream.cli;

import java.io.PrintWriter;

/** Runs the command line from tests in other packages, with output captured. */
public final class CommandLineAccess {

    private CommandLineAccess() {
    }

    public static int execute(PrintWriter out, String... args) {
        return WirestreamCommand.newCommandLine().setOut(out).setErr(out).execute(args);
    }
}
