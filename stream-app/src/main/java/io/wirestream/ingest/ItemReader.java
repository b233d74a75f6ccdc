package io.wirestream.ingest;

import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.ParserConfig;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.format.Format;
import io.wirestream.format.FormatParser;
import io.wirestream.format.FormatSniffer;
import io.wirestream.format.ParsedDocument;
import io.wirestream.schema.Dispatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Turns a fetched document into the items to send: its format recognised (or given), the document read whole by
 * the format layer (so that a malformed or hostile one is refused before anything is cut), cut into standalone
 * items, and each item read again on its own - as the pipeline will read it - for its id and version.
 */
final class ItemReader {

    /**
     * The items of a document, or why it has none.
     *
     * @param problem null when the document was read; else why not (malformed, in no format, empty, ...)
     */
    record Result(Format format, List<Item> items, String problem) {
    }

    private final FormatParser documents;
    private final FormatParser items;

    /**
     * @param maxDocumentBytes the largest document read whole (a response, a file)
     * @param config           how the pipeline parses an item, its size limit included
     */
    ItemReader(int maxDocumentBytes, ParserConfig config) {
        this.documents = new FormatParser(config.withMaxBytes(maxDocumentBytes));
        this.items = new FormatParser(config);
    }

    /**
     * @param format   the source's format; null to recognise it from the bytes
     * @param fallback an id for the n-th item (from 0) when it has none of its own; null to use its content hash
     */
    Result read(byte[] document, Format format, Instant fetchedAt, IntFunction<String> fallback) {
        FormatSniffer.Sniffed sniffed = FormatSniffer.sniff(document, format == null ? null : format.id());
        Format found = sniffed.format();
        List<ItemSplitter.Piece> pieces;
        try {
            if (isJson(document) && (format == null || format == Format.NINJS)) {
                // Lists of items are no ninjs document: Jackson reads and cuts them; each item is read below.
                found = Format.NINJS;
                pieces = JsonItems.split(document);
                if (sniffed.format() == null && pieces.size() == 1 && pieces.get(0).document() == document) {
                    return new Result(null, List.of(), sniffed.problem());
                }
            } else if (found == null) {
                return new Result(null, List.of(), sniffed.problem());
            } else {
                ParsedDocument whole = documents.parseAll(RawDispatch.of(document, fetchedAt), found.id());
                if (whole.itemCount() == 0) {
                    ParseResult.Failed failure = whole.failures().get(0);
                    return new Result(found, List.of(), failure.reason() + ": " + failure.message());
                }
                pieces = ItemSplitter.split(document, found);
            }
        } catch (XmlTags.Unreadable e) {
            return new Result(found, List.of(), e.getMessage());
        }
        if (pieces.isEmpty()) {
            return new Result(found, List.of(), "no items");
        }
        List<Item> result = new ArrayList<>();
        for (int n = 0; n < pieces.size(); n++) {
            result.add(item(pieces.get(n), found, fetchedAt, fallback == null ? null : fallback.apply(n)));
        }
        return new Result(found, result, null);
    }

    private static boolean isJson(byte[] document) {
        for (byte b : document) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    /** The whole document as one item, for a file the pipeline should dead-letter with its reason. */
    static Item whole(byte[] document, Format format, String id) {
        return new Item(id, format == null ? Format.YONHAP_TEXT : format, document, null, Item.sha256(document));
    }

    private Item item(ItemSplitter.Piece piece, Format format, Instant fetchedAt, String fallback) {
        byte[] document = piece.document();
        String hash = Item.sha256(document);
        String guid = null;
        String version = null;
        ParsedDocument parsed = items.parseAll(RawDispatch.of(document, fetchedAt), format.id());
        for (ParseResult result : parsed.results()) {
            if (result instanceof ParseResult.Parsed ok) {
                Dispatch dispatch = ok.dispatch();
                guid = dispatch.getGuid();
                version = dispatch.getProviderVersion();
                break;
            }
        }
        String id = guid != null && !guid.isBlank() ? guid.strip()
                : piece.link() != null ? piece.link()
                : fallback != null ? fallback : "sha256:" + hash;
        return new Item(Item.boundedId(id), format, document, version, hash);
    }
}
