package io.wirestream.architecture.broken.cli;

/** The top of the broken copy: nothing below may know it. */
public final class Command {

    public String name() {
        return "run";
    }
}
