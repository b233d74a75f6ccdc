package io.wirestream.util;

import org.slf4j.Logger;

/** Stops things in order, so that one that fails to stop does not keep the others running. */
public final class Closing {

    private Closing() {
    }

    /**
     * Closes each of {@code closeables} in the order given, skipping nulls; a failure is logged on {@code log} with
     * the class of what failed to stop, and the rest are still closed.
     */
    public static void inOrder(Logger log, AutoCloseable... closeables) {
        for (AutoCloseable closeable : closeables) {
            if (closeable == null) {
                continue;
            }
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("while stopping {}: {}", closeable.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
