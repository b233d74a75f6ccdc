package io.wirestream.format;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which elements of an HTML, XHTML or NITF body make paragraphs, which break lines, and which are left out: one
 * table for the StAX bodies (NewsML-G2, NITF) and the jsoup ones (ninjs, RSS, Atom).
 */
final class Blocks {

    /** Each holds a paragraph of its own: HTML's block elements and NITF's ({@code hl2}, {@code block}). */
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "dt", "dd", "blockquote", "pre", "h1", "h2",
            "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "aside", "address", "hl1", "hl2",
            "block", "bq");
    /**
     * Not story text: scripts and styles; media, figures and their captions; tables (data that would flood the
     * classifier with numbers); an XHTML head, whose title repeats the headline; NITF's notes to editors.
     */
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "iframe", "object",
            "embed", "img", "figure", "media", "table", "head", "title", "nav", "ed-msg");

    private Blocks() {
    }

    static boolean isBlock(String name) {
        return BLOCKS.contains(name.toLowerCase(Locale.ROOT));
    }

    static boolean isBreak(String name) {
        return name.equalsIgnoreCase("br");
    }

    static boolean isSkipped(String name) {
        return SKIPPED.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Adds the gathered text as a paragraph when it holds any, and empties the buffer. */
    static void flush(StringBuilder current, List<String> out) {
        String text = current.toString();
        if (!text.isBlank()) {
            out.add(text);
        }
        current.setLength(0);
    }
}
