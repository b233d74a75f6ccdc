package io.wirestream.format;

import io.wirestream.dispatch.ParseResult;
import io.wirestream.schema.Dispatch;
import java.util.List;
import java.util.Objects;

/**
 * Every fate of one input document. A story format gives one result; a feed or a newsMessage gives one per item.
 * The accounting holds exactly: {@code results} is one failure of the whole document (malformed, unsupported, too
 * large, or holding no items); or one result per item read, in document order, plus one {@code TOO_MANY_ITEMS}
 * failure when the document held more than {@link FormatParser#MAX_ITEMS_PER_DOCUMENT} items.
 *
 * @param format    the format the document was read as; null when it is in none, or was refused before sniffing
 * @param itemCount the items the document holds, those past the limit included; 0 when it failed as a whole
 * @param results   never empty
 */
public record ParsedDocument(Format format, int itemCount, List<ParseResult> results) {

    public ParsedDocument {
        results = List.copyOf(results);
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a document has at least one fate");
        }
    }

    /** The dispatches parsed, in document order. */
    public List<Dispatch> dispatches() {
        return results.stream().filter(ParseResult.Parsed.class::isInstance)
                .map(result -> ((ParseResult.Parsed) result).dispatch()).toList();
    }

    /** The failures, in document order. */
    public List<ParseResult.Failed> failures() {
        return results.stream().filter(ParseResult.Failed.class::isInstance).map(ParseResult.Failed.class::cast)
                .toList();
    }

    /** The only result of a single-story document; fails on a document of several. */
    public ParseResult single() {
        if (results.size() != 1) {
            throw new IllegalStateException(results.size() + " results, not one");
        }
        return Objects.requireNonNull(results.get(0));
    }
}
