package io.wirestream.format;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * Work measured as the bytes a call allocates on its thread: a counter, not a clock, so that it does not depend on
 * what else the machine runs. Quadratic copying, unbounded buffering and building what is thrown away all show here.
 */
final class Work {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** The result of a call and the bytes it allocated. */
    record Measured<T>(T result, long allocatedBytes) {
    }

    private Work() {
    }

    static <T> Measured<T> measure(Supplier<T> call) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        T result = call.get();
        return new Measured<>(result, THREADS.getCurrentThreadAllocatedBytes() - before);
    }
}
