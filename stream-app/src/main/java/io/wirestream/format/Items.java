package io.wirestream.format;

import io.wirestream.dispatch.FailureReason;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fates of the items of one document, kept to the per-document limit. Items past the limit are counted, not
 * read, and one {@code TOO_MANY_ITEMS} failure accounts for them all; a failure of the whole document replaces
 * everything, so that a document is never half delivered.
 */
final class Items {

    private final RawDispatch raw;
    private final String formatId;
    private final int limit;
    private final List<ParseResult> results = new ArrayList<>(1);
    private int count;
    private ParseResult.Failed whole;
    private String rawId;

    Items(RawDispatch raw, String formatId, int limit) {
        this.raw = raw;
        this.formatId = formatId;
        this.limit = limit;
    }

    /** The hash of the document's bytes, computed once: the base of every item failure's id. */
    String rawId() {
        if (rawId == null) {
            rawId = raw.rawId();
        }
        return rawId;
    }

    /** True while another item may be read; past the limit, items are only counted ({@link #skip}). */
    boolean accepting() {
        return count < limit && whole == null;
    }

    void add(ParseResult result) {
        count++;
        results.add(result);
    }

    /** Counts an item past the limit without reading it. */
    void skip() {
        count++;
    }

    /** The document as a whole failed: malformed, or not in its format. */
    void fail(ParseResult.Failed failure) {
        whole = failure;
    }

    boolean failed() {
        return whole != null;
    }

    /** The items the document holds, those past the limit included; 0 when the document failed as a whole. */
    int itemCount() {
        return whole != null ? 0 : count;
    }

    /**
     * The results: one failure of the whole document; or one per item read (an item's failure naming the item when
     * there are several) and, past the limit, one failure for the rest.
     */
    List<ParseResult> results() {
        if (whole != null) {
            return List.of(whole);
        }
        if (count == 0) {
            return List.of(new ParseResult.Failed(rawId(), FailureReason.EMPTY,
                    "the " + formatId + " document holds no items"));
        }
        if (count == 1) {
            return List.copyOf(results);
        }
        List<ParseResult> out = new ArrayList<>(results.size() + 1);
        for (int i = 0; i < results.size(); i++) {
            ParseResult result = results.get(i);
            out.add(result instanceof ParseResult.Failed failed ? failed.ofItem(i, count) : result);
        }
        if (count > results.size()) {
            out.add(new ParseResult.Failed(rawId(), FailureReason.TOO_MANY_ITEMS, String.format(Locale.ROOT,
                    "the document holds %,d items; the first %,d were read, items %,d to %,d were not: over the "
                            + "limit of %,d items per document. Split the document to read them.",
                    count, results.size(), results.size() + 1, count, limit)));
        }
        return out;
    }
}
