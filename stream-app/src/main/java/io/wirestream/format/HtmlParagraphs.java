package io.wirestream.format;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * Paragraphs out of an HTML body (ninjs {@code body_html}, RSS {@code content:encoded}, Atom {@code content}),
 * by the same table as the XML bodies ({@link Blocks}). jsoup parses; nothing is fetched or run.
 */
final class HtmlParagraphs {

    private HtmlParagraphs() {
    }

    /** The paragraphs of {@code html}; text outside any block element is a paragraph of its own. */
    static List<String> of(String html) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder(512);
        Jsoup.parseBodyFragment(html).body().filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    current.append(text.getWholeText());
                } else if (node instanceof Element element) {
                    String name = element.normalName();
                    if (Blocks.isSkipped(name)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (Blocks.isBlock(name) || Blocks.isBreak(name)) {
                        Blocks.flush(current, out);
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element && Blocks.isBlock(element.normalName())) {
                    Blocks.flush(current, out);
                }
                return FilterResult.CONTINUE;
            }
        });
        Blocks.flush(current, out);
        return out;
    }

    /** True when {@code text} looks like markup rather than plain text: a tag is in it. */
    static boolean looksLikeHtml(String text) {
        int lt = text.indexOf('<');
        return lt >= 0 && lt + 1 < text.length() && (Character.isLetter(text.charAt(lt + 1))
                || text.charAt(lt + 1) == '/' || text.charAt(lt + 1) == '!');
    }
}
