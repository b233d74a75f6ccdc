package io.wirestream.testing;

import java.time.Duration;

/** Polls a condition until it holds or a deadline passes: tests wait for what they need, never a fixed time. */
public final class Await {

    /** A check that may throw while the thing it waits for is not there yet. */
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} and the last error when time runs out. */
    public static void until(String what, Duration timeout, Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what + (last == null ? "" : " (last: " + last + ")"),
                        last);
            }
            Thread.sleep(200);
        }
    }
}
