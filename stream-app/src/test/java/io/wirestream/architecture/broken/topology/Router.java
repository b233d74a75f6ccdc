package io.wirestream.architecture.broken.topology;

import io.wirestream.architecture.broken.cli.Command;

/** Broken on purpose: the topology reaches up into the command line. */
public final class Router {

    public String route(Command command) {
        return command.name();
    }
}
