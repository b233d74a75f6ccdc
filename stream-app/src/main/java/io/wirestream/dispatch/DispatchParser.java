package io.wirestream.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns the bytes of one wire dispatch in Yonhap's plain text into a {@link io.wirestream.schema.Dispatch}, or into
 * a reasoned failure. Implements the contract in {@code docs/parsing.md}. Thread-safe; never throws on any input.
 * The other delivery formats ({@code io.wirestream.format}) come here for the text inside their framing.
 */
public final class DispatchParser {

    static final int MAX_HEADLINE_CHARS = 300;

    private final ParserConfig config;

    public DispatchParser(ParserConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public DispatchParser() {
        this(ParserConfig.defaults());
    }

    public ParserConfig config() {
        return config;
    }

    /** Parses one dispatch. Every input yields exactly one result. */
    public ParseResult parse(RawDispatch raw) {
        ParseResult.Failed size = checkSize(raw);
        if (size != null) {
            return size;
        }
        return parseNormalized(NormalizedText.ofUtf8(raw.bytes()), raw, ProviderMeta.of(ProviderMeta.YONHAP_TEXT),
                false);
    }

    /**
     * The failure of an input that is empty or over the size limit, checked before any format is read; null when
     * its size is fine.
     */
    public ParseResult.Failed checkSize(RawDispatch raw) {
        int length = raw.bytes().length;
        if (length == 0) {
            return ParseResult.failure(raw, FailureReason.EMPTY, "no bytes");
        }
        if (length > config.maxBytes()) {
            return ParseResult.failure(raw, FailureReason.TOO_LARGE,
                    "at least " + length + " bytes, over the limit of " + config.maxBytes());
        }
        return null;
    }

    /**
     * Parses decoded dispatch text laid out as Yonhap's (headline line, notes and bylines, paragraphs, {@code (END)}):
     * the text that IPTC 7901 and ANPA 1312 carry between their control characters.
     *
     * @param meta           what the format said about the item, copied into the record
     * @param closedByFormat true when the format's framing ended the story, so that no {@code (END)} is no loss
     */
    public ParseResult parseText(String text, RawDispatch raw, ProviderMeta meta, boolean closedByFormat) {
        return parseNormalized(NormalizedText.of(text), raw, meta, closedByFormat);
    }

    private ParseResult parseNormalized(NormalizedText normalized, RawDispatch raw, ProviderMeta meta,
            boolean closedByFormat) {
        if (normalized.failure != null) {
            return ParseResult.failure(raw, normalized.failure, normalized.failureMessage);
        }
        return parseLines(normalized, raw, meta, closedByFormat);
    }

    private ParseResult parseLines(NormalizedText text, RawDispatch raw, ProviderMeta meta, boolean closedByFormat) {
        List<String> lines = text.lines;
        String first = lines.get(0);
        ParseResult.Failed notHeadline = headlineFailure(raw, first);
        if (notHeadline != null) {
            return notHeadline;
        }
        boolean endOnHeadline = TextBody.endsWithEnd(first);
        String headlineLine = endOnHeadline ? TextBody.withoutEnd(first) : first;
        HeadlineTags head = HeadlineTags.parse(headlineLine);
        if (head.headline.isEmpty() && !endOnHeadline) {
            lines = withEditorialTitle(lines, head);
            if (lines != text.lines) {
                headlineLine = lines.get(0);
                ParseResult.Failed tooLong = headlineFailure(raw, headlineLine);
                if (tooLong != null) {
                    return tooLong;
                }
                head = HeadlineTags.parse(headlineLine);
            }
        }
        if (head.headline.isEmpty()) {
            return ParseResult.failure(raw, FailureReason.NO_HEADLINE, "the first line holds only tags: " + first);
        }
        TextBody body = endOnHeadline ? TextBody.closedAt(lines, 1) : TextBody.read(lines, 1);
        Story story = new Story(headlineLine, head, body, ContentHash.ofLines(lines, 0, body.storyEnd), meta);
        story.controlsRemoved = text.controlsRemoved;
        story.closedByFormat = closedByFormat;
        return story.finish(raw, config);
    }

    /**
     * An editorial reprint puts its tag on a line of its own and the title on the next one or two:
     * {@code (EDITORIAL from The Korea Herald on July 21)}, then {@code Time to act}. Returns the lines with the
     * tag and title joined into one headline line, as if received that way (so both layouts share their ids), or
     * {@code lines} itself when this is no such reprint.
     */
    private static List<String> withEditorialTitle(List<String> lines, HeadlineTags head) {
        if (WireKinds.editorialPaper(head.tags) == null) {
            return lines;
        }
        int titleEnd = WireKinds.editorialTitleEnd(lines, 1);
        if (titleEnd == 1) {
            return lines;
        }
        List<String> joined = new ArrayList<>(lines.size());
        joined.add(lines.get(0) + " " + String.join(" ", lines.subList(1, titleEnd)));
        joined.addAll(lines.subList(titleEnd, lines.size()));
        return joined;
    }

    /** Null when {@code first} can be a headline line; otherwise the failure saying why it cannot. */
    private static ParseResult.Failed headlineFailure(RawDispatch raw, String first) {
        if (isMarkup(first)) {
            return ParseResult.failure(raw, FailureReason.MARKUP,
                    "the input is markup (an HTML or XML page), not a dispatch");
        }
        if (first.length() > MAX_HEADLINE_CHARS) {
            return ParseResult.failure(raw, FailureReason.HEADLINE_TOO_LONG, "the first line has " + first.length()
                    + " characters; a headline line has at most " + MAX_HEADLINE_CHARS);
        }
        String why = notAHeadline(first);
        return why == null ? null : ParseResult.failure(raw, FailureReason.NO_HEADLINE, why);
    }

    /** Why a short, non-markup line cannot open a story, or null when it can. */
    static String notAHeadline(String line) {
        if (TextBody.isEnd(line)) {
            return "the input starts with " + line;
        }
        if (Bylines.names(line) != null) {
            return "the input starts with a byline; the headline is missing";
        }
        if (DatelineParser.startsWithFullDateline(line) || KoreanDateline.opens(line)) {
            return "the input starts with a dateline paragraph; the headline is missing";
        }
        return null;
    }

    private static boolean isMarkup(String line) {
        if (line.length() < 2 || line.charAt(0) != '<') {
            return false;
        }
        char c = line.charAt(1);
        return c == '!' || c == '?' || c == '/' || Character.isLetter(c);
    }
}
