package io.wirestream.dispatch;

import io.wirestream.schema.Dateline;
import io.wirestream.schema.Dispatch;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the bytes of one wire dispatch into a {@link Dispatch}, or into a reasoned failure. Implements the
 * contract in {@code docs/parsing.md}. Thread-safe; never throws on any input.
 */
public final class DispatchParser {

    static final int MAX_HEADLINE_CHARS = 300;
    private static final String END = "(END)";

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
        byte[] bytes = raw.bytes();
        if (bytes.length == 0) {
            return failed(bytes, FailureReason.EMPTY, "no bytes");
        }
        if (bytes.length > config.maxBytes()) {
            return failed(bytes, FailureReason.TOO_LARGE,
                    "at least " + bytes.length + " bytes, over the limit of " + config.maxBytes());
        }
        int invalid = Utf8.firstInvalidOffset(bytes);
        if (invalid >= 0) {
            return failed(bytes, FailureReason.INVALID_UTF8, String.format(Locale.ROOT,
                    "byte 0x%02X at offset %d is not valid UTF-8", bytes[invalid] & 0xFF, invalid));
        }
        NormalizedText text = NormalizedText.of(new String(bytes, StandardCharsets.UTF_8));
        if (text.failure != null) {
            return failed(bytes, text.failure, text.failureMessage);
        }
        return parseLines(bytes, text, raw);
    }

    private ParseResult parseLines(byte[] bytes, NormalizedText text, RawDispatch raw) {
        List<String> lines = text.lines;
        String first = lines.get(0);
        ParseResult.Failed notHeadline = headlineFailure(bytes, first);
        if (notHeadline != null) {
            return notHeadline;
        }
        boolean endOnHeadline = endsWithEnd(first);
        String headlineLine = endOnHeadline ? withoutEnd(first) : first;
        HeadlineTags head = HeadlineTags.parse(headlineLine);
        if (head.headline.isEmpty()) {
            return failed(bytes, FailureReason.NO_HEADLINE, "the first line holds only tags: " + first);
        }

        Dispatch dispatch = new Dispatch();
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (text.controlsRemoved) {
            flags.add(Flag.CONTROL_CHARS_REMOVED);
        }
        List<String> notes = new ArrayList<>(1);
        List<String> bylines = new ArrayList<>(2);
        int bodyStart = endOnHeadline ? lines.size() : readHeader(lines, notes, bylines);
        Body body = endOnHeadline ? Body.closedAt(lines, 1) : Body.read(lines, bodyStart);

        LocalDate date = null;
        if (!body.paragraphs.isEmpty()) {
            DatelineParser.Match dateline = DatelineParser.find(body.paragraphs.get(0));
            if (dateline == null) {
                flags.add(Flag.MISSING_DATELINE);
            } else {
                date = DatelineDates.resolve(dateline.month(), dateline.day(), raw.receivedAt(), config.agencyZone());
                if (dateline.month() != 0 && date == null) {
                    flags.add(Flag.UNRESOLVED_DATE);
                }
                dispatch.setDateline(toDateline(dateline, date));
                cutDateline(body.paragraphs, dateline.rest());
            }
        }
        if (body.paragraphs.isEmpty()) {
            if (!head.urgent) {
                return failed(bytes, FailureReason.NO_BODY,
                        "headline with no body; only (URGENT) flashes may be headline-only");
            }
            flags.add(Flag.HEADLINE_ONLY);
        }
        if (!body.endSeen) {
            flags.add(Flag.MISSING_END);
        }

        dispatch.setHeadlineRaw(headlineLine);
        dispatch.setHeadline(head.headline);
        dispatch.setTags(head.tags);
        dispatch.setVersion(head.version);
        dispatch.setUrgent(head.urgent);
        dispatch.setEditorNotes(notes);
        dispatch.setBylines(bylines);
        dispatch.setParagraphs(body.paragraphs);
        dispatch.setEmails(body.emails);
        dispatch.setEndSeen(body.endSeen);
        dispatch.setRelatedHeadlines(body.related);
        dispatch.setLanguage(Language.detect(head.headline, body.paragraphs));
        dispatch.setFlags(flagNames(flags));
        dispatch.setReceivedAt(raw.receivedAt());
        dispatch.setPublishedAt(DatelineDates.publishedAt(date, raw.receivedAt(), config.agencyZone()));
        dispatch.setSource(raw.source());
        dispatch.setContentId(ContentHash.ofLines(lines, 0, body.storyEnd));
        dispatch.setStoryKey(ContentHash.ofText(storyKeyText(head.headline)));
        return new ParseResult.Parsed(dispatch);
    }

    /** Reads editor's notes and bylines after the headline; returns the index of the first body line. */
    private static int readHeader(List<String> lines, List<String> notes, List<String> bylines) {
        int i = 1;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            List<String> names;
            if (isEditorNote(line)) {
                notes.add(line.substring(1, line.length() - 1).strip());
            } else if ((names = Bylines.names(line)) != null) {
                bylines.addAll(names);
            } else {
                break;
            }
        }
        return i;
    }

    /** The story's paragraphs and contacts, where it ended, and what a captured page listed after it. */
    private static final class Body {
        final List<String> paragraphs = new ArrayList<>(16);
        final List<String> emails = new ArrayList<>(1);
        final List<String> related = new ArrayList<>();
        boolean endSeen;
        /** Index of the first line after the story: the end of the text the content id covers. */
        int storyEnd;

        static Body read(List<String> lines, int start) {
            Body body = new Body();
            int i = start;
            for (; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.equalsIgnoreCase(END)) {
                    body.endSeen = true;
                    i++;
                    break;
                }
                if (line.equals("-")) {
                    break;
                }
                if (endsWithEnd(line)) {
                    body.add(withoutEnd(line));
                    body.endSeen = true;
                    i++;
                    break;
                }
                body.add(line);
            }
            body.storyEnd = i;
            body.readRelated(lines, i);
            return body;
        }

        /** A story that ended on its headline line: everything after it is the related list. */
        static Body closedAt(List<String> lines, int storyEnd) {
            Body body = new Body();
            body.endSeen = true;
            body.storyEnd = storyEnd;
            body.readRelated(lines, storyEnd);
            return body;
        }

        private void add(String line) {
            if (!line.isEmpty() && !Emails.addIfOnlyAddresses(line, emails)) {
                paragraphs.add(line);
            }
        }

        private void readRelated(List<String> lines, int from) {
            for (int i = from; i < lines.size(); i++) {
                if (!lines.get(i).equals("-")) {
                    related.add(lines.get(i));
                }
            }
        }
    }

    /** Null when {@code first} can be a headline line; otherwise the failure saying why it cannot. */
    private static ParseResult.Failed headlineFailure(byte[] bytes, String first) {
        if (isMarkup(first)) {
            return failed(bytes, FailureReason.MARKUP, "the input is markup (an HTML or XML page), not a dispatch");
        }
        if (first.length() > MAX_HEADLINE_CHARS) {
            return failed(bytes, FailureReason.HEADLINE_TOO_LONG, "the first line has " + first.length()
                    + " characters; a headline line has at most " + MAX_HEADLINE_CHARS);
        }
        if (first.equalsIgnoreCase(END)) {
            return failed(bytes, FailureReason.NO_HEADLINE, "the input starts with (END)");
        }
        if (Bylines.names(first) != null) {
            return failed(bytes, FailureReason.NO_HEADLINE, "the input starts with a byline; the headline is missing");
        }
        if (DatelineParser.startsWithFullDateline(first)) {
            return failed(bytes, FailureReason.NO_HEADLINE,
                    "the input starts with a dateline paragraph; the headline is missing");
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

    private static boolean isEditorNote(String line) {
        return line.length() > 2 && line.charAt(0) == '(' && line.charAt(line.length() - 1) == ')'
                && !line.equalsIgnoreCase(END);
    }

    /** A line closed by {@code (END)} after some text: {@code ... said Friday. (END)}. */
    private static boolean endsWithEnd(String line) {
        int at = line.length() - END.length();
        return at > 0 && line.regionMatches(true, at, END, 0, END.length());
    }

    private static String withoutEnd(String line) {
        return line.substring(0, line.length() - END.length()).strip();
    }

    private static void cutDateline(List<String> paragraphs, String rest) {
        if (rest.isEmpty()) {
            paragraphs.remove(0);
        } else {
            paragraphs.set(0, rest);
        }
    }

    private static Dateline toDateline(DatelineParser.Match match, LocalDate date) {
        Dateline dateline = new Dateline();
        dateline.setRaw(match.raw());
        dateline.setCity(match.city());
        dateline.setCountry(match.country());
        dateline.setMonth(match.month() == 0 ? null : match.month());
        dateline.setDay(match.month() == 0 ? null : match.day());
        dateline.setDate(date);
        dateline.setAgency(match.agency());
        return dateline;
    }

    private static List<String> flagNames(Set<Flag> flags) {
        List<String> names = new ArrayList<>(flags.size());
        for (Flag flag : flags) {
            names.add(flag.name());
        }
        return names;
    }

    /** Lower case, with every run of characters other than letters and digits made one space. */
    static String storyKeyText(String headline) {
        StringBuilder out = new StringBuilder(headline.length());
        boolean gap = false;
        for (int k = 0; k < headline.length(); k++) {
            char c = headline.charAt(k);
            if (Character.isLetterOrDigit(c)) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                gap = false;
                out.append(c);
            } else {
                gap = true;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static ParseResult.Failed failed(byte[] bytes, FailureReason reason, String message) {
        return new ParseResult.Failed(ContentHash.ofBytes(bytes), reason, message);
    }
}
