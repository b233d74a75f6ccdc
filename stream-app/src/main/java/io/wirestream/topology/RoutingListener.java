package io.wirestream.topology;

/**
 * Told of every record's fate as the topology decides it, for metrics. Called on stream threads, once per
 * processing attempt: under exactly-once, a transaction that aborts and is redone is counted again.
 */
public interface RoutingListener {

    /**
     * What became of an input record. A held one is told twice: {@code HELD} when it comes, then {@code RELEASED}
     * (once per subject), {@code STALE} or {@code CANCELED} when it leaves the hold. A kill is {@code CANCELED} once
     * per subject of its story.
     */
    enum Outcome { ROUTED, UNROUTED, DEAD_LETTER, DUPLICATE, STALE, HELD, RELEASED, CANCELED }

    RoutingListener NONE = new RoutingListener() {
    };

    /**
     * @param detail         the subject id for {@code ROUTED}, {@code RELEASED} and {@code CANCELED} (called once
     *                       per subject; null for none), the reason code for {@code DEAD_LETTER}, else null
     * @param inputTimestamp the input record's timestamp; for one leaving the hold, the time it left
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
