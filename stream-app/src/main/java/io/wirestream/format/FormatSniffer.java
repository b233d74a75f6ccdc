package io.wirestream.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Recognizes the format of a dispatch from its first bytes, or takes it from a hint (the {@code wirestream.format}
 * header or a {@code content-type}). The rules are in {@code docs/formats.md}, section "Sniffing".
 */
public final class FormatSniffer {

    /** How far the root element of an XML document is looked for, past declarations, comments and DOCTYPE. */
    static final int XML_PROLOG_LIMIT = 8 * 1024;
    private static final byte SOH = 0x01;
    private static final byte SYN = 0x16;
    /** Top-level properties that only ninjs items have; {@code type}, {@code version} and the like do not tell. */
    private static final Set<String> NINJS_KEYS = Set.of("uri", "headline", "headlines", "bodies", "body_text",
            "body_html", "body_xhtml", "versioncreated", "versionCreated", "firstcreated", "firstCreated",
            "pubstatus", "pubStatus", "byline", "by", "located", "slugline", "ednote", "edNote", "renditions",
            "representationtype", "representationType", "$standard");

    /**
     * What sniffing found: a format, or why there is none.
     *
     * @param format  the format, or null when the bytes or the hint name none
     * @param problem why there is no format; null when there is one
     */
    public record Sniffed(Format format, String problem) {

        static Sniffed of(Format format) {
            return new Sniffed(format, null);
        }

        static Sniffed unsupported(String problem) {
            return new Sniffed(null, problem);
        }
    }

    private FormatSniffer() {
    }

    /**
     * The format of {@code bytes}. A hint that names a format wins; one that names none ({@code text/plain},
     * {@code application/xml}, ...) leaves it to the bytes; a {@code wirestream.format} value that is no format id
     * is an error of the producer, and says so.
     *
     * @param hint a format id, a content type, or null
     */
    public static Sniffed sniff(byte[] bytes, String hint) {
        if (hint != null && !hint.isBlank()) {
            Sniffed hinted = fromHint(hint);
            if (hinted != null) {
                return hinted;
            }
        }
        return sniff(bytes);
    }

    /** The format a hint names; null when it leaves the choice to the bytes. */
    static Sniffed fromHint(String hint) {
        String value = hint.strip().toLowerCase(Locale.ROOT);
        if (value.indexOf('/') < 0) {
            Format format = Format.fromId(value);
            return format != null ? Sniffed.of(format) : Sniffed.unsupported(
                    "the format hint '" + hint.strip() + "' names no format; known: " + Format.ids());
        }
        int semicolon = value.indexOf(';');
        String type = (semicolon >= 0 ? value.substring(0, semicolon) : value).strip();
        Format format = switch (type) {
            case "application/vnd.iptc.g2.newsitem+xml", "application/vnd.iptc.g2.newsmessage+xml" -> Format.NEWSML_G2;
            case "application/nitf+xml", "application/vnd.iptc.nitf+xml" -> Format.NITF;
            case "application/ninjs+json", "application/vnd.iptc.ninjs+json", "application/json" -> Format.NINJS;
            case "application/rss+xml" -> Format.RSS;
            case "application/atom+xml" -> Format.ATOM;
            default -> null;
        };
        return format == null ? null : Sniffed.of(format);
    }

    /** The format the bytes show. */
    static Sniffed sniff(byte[] bytes) {
        int i = skipBomAndSpace(bytes);
        if (i >= bytes.length) {
            return Sniffed.of(Format.YONHAP_TEXT);
        }
        byte b = bytes[i];
        if (b == SYN) {
            return Sniffed.of(Format.ANPA1312);
        }
        if (b == SOH) {
            return Sniffed.of(Format.IPTC7901);
        }
        if (b == '{') {
            return sniffJson(bytes);
        }
        if (b == '<' && i + 1 < bytes.length && startsMarkup(bytes[i + 1])) {
            return sniffXml(bytes, i);
        }
        return Sniffed.of(Format.YONHAP_TEXT);
    }

    private static int skipBomAndSpace(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static boolean startsMarkup(byte next) {
        return next == '!' || next == '?' || (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
    }

    private static Sniffed sniffXml(byte[] bytes, int from) {
        // The prolog is ASCII in any encoding these formats use: each byte is read as one character.
        String root = XmlProlog.rootName(new Latin1Chars(bytes, from, Math.min(bytes.length, from + XML_PROLOG_LIMIT)));
        if (root == null) {
            return Sniffed.unsupported("markup whose root element is not within its first " + XML_PROLOG_LIMIT
                    + " bytes (an unclosed comment or DOCTYPE, or no element at all)");
        }
        int colon = root.indexOf(':');
        String local = colon >= 0 ? root.substring(colon + 1) : root;
        return switch (local) {
            case "newsMessage", "newsItem" -> Sniffed.of(Format.NEWSML_G2);
            case "nitf" -> Sniffed.of(Format.NITF);
            case "rss", "RDF" -> Sniffed.of(Format.RSS);
            case "feed", "entry" -> Sniffed.of(Format.ATOM);
            default -> isHtml(local) ? Sniffed.of(Format.YONHAP_TEXT)
                    : Sniffed.unsupported("an XML document whose root element <" + root
                            + "> is in no format wirestream reads (newsMessage, newsItem, nitf, rss, feed, entry)");
        };
    }

    /** An HTML page stays with the text parser, which refuses it as {@code MARKUP}, as it always has. */
    private static boolean isHtml(String local) {
        String lower = local.toLowerCase(Locale.ROOT);
        return lower.equals("html") || lower.equals("head") || lower.equals("body") || lower.equals("div")
                || lower.equals("p");
    }

    private static Sniffed sniffJson(byte[] bytes) {
        try (JsonParser parser = JsonInput.FACTORY.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Sniffed.of(Format.NINJS);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if (NINJS_KEYS.contains(parser.currentName())) {
                    return Sniffed.of(Format.NINJS);
                }
                parser.nextToken();
                parser.skipChildren();
            }
            return Sniffed.unsupported("a JSON object with none of ninjs' properties (uri, headlines, bodies, ...)");
        } catch (IOException e) {
            // Broken JSON: the ninjs reader reports where it breaks.
            return Sniffed.of(Format.NINJS);
        }
    }
}
