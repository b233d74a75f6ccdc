package io.wirestream.format;

import java.util.List;

/**
 * Documents of every format built around given text, for property tests: the headline and paragraphs land where
 * each format keeps them, escaped as it requires, so that any text reaches the format's reader intact.
 */
final class Documents {

    private Documents() {
    }

    /** One story of {@code format} with {@code headline} and {@code paragraphs}; feeds hold it as their one item. */
    static String story(Format format, String headline, List<String> paragraphs) {
        return switch (format) {
            case YONHAP_TEXT -> headline + "\n" + String.join("\n", paragraphs) + "\n(END)\n";
            case IPTC7901 -> "\u0001YNA0001 4 i 0100\r\nSlug/\r\n\u0002" + headline + "\r\n"
                    + String.join("\r\n", paragraphs.stream().map(p -> "   " + p).toList()) + "\r\n\u0003";
            case ANPA1312 -> "\u0016\u0016\u0001a0001\u001fr i\u0013\u0011BC-Slug 01-01 0100\r\n\u0002^BC-Slug,0100<\r\n^"
                    + headline + "<\r\n" + String.join("\r\n", paragraphs.stream().map(p -> "\t" + p).toList())
                    + "\r\n\u0003YNA-WS-01-01-24 0000GMT\u0004";
            case NEWSML_G2 -> "<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/' guid='g' version='1'><contentMeta>"
                    + "<headline>" + xml(headline) + "</headline></contentMeta><contentSet><inlineXML>"
                    + "<html xmlns='http://www.w3.org/1999/xhtml'><body>" + xmlParagraphs(paragraphs)
                    + "</body></html></inlineXML></contentSet></newsItem>";
            case NITF -> "<nitf><body><body.head><hedline><hl1>" + xml(headline) + "</hl1></hedline></body.head>"
                    + "<body.content>" + xmlParagraphs(paragraphs) + "</body.content></body></nitf>";
            case NINJS -> "{\"uri\": \"urn:x\", \"headlines\": [{\"value\": \"" + json(headline) + "\"}], "
                    + "\"bodies\": [{\"contenttype\": \"text/html\", \"value\": \"" + json(htmlParagraphs(paragraphs))
                    + "\"}]}";
            case RSS -> feed(Format.RSS, List.of(item(Format.RSS, headline, paragraphs)));
            case ATOM -> feed(Format.ATOM, List.of(item(Format.ATOM, headline, paragraphs)));
        };
    }

    /** An RSS item or Atom entry with {@code headline} and an HTML body of {@code paragraphs}. */
    static String item(Format format, String headline, List<String> paragraphs) {
        String body = xml(htmlParagraphs(paragraphs));
        return format == Format.RSS
                ? "<item><title>" + xml(headline) + "</title><description>" + body + "</description></item>"
                : "<entry><id>i</id><title>" + xml(headline) + "</title><content type='html'>" + body
                        + "</content></entry>";
    }

    static String feed(Format format, List<String> items) {
        return format == Format.RSS
                ? "<rss version='2.0'><channel><title>t</title>" + String.join("", items) + "</channel></rss>"
                : "<feed xmlns='http://www.w3.org/2005/Atom'><id>f</id><title>t</title>" + String.join("", items)
                        + "</feed>";
    }

    private static String xmlParagraphs(List<String> paragraphs) {
        StringBuilder out = new StringBuilder();
        paragraphs.forEach(p -> out.append("<p>").append(xml(p)).append("</p>"));
        return out.toString();
    }

    private static String htmlParagraphs(List<String> paragraphs) {
        StringBuilder out = new StringBuilder();
        paragraphs.forEach(p -> out.append("<p>").append(p.replace("&", "&amp;").replace("<", "&lt;")).append("</p>"));
        return out.toString();
    }

    /** Text as XML character data: the characters XML forbids are dropped, the markup ones escaped. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(c -> {
                    switch (c) {
                        case '<' -> out.append("&lt;");
                        case '&' -> out.append("&amp;");
                        case '>' -> out.append("&gt;");
                        default -> out.appendCodePoint(c);
                    }
                });
        return out.toString();
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
