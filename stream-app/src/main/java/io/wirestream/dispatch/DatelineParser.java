package io.wirestream.dispatch;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the dateline that opens a lead paragraph, e.g. {@code HANGZHOU, China, Oct. 8 (Yonhap) -- }. */
final class DatelineParser {

    private static final String MONTH = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
            + "|January|February|March|April|June|July|August|September|October|November|December";
    /** The names {@link #MONTH} lists, for the scan of the usual dateline. */
    private static final Set<String> MONTH_NAMES = Set.of(MONTH.split("\\|"));
    private static final String DASH = "(?:--|\u2014|\u2013|\u2015)";
    private static final String PLACE = "(?<city>\\p{Lu}[\\p{Lu}.'\\-/ ]{1,39}?)"
            + "(?:, (?<country>\\p{Lu}[\\p{L}.'\\- ]{1,39}?))?";
    private static final String DATE = "(?:, (?<month>" + MONTH + ")\\.? ?(?<day>\\d{1,2}))";
    /** {@code CITY[, Country][, Mon. D][ (Agency)] --}: the usual form, and {@code SEOUL --}. */
    private static final Pattern DATELINE = Pattern.compile(
            PLACE + DATE + "?(?: ?\\((?<agency>[^()]{1,40})\\))? ?" + DASH + " ?");
    /** {@code CITY, Mon. D (Agency) } with the dashes left out: only with a date and an agency. */
    private static final Pattern DATELINE_WITHOUT_DASHES = Pattern.compile(
            PLACE + DATE + " ?\\((?<agency>[^()]{1,40})\\) ");

    /**
     * A matched dateline.
     *
     * @param raw     the dateline as written, without the dashes
     * @param rest    the paragraph after the dateline
     * @param month   1-12, or 0 when not written
     * @param day     day of month, or 0 when not written
     * @param bylines the names a Korean dateline-byline gives; empty for an English dateline
     */
    record Match(String raw, String city, String country, int month, int day, String agency, String rest,
            List<String> bylines) {
    }

    private DatelineParser() {
    }

    /** True when {@code line} opens with a full dateline (with a date or an agency), not just {@code WORD --}. */
    static boolean startsWithFullDateline(String line) {
        Match match = find(line);
        return match != null && (match.month() != 0 || match.agency() != null);
    }

    /**
     * Reads a dateline given on its own, as structured formats give it ({@code WASHINGTON, Feb. 6 (Yonhap)}), with
     * or without the dashes; null when {@code text} is not one whole dateline.
     */
    static Match findStandalone(String text) {
        String bare = withoutTrailingDash(text);
        Match match = find(bare + " -- ");
        int comma = bare.indexOf(',');
        if (match == null && comma > 0) {
            // Structured formats often write the city in title case ("Washington, Feb. 6"); datelines shout it.
            match = find(bare.substring(0, comma).toUpperCase(Locale.ROOT) + bare.substring(comma) + " -- ");
        }
        return match != null && match.rest().isEmpty() ? match : null;
    }

    /** Returns the dateline opening {@code paragraph}, or null when it has none. */
    static Match find(String paragraph) {
        // Cheap pre-check: a dateline starts with two capitals.
        if (paragraph.length() < 4 || !Character.isUpperCase(paragraph.charAt(0))
                || !Character.isUpperCase(paragraph.charAt(1))) {
            return null;
        }
        Match usual = usual(paragraph);
        return usual != null ? usual : byPattern(paragraph);
    }

    /** The dateline opening {@code paragraph} as the patterns read it, or null. */
    static Match byPattern(String paragraph) {
        Matcher m = DATELINE.matcher(paragraph);
        if (!m.lookingAt()) {
            m = DATELINE_WITHOUT_DASHES.matcher(paragraph);
            if (!m.lookingAt()) {
                return null;
            }
        }
        String monthName = m.group("month");
        String agency = m.group("agency");
        return new Match(
                withoutTrailingDash(paragraph.substring(0, m.end())).strip(),
                m.group("city").strip(),
                m.group("country"),
                monthName == null ? 0 : monthNumber(monthName),
                monthName == null ? 0 : Integer.parseInt(m.group("day")),
                agency == null ? null : agency.strip(),
                paragraph.substring(m.end()),
                List.of());
    }

    /**
     * The usual dateline, {@code CITY, Mon. D (Agency) -- }, read by a scan; null for any other shape, which is left
     * to the patterns. For this shape the scan finds what the patterns find first: a city of capital letters and
     * spaces ends at its comma, and no country can end before a day's digits ({@code DatelineShapeTest} holds the two to
     * the same answers).
     */
    static Match usual(String paragraph) {
        int n = paragraph.length();
        int i = 0;
        while (i < n && (isCapital(paragraph.charAt(i)) || (i > 0 && paragraph.charAt(i) == ' '))) {
            i++;
        }
        int cityEnd = i;
        if (cityEnd < 2 || cityEnd > 40 || !paragraph.startsWith(", ", i)) {
            return null;
        }
        i += 2;
        int monthStart = i;
        while (i < n && Character.isLetter(paragraph.charAt(i))) {
            i++;
        }
        String word = paragraph.substring(monthStart, i);
        int month = MONTH_NAMES.contains(word) ? monthNumber(word) : 0;
        i = skip(paragraph, skip(paragraph, i, '.'), ' ');
        int dayStart = i;
        while (i < n && i - dayStart <= 2 && paragraph.charAt(i) >= '0' && paragraph.charAt(i) <= '9') {
            i++;
        }
        int day = i - dayStart;
        i = skip(paragraph, i, ' ');
        if (month == 0 || day == 0 || day > 2 || i >= n || paragraph.charAt(i) != '(') {
            return null;
        }
        int agencyStart = i + 1;
        int close = agencyStart;
        while (close < n && paragraph.charAt(close) != ')' && paragraph.charAt(close) != '(') {
            close++;
        }
        if (close == agencyStart || close - agencyStart > 40 || close >= n || paragraph.charAt(close) != ')') {
            return null;
        }
        i = skip(paragraph, close + 1, ' ');
        int dashEnd = paragraph.startsWith("--", i) ? i + 2 : i < n && isLongDash(paragraph.charAt(i)) ? i + 1 : -1;
        if (dashEnd < 0) {
            return null;
        }
        int end = skip(paragraph, dashEnd, ' ');
        return new Match(withoutTrailingDash(paragraph.substring(0, end)).strip(),
                paragraph.substring(0, cityEnd).strip(),
                null, month, Integer.parseInt(paragraph, dayStart, dayStart + day, 10),
                paragraph.substring(agencyStart, close).strip(), paragraph.substring(end), List.of());
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** {@code at + 1} when {@code text} has {@code c} there, else {@code at}: an optional character. */
    private static int skip(String text, int at, char c) {
        return at < text.length() && text.charAt(at) == c ? at + 1 : at;
    }

    /**
     * {@code text} without the dash that ends it ({@code --} or one of the long dashes) and a space on either side
     * of that dash; {@code text} itself when it does not end so. A scan from the end, not a pattern tried at every
     * position.
     */
    static String withoutTrailingDash(String text) {
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int dash;
        if (end >= 2 && text.charAt(end - 1) == '-' && text.charAt(end - 2) == '-') {
            dash = end - 2;
        } else if (end >= 1 && isLongDash(text.charAt(end - 1))) {
            dash = end - 1;
        } else {
            return text;
        }
        return text.substring(0, dash > 0 && text.charAt(dash - 1) == ' ' ? dash - 1 : dash);
    }

    private static boolean isLongDash(char c) {
        return c == '\u2014' || c == '\u2013' || c == '\u2015';
    }

    private static int monthNumber(String name) {
        switch (name.substring(0, 3)) {
            case "Jan": return 1;
            case "Feb": return 2;
            case "Mar": return 3;
            case "Apr": return 4;
            case "May": return 5;
            case "Jun": return 6;
            case "Jul": return 7;
            case "Aug": return 8;
            case "Sep": return 9;
            case "Oct": return 10;
            case "Nov": return 11;
            default: return 12;
        }
    }
}
