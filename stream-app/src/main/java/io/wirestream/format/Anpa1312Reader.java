package io.wirestream.format;

import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.ProviderMeta;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.dispatch.TextBlocks;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ANPA 1312: {@code SYN SYN SOH}, a header (service level and message number, selector codes, priority
 * {@code f b u r d}, category, format codes, slugline, filing date, word count), {@code STX}, the text, {@code ETX},
 * the filing time, {@code EOT}. In the text, lines opening with {@code ^} are the header lines (keyword line,
 * headline, byline, notes) and tab-indented lines open paragraphs. Mapping: {@code docs/formats.md}.
 */
final class Anpa1312Reader implements FormatReader {

    private static final Pattern FILING_DATE = Pattern.compile("\\d{1,2}-\\d{1,2}");
    private static final Pattern MESSAGE_NUMBER = Pattern.compile("[a-zA-Z]\\d{4}");
    /** After ETX: {@code 02-06-21 2310GMT}, month, day, two-digit year, hours and minutes in UTC. */
    private static final Pattern FILED_AT = Pattern.compile("(\\d{2})-(\\d{2})-(\\d{2}) (\\d{2})(\\d{2}) ?GMT");
    /** A keyword line in the text: {@code BC-Korea-US-Defense,0412} (a version prefix, the slug, a word count). */
    private static final Pattern KEYWORD_LINE = Pattern.compile("[A-Za-z]{2}-\\S*(,\\d+)?");

    private final DispatchParser textParser;

    Anpa1312Reader(DispatchParser textParser) {
        this.textParser = textParser;
    }

    @Override
    public void read(RawDispatch raw, Items items) {
        ControlText.Frame frame = ControlText.Frame.read(raw, items, "ANPA 1312 message opens with SYN SYN SOH");
        if (frame == null) {
            return;
        }
        ProviderMeta meta = ProviderMeta.of(Format.ANPA1312.id());
        readHeader(frame.header(), meta);
        ParseResult result = textParser.parseText(layout(frame.body()), raw, meta, frame.closed());
        Instant filed = filedAt(frame.trailer());
        if (filed != null && result instanceof ParseResult.Parsed parsed) {
            // The filing time after ETX is the provider's own publish time.
            parsed.dispatch().setPublishedAt(filed);
        }
        items.add(result);
    }

    /** Reads priority, category and slugline; selector codes, format codes, dates and counts are skipped. */
    private static void readHeader(String header, ProviderMeta meta) {
        String priority = null;
        String category = null;
        String slugline = null;
        for (String token : tokens(header)) {
            if (MESSAGE_NUMBER.matcher(token).matches()) {
                continue;
            }
            if (priority == null && token.length() == 1 && "fburdFBURD".indexOf(token.charAt(0)) >= 0) {
                priority = token;
            } else if (priority != null && category == null && token.length() == 1
                    && Character.isLetter(token.charAt(0))) {
                category = token;
            } else if (priority != null && slugline == null && !FILING_DATE.matcher(token).matches()
                    && !token.chars().allMatch(Character::isDigit)) {
                slugline = token;
            }
        }
        meta.urgency(urgency(priority));
        if (category != null) {
            meta.subject("category", category, null);
        }
        meta.slugline(slugline);
    }

    /** The header's fields: runs of characters between whitespace and control characters (US, DC1 to DC4). */
    private static List<String> tokens(String header) {
        List<String> tokens = new ArrayList<>(8);
        int start = -1;
        for (int i = 0; i <= header.length(); i++) {
            boolean separator = i == header.length() || header.charAt(i) <= ' ';
            if (separator && start >= 0) {
                tokens.add(header.substring(start, i));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return tokens;
    }

    /** ANPA priorities on IPTC's urgency scale: flash 1, bulletin 2, urgent 3, regular 5, deferred 7. */
    static Integer urgency(String priority) {
        if (priority == null) {
            return null;
        }
        return switch (Character.toLowerCase(priority.charAt(0))) {
            case 'f' -> 1;
            case 'b' -> 2;
            case 'u' -> 3;
            case 'r' -> 5;
            default -> 7;
        };
    }

    /**
     * The text laid out as Yonhap's: the {@code ^} header lines first (a keyword line dropped, the rest headline,
     * byline and notes in order), then the paragraphs.
     */
    static String layout(String body) {
        List<String> header = new ArrayList<>(4);
        StringBuilder rest = new StringBuilder(body.length());
        for (String line : ControlText.lines(body)) {
            String stripped = line.strip();
            if (stripped.startsWith("^")) {
                String content = stripCodes(stripped.substring(1));
                if (!content.isEmpty() && !(header.isEmpty() && KEYWORD_LINE.matcher(content).matches())) {
                    header.add(content);
                }
            } else {
                rest.append(line).append('\n');
            }
        }
        StringBuilder out = new StringBuilder(body.length() + 16);
        List<String> notes = new ArrayList<>(1);
        boolean headline = false;
        for (String line : header) {
            boolean parenthesized = line.startsWith("(") && line.endsWith(")");
            if (parenthesized || isNoteToEditors(line) || (headline && !line.startsWith("By "))) {
                notes.add(parenthesized ? line : "(" + line + ")");
            } else {
                out.append(line).append('\n');
                headline = true;
            }
        }
        // Notes go after the headline, where the plain-text rules look for them.
        int afterHeadline = out.indexOf("\n") + 1;
        out.insert(afterHeadline, notes.isEmpty() ? "" : String.join("\n", notes) + "\n");
        for (String paragraph : TextBlocks.paragraphs(rest.toString())) {
            out.append(paragraph).append('\n');
        }
        return out.toString();
    }

    /** {@code Eds:} and the like open a note to editors wherever it stands, even before the headline. */
    private static boolean isNoteToEditors(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return lower.startsWith("eds:") || lower.startsWith("editors:") || lower.startsWith("attn:");
    }

    /** ANPA's end-of-line codes on header lines: {@code <} (quad left) and {@code =} (quad center). */
    private static String stripCodes(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '<' || line.charAt(end - 1) == '=' || line.charAt(end - 1) == ' ')) {
            end--;
        }
        return line.substring(0, end).strip();
    }

    static Instant filedAt(String trailer) {
        Matcher m = FILED_AT.matcher(trailer);
        if (!m.find()) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        try {
            return LocalDateTime.of(year < 70 ? 2000 + year : 1900 + year, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
