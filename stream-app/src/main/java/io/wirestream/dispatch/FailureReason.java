package io.wirestream.dispatch;

/** Why an input could not be parsed as a dispatch. The rules are in {@code docs/parsing.md}. */
public enum FailureReason {
    /** No bytes, or only whitespace. */
    EMPTY,
    /** Larger than the configured size limit. */
    TOO_LARGE,
    /** Not valid UTF-8. */
    INVALID_UTF8,
    /** NUL characters or many control characters: not text. */
    BINARY,
    /** An HTML or XML page rather than a dispatch. */
    MARKUP,
    /** The first line is not a headline: only tags, a dateline, a byline or {@code (END)}. */
    NO_HEADLINE,
    /** The first line is too long to be a headline. */
    HEADLINE_TOO_LONG,
    /** A headline with no paragraph that is not an {@code (URGENT)} flash. */
    NO_BODY
}
