package io.wirestream.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.wirestream.config.WirestreamConfig;
import java.io.IOException;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;

/** What the commands do alike before their own work: load the config, saying why not; turn up the log. */
final class Loading {

    private Loading() {
    }

    /** The config of every layer; null, after saying why on {@code err}, when a value is unusable. */
    static WirestreamConfig config(ClusterOptions cluster, PrintWriter err) {
        try {
            return cluster.load();
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot start: " + e.getMessage());
            err.flush();
            return null;
        }
    }

    /** {@code --verbose}: wirestream's own debug lines (the settings in effect, the topology) reach the console. */
    static void verbose() {
        if (LoggerFactory.getLogger("io.wirestream") instanceof Logger logger) {
            logger.setLevel(Level.DEBUG);
        }
    }
}
