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
import java.util.regex.Pattern;

/**
 * Turns the bytes of one wire dispatch into a {@link Dispatch}, or into a reasoned failure. Implements the
 * contract in {@code docs/parsing.md}. Thread-safe; never throws on any input.
 */
public final class DispatchParser {

    static final int MAX_HEADLINE_CHARS = 300;
    static final int MAX_BYLINE_CHARS = 120;
    private static final String END = "(END)";
    private static final Pattern BYLINE_SEPARATOR = Pattern.compile(", and |, | and | & ");
    private static final Pattern EMAIL_SEPARATOR = Pattern.compile("[ ,;/]+");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}");

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
                    bytes.length + " bytes is over the limit of " + config.maxBytes());
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
        HeadlineTags head = HeadlineTags.parse(first);
        if (head.headline.isEmpty()) {
            return failed(bytes, FailureReason.NO_HEADLINE, "the first line holds only tags: " + first);
        }

        Dispatch dispatch = new Dispatch();
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (text.controlsRemoved) {
            flags.add(Flag.CONTROL_CHARS_REMOVED);
        }
        dispatch.setHeadlineRaw(first);
        dispatch.setHeadline(head.headline);
        dispatch.setTags(head.tags);
        dispatch.setVersion(head.version);
        dispatch.setUrgent(head.urgent);

        List<String> notes = new ArrayList<>(1);
        List<String> bylines = new ArrayList<>(2);
        int i = 1;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (isEditorNote(line)) {
                notes.add(line.substring(1, line.length() - 1).strip());
            } else if (isByline(line)) {
                splitByline(line, bylines);
            } else {
                break;
            }
        }
        dispatch.setEditorNotes(notes);
        dispatch.setBylines(bylines);

        List<String> paragraphs = new ArrayList<>(16);
        List<String> emails = new ArrayList<>(1);
        boolean endSeen = false;
        boolean bodyClosed = false;
        for (; i < lines.size() && !bodyClosed; i++) {
            String line = lines.get(i);
            if (line.equalsIgnoreCase(END)) {
                endSeen = true;
                bodyClosed = true;
            } else if (isDash(line)) {
                bodyClosed = true;
            } else if (endsWithEnd(line)) {
                addBodyLine(line.substring(0, line.length() - END.length()).strip(), paragraphs, emails);
                endSeen = true;
                bodyClosed = true;
            } else {
                addBodyLine(line, paragraphs, emails);
            }
        }
        int storyEnd = i;
        List<String> related = new ArrayList<>(Math.max(0, (lines.size() - i) / 2));
        for (; i < lines.size(); i++) {
            if (!isDash(lines.get(i))) {
                related.add(lines.get(i));
            }
        }
        if (!endSeen) {
            flags.add(Flag.MISSING_END);
        }
        if (paragraphs.isEmpty()) {
            if (!head.urgent) {
                return failed(bytes, FailureReason.NO_BODY,
                        "headline with no body; only (URGENT) flashes may be headline-only");
            }
            flags.add(Flag.HEADLINE_ONLY);
        }

        LocalDate date = null;
        if (!paragraphs.isEmpty()) {
            DatelineParser.Match dateline = DatelineParser.find(paragraphs.get(0));
            if (dateline == null) {
                flags.add(Flag.MISSING_DATELINE);
            } else {
                date = DatelineDates.resolve(dateline.month(), dateline.day(), raw.receivedAt(), config.agencyZone());
                if (dateline.month() != 0 && date == null) {
                    flags.add(Flag.UNRESOLVED_DATE);
                }
                dispatch.setDateline(toDateline(dateline, date));
                if (dateline.rest().isEmpty()) {
                    paragraphs.remove(0);
                } else {
                    paragraphs.set(0, dateline.rest());
                }
            }
        }
        dispatch.setParagraphs(paragraphs);
        dispatch.setEmails(emails);
        dispatch.setEndSeen(endSeen);
        dispatch.setRelatedHeadlines(related);
        dispatch.setLanguage(Language.detect(head.headline, paragraphs));
        dispatch.setFlags(flagNames(flags));
        dispatch.setReceivedAt(raw.receivedAt());
        dispatch.setPublishedAt(DatelineDates.publishedAt(date, raw.receivedAt(), config.agencyZone()));
        dispatch.setSource(raw.source());
        dispatch.setContentId(ContentHash.ofLines(lines, 0, storyEnd));
        dispatch.setStoryKey(ContentHash.ofText(storyKeyText(head.headline)));
        return new ParseResult.Parsed(dispatch);
    }

    /** Null when {@code first} can be a headline line; otherwise the failure saying why it cannot. */
    private static ParseResult.Failed headlineFailure(byte[] bytes, String first) {
        if (isMarkup(first)) {
            return failed(bytes, FailureReason.MARKUP, "the input is markup (an HTML or XML page), not a dispatch");
        }
        if (first.length() > MAX_HEADLINE_CHARS) {
            return failed(bytes, FailureReason.HEADLINE_TOO_LONG, "the first line has " + first.length()
                    + " characters; a headline has at most " + MAX_HEADLINE_CHARS);
        }
        if (first.equalsIgnoreCase(END)) {
            return failed(bytes, FailureReason.NO_HEADLINE, "the input starts with (END)");
        }
        if (isByline(first)) {
            return failed(bytes, FailureReason.NO_HEADLINE, "the input starts with a byline; the headline is missing");
        }
        if (DatelineParser.find(first) != null) {
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

    private static boolean isByline(String line) {
        return line.startsWith("By ") && line.length() > 3 && line.length() <= MAX_BYLINE_CHARS + 3;
    }

    private static void splitByline(String line, List<String> bylines) {
        for (String name : BYLINE_SEPARATOR.split(line.substring(3))) {
            String trimmed = name.strip();
            if (!trimmed.isEmpty()) {
                bylines.add(trimmed);
            }
        }
    }

    private static boolean isDash(String line) {
        return line.length() == 1 && (line.charAt(0) == '-' || line.charAt(0) == '\u2013' || line.charAt(0) == '\u2014');
    }

    private static boolean endsWithEnd(String line) {
        int at = line.length() - END.length();
        return at > 0 && line.charAt(at - 1) == ' ' && line.regionMatches(true, at, END, 0, END.length());
    }

    private static void addBodyLine(String line, List<String> paragraphs, List<String> emails) {
        if (line.isEmpty()) {
            return;
        }
        if (line.indexOf('@') >= 0 && addIfOnlyEmails(line, emails)) {
            return;
        }
        paragraphs.add(line);
    }

    /** Adds the addresses of a line made only of e-mail addresses; returns false, adding none, otherwise. */
    private static boolean addIfOnlyEmails(String line, List<String> emails) {
        String[] tokens = EMAIL_SEPARATOR.split(line);
        for (String token : tokens) {
            if (!token.isEmpty() && !EMAIL.matcher(token).matches()) {
                return false;
            }
        }
        for (String token : tokens) {
            if (!token.isEmpty()) {
                emails.add(token);
            }
        }
        return true;
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
