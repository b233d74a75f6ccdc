package io.wirestream.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What every child JVM of wirestream's needs: the java to start it with, and a stop that always ends it. */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    /** The java binary of this JVM, so that children run on the same Java. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Stops {@code process} as Ctrl-C would (SIGTERM), then by force once {@code grace} has passed; first takes
     * away {@code reaper}, the shutdown hook that would otherwise kill it when this JVM ends.
     */
    public static void stop(Process process, Thread reaper, Duration grace) {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the reaper runs too, which is harmless.
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
