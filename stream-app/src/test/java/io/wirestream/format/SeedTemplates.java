package io.wirestream.format;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.schema.Dateline;
import io.wirestream.schema.Dispatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the templates {@code formats/<format>/00-seed.<ext>.template} with the seed story, so that the seed's text
 * (real wire copy, kept in {@code shared/} and never committed) is rendered in each format at test time, while the
 * framing of each format (control characters, line endings, markup, ids, dates, codes) is written by the team.
 *
 * <p>The template language is small:
 * <ul>
 * <li>{@code {{name}}} is a value of the story: {@code headline}; {@code byline} (the first); {@code dateline} (as
 * written, {@code Dispatch.dateline.raw}); {@code city} (upper case, as in the dateline); {@code dateline-date}
 * (what the dateline says between the city and the agency, e.g. {@code Feb. 6}); {@code agency}; {@code email}
 * (the first contact line); {@code lead} (the first paragraph, without the dateline).</li>
 * <li>{@code {{name|filter|filter:n}}} applies filters in order: {@code title} (title case: {@code Washington}),
 * {@code words:n} (the first n words), {@code html} (escaped as HTML text, for markup inside a JSON string),
 * {@code wrap:n} (greedy wrap at n characters, the text before the placeholder not counted, the lines joined by
 * the line ending that follows the placeholder in the template).</li>
 * <li>{@code {{#paragraphs}}...{{/paragraphs}}} repeats its content for each paragraph of the story, the dateline
 * left out as the parser leaves it out; {@code {{#dated-paragraphs}}...{{/dated-paragraphs}}} does the same with
 * the first paragraph as the seed writes it, dateline and dashes included. Inside, {@code {{paragraph}}} is the
 * paragraph. A section tag alone on its line takes the whole line with it.</li>
 * </ul>
 * Every value is escaped for the file it goes into, by the extension under {@code .template}: {@code .json} as
 * the content of a JSON string; {@code .xml}, {@code .nitf}, {@code .rss}, {@code .atom} as XML text
 * ({@code & < >}), plus {@code "} inside a tag (an attribute). Text in a CDATA section is escaped as XML text too,
 * which is what the HTML it holds needs, and no {@code ]]>} survives it. Other files ({@code .txt}) take values
 * as they are.
 */
public final class SeedTemplates {

    private static final Pattern STANDALONE_SECTION_TAG =
            Pattern.compile("(?md)^[ \\t]*(\\{\\{[#/][a-z-]+\\}\\})[ \\t]*\\r*\\n");
    private static final Pattern TAG = Pattern.compile("\\{\\{([#/]?)([a-z-]+)((?:\\|[a-z]+(?::\\d+)?)*)\\}\\}");
    private static final Pattern LINE_END = Pattern.compile("\\r*\\n");
    private static final String SUFFIX = ".template";

    private final Map<String, String> values;
    private final Map<String, List<String>> sections;

    /**
     * The story of {@code plain}, the seed as {@code DispatchParser} reads it; {@code seedText} is the seed itself,
     * for its first paragraph as written.
     */
    SeedTemplates(Dispatch plain, String seedText) {
        Dateline dateline = plain.getDateline();
        List<String> paragraphs = plain.getParagraphs();
        String lead = paragraphs.get(0);
        String datedLead = seedText.lines().map(String::strip)
                .filter(line -> line.startsWith(dateline.getRaw()) && line.endsWith(lead)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no line of the seed holds the dateline and lead"));
        List<String> dated = new ArrayList<>(paragraphs);
        dated.set(0, datedLead);
        this.values = Map.of(
                "headline", plain.getHeadline(),
                "byline", plain.getBylines().get(0),
                "dateline", dateline.getRaw(),
                "city", dateline.getCity(),
                "dateline-date", datelineDate(dateline),
                "agency", dateline.getAgency(),
                "email", plain.getEmails().get(0),
                "lead", lead);
        this.sections = Map.of("paragraphs", List.copyOf(paragraphs), "dated-paragraphs", List.copyOf(dated));
    }

    /** The templates filled with {@code storyText}, a Yonhap text dispatch (the seed, or the benchmarks' stand-in). */
    public static SeedTemplates of(String storyText, Instant received) {
        ParseResult result = new DispatchParser().parse(RawDispatch.of(storyText.getBytes(StandardCharsets.UTF_8),
                received));
        if (!(result instanceof ParseResult.Parsed parsed)) {
            throw new IllegalArgumentException("the story to fill the templates with does not parse: " + result);
        }
        return new SeedTemplates(parsed.dispatch(), storyText);
    }

    /** The document {@code formats/<relative>.template}, filled in, as bytes. */
    public byte[] render(String relative) {
        String template = new String(Fixtures.bytes(relative + SUFFIX), StandardCharsets.UTF_8);
        return render(template, Escape.of(relative)).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code template} filled in, values escaped as {@code escape} says. */
    String render(String template, Escape escape) {
        String source = STANDALONE_SECTION_TAG.matcher(template).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        StringBuilder out = new StringBuilder(source.length() * 2);
        render(source, 0, source.length(), null, escape, out);
        return out.toString();
    }

    private void render(String source, int from, int to, String paragraph, Escape escape, StringBuilder out) {
        Matcher tag = TAG.matcher(source).region(from, to);
        int at = from;
        while (tag.find()) {
            out.append(source, at, tag.start());
            String name = tag.group(2);
            switch (tag.group(1)) {
                case "#" -> {
                    String close = "{{/" + name + "}}";
                    int end = source.indexOf(close, tag.end());
                    if (end < 0 || end > to || !sections.containsKey(name)) {
                        throw new IllegalArgumentException("no section " + name + " closed by " + close);
                    }
                    for (String item : sections.get(name)) {
                        render(source, tag.end(), end, item, escape, out);
                    }
                    at = end + close.length();
                    tag.region(at, to);
                }
                case "/" -> throw new IllegalArgumentException("{{/" + name + "}} closes no section");
                default -> {
                    out.append(escape.apply(value(source, tag, paragraph), insideTag(source, tag.start())));
                    at = tag.end();
                }
            }
        }
        out.append(source, at, to);
    }

    private String value(String source, Matcher tag, String paragraph) {
        String name = tag.group(2);
        String value = name.equals("paragraph") ? paragraph : values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no value for {{" + name + "}}" + (name.equals("paragraph")
                    ? " outside a section" : ""));
        }
        for (String filter : tag.group(3).isEmpty() ? new String[0] : tag.group(3).substring(1).split("\\|")) {
            String[] parts = filter.split(":");
            value = switch (parts[0]) {
                case "title" -> titleCase(value);
                case "words" -> firstWords(value, Integer.parseInt(parts[1]));
                case "html" -> Escape.XML.apply(value, false);
                case "wrap" -> wrap(value, Integer.parseInt(parts[1]), lineEndAfter(source, tag.end()));
                default -> throw new IllegalArgumentException("no filter " + filter + " in " + tag.group());
            };
        }
        return value;
    }

    private static String datelineDate(Dateline dateline) {
        String prefix = dateline.getCity() + ", ";
        String suffix = " (" + dateline.getAgency() + ")";
        String raw = dateline.getRaw();
        if (!raw.startsWith(prefix) || !raw.endsWith(suffix) || raw.length() <= prefix.length() + suffix.length()) {
            throw new IllegalArgumentException("the dateline " + raw + " is not CITY, date (agency)");
        }
        return raw.substring(prefix.length(), raw.length() - suffix.length());
    }

    private static String firstWords(String text, int count) {
        List<String> words = List.of(text.split(" "));
        return String.join(" ", words.subList(0, Math.min(count, words.size())));
    }

    private static String titleCase(String text) {
        StringBuilder out = new StringBuilder(text.toLowerCase(Locale.ROOT));
        for (int i = 0; i < out.length(); i++) {
            if (i == 0 || out.charAt(i - 1) == ' ' || out.charAt(i - 1) == '-') {
                out.setCharAt(i, Character.toUpperCase(out.charAt(i)));
            }
        }
        return out.toString();
    }

    /** Greedy: as many words on a line as fit in {@code width}; a longer word has a line to itself. */
    private static String wrap(String text, int width, String lineEnd) {
        StringBuilder out = new StringBuilder();
        int line = 0;
        for (String word : text.split(" ")) {
            if (line > 0 && line + 1 + word.length() > width) {
                out.append(lineEnd);
                line = 0;
            } else if (line > 0) {
                out.append(' ');
                line++;
            }
            out.append(word);
            line += word.length();
        }
        return out.toString();
    }

    private static String lineEndAfter(String source, int at) {
        Matcher end = LINE_END.matcher(source).region(at, source.length());
        if (!end.lookingAt()) {
            throw new IllegalArgumentException("wrap: no line ending after the placeholder at " + at);
        }
        return end.group();
    }

    /** After a {@code <} that opens a tag (not a CDATA section or a comment) and before its {@code >}. */
    private static boolean insideTag(String source, int at) {
        int open = source.lastIndexOf('<', at);
        return open > source.lastIndexOf('>', at) && !source.startsWith("<![CDATA[", open)
                && !source.startsWith("<!--", open);
    }

    /** How a value is written into the file it fills. */
    enum Escape {
        /** As it is: the text formats (7901, ANPA). */
        NONE,
        /** XML text, CDATA content and attribute values. */
        XML,
        /** The content of a JSON string. */
        JSON;

        static Escape of(String fileName) {
            String extension = fileName.substring(fileName.lastIndexOf('.') + 1);
            return switch (extension) {
                case "json" -> JSON;
                case "xml", "nitf", "rss", "atom" -> XML;
                default -> NONE;
            };
        }

        String apply(String value, boolean insideTag) {
            return switch (this) {
                case NONE -> value;
                case XML -> {
                    String text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
                    yield insideTag ? text.replace("\"", "&quot;") : text;
                }
                case JSON -> new String(JsonStringEncoder.getInstance().quoteAsString(value));
            };
        }
    }
}
