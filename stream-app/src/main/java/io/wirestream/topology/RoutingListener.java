package io.wirestream.topology;

/**
 * Told of every record's fate as the topology decides it, for metrics. Called on stream threads, once per
 * processing attempt: under exactly-once, a transaction that aborts and is redone is counted again.
 */
public interface RoutingListener {

    /** What became of an input record. */
    enum Outcome { ROUTED, UNROUTED, DEAD_LETTER, DUPLICATE }

    RoutingListener NONE = new RoutingListener() {
    };

    /**
     * @param detail         the subject id for {@code ROUTED} (called once per subject), the reason code for
     *                       {@code DEAD_LETTER}, else null
     * @param inputTimestamp the input record's timestamp
     */
    default void outcome(Outcome outcome, String detail, long inputTimestamp) {
    }

    /** An alert rule matched a dispatch. */
    default void alert(String ruleId) {
    }

    /** The alerts of a dispatch could not be made (logged); its own outcome stands. */
    default void alertFailed() {
    }
}
