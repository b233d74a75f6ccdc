package io.wirestream.dispatch;

/** Why an input could not be parsed as a dispatch. The rules: {@code docs/parsing.md}, {@code docs/formats.md}. */
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
    /** A headline with no paragraph that is not an {@code (URGENT)} flash, a flash-urgency item or a kill. */
    NO_BODY,
    /** XML that is not well-formed, or that declares entities: the message gives the parser's line and column. */
    MALFORMED_XML,
    /** JSON that is not well-formed or nests too deep: the message gives the parser's line and column. */
    MALFORMED_JSON,
    /** Bytes in no format wirestream reads (docs/formats.md), or a format hint naming none. */
    UNSUPPORTED_FORMAT,
    /** The items of a feed or message past the per-document limit: one failure accounts for all of them. */
    TOO_MANY_ITEMS
}
