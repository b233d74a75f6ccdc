package io.wirestream.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition, polling, until a deadline; then fails the test saying what did not happen. */
public final class Polling {

    private static final Duration POLL = Duration.ofMillis(200);

    private Polling() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        until(what, timeout, condition, () -> "");
    }

    /** {@code context} is added to the failure message: the state that helps to see why. */
    public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> context)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + context.get());
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
