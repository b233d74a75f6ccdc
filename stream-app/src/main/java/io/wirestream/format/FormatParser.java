package io.wirestream.format;

import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.FailureReason;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.ParserConfig;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.dispatch.StoryAssembler;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The format layer's front: recognizes the format of one input record (or takes it from a hint) and reads every
 * item in it into a dispatch or a reasoned failure. Plain Java, no Kafka; thread-safe; never throws on input. The
 * rules, per format, are in {@code docs/formats.md}.
 */
public final class FormatParser {

    /**
     * Items read from one document at most. A wire feed or newsMessage carries tens of items; a thousand bounds the
     * work and the output of one record, and what lies past it is accounted for by one failure, not dropped.
     */
    public static final int MAX_ITEMS_PER_DOCUMENT = 1_000;

    private final DispatchParser textParser;
    private final int maxItems;
    private final Map<Format, FormatReader> readers = new EnumMap<>(Format.class);

    public FormatParser(ParserConfig config) {
        this(config, MAX_ITEMS_PER_DOCUMENT);
    }

    public FormatParser() {
        this(ParserConfig.defaults());
    }

    /** With another item limit: for tests of the limit without building a thousand items. */
    FormatParser(ParserConfig config, int maxItems) {
        Objects.requireNonNull(config, "config");
        if (maxItems <= 0) {
            throw new IllegalArgumentException("maxItems must be positive, was " + maxItems);
        }
        this.textParser = new DispatchParser(config);
        this.maxItems = maxItems;
        StoryAssembler assembler = new StoryAssembler(config);
        readers.put(Format.YONHAP_TEXT, (raw, items) -> items.add(textParser.parse(raw)));
        readers.put(Format.IPTC7901, new Iptc7901Reader(textParser));
        readers.put(Format.ANPA1312, new Anpa1312Reader(textParser));
        readers.put(Format.NEWSML_G2, new NewsMlG2Reader(assembler));
        readers.put(Format.NITF, new NitfReader(assembler));
        readers.put(Format.NINJS, new NinjsReader(assembler));
        readers.put(Format.RSS, new FeedReader(assembler, Format.RSS, maxItems));
        readers.put(Format.ATOM, new FeedReader(assembler, Format.ATOM, maxItems));
    }

    /**
     * Reads every item of one input.
     *
     * @param raw  the record's bytes, received time and position
     * @param hint the record's {@code wirestream.format} header or {@code content-type}, or null: it overrides
     *             sniffing when it names a format
     */
    public ParsedDocument parseAll(RawDispatch raw, String hint) {
        ParseResult.Failed size = textParser.checkSize(raw);
        if (size != null) {
            return new ParsedDocument(null, 0, List.of(size));
        }
        FormatSniffer.Sniffed sniffed = FormatSniffer.sniff(raw.bytes(), hint);
        if (sniffed.format() == null) {
            return new ParsedDocument(null, 0,
                    List.of(ParseResult.failure(raw, FailureReason.UNSUPPORTED_FORMAT, sniffed.problem())));
        }
        Items items = new Items(raw, sniffed.format().id(), maxItems);
        readers.get(sniffed.format()).read(raw, items);
        return new ParsedDocument(sniffed.format(), items.itemCount(), items.results());
    }

    /** Reads every item of one input, its format sniffed from the bytes. */
    public ParsedDocument parseAll(RawDispatch raw) {
        return parseAll(raw, null);
    }
}
