package io.wirestream.dispatch;

/**
 * Irregularities that do not stop parsing, recorded in {@code Dispatch.flags}. Declaration order is the
 * order in which they appear in a record.
 */
public enum Flag {
    /** Stray control characters were removed from the text. */
    CONTROL_CHARS_REMOVED,
    /** The first paragraph opens without a dateline. */
    MISSING_DATELINE,
    /** The dateline's month and day could not be resolved to a calendar date. */
    UNRESOLVED_DATE,
    /** An {@code (URGENT)} flash with no body. */
    HEADLINE_ONLY,
    /** The dispatch was not closed by {@code (END)}. */
    MISSING_END
}
