package io.wirestream.ingest;

import io.wirestream.format.Format;
import io.wirestream.format.FormatParser;
import io.wirestream.ingest.XmlTags.Attribute;
import io.wirestream.ingest.XmlTags.Kind;
import io.wirestream.ingest.XmlTags.Tag;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts a document into its items, each a standalone document of its format made of the original bytes:
 * <ul>
 *   <li>RSS: the feed with one item - everything before the first item (the XML declaration, the root with its
 *       namespaces, the channel's own elements), that item, and everything after the last;</li>
 *   <li>Atom: each entry as an entry document, its start tag given the namespaces (and {@code xml:lang},
 *       {@code xml:base}) it inherited from the feed;</li>
 *   <li>NewsML-G2: each {@code newsItem} of a {@code newsMessage} as a bare item, the same way;</li>
 *   <li>ninjs: each object of a JSON array (or of an {@code items} or {@code _items} array);</li>
 *   <li>anything else, and a bare entry or item: the document itself.</li>
 * </ul>
 * At most {@link FormatParser#MAX_ITEMS_PER_DOCUMENT} items are taken from one document, as the pipeline would.
 */
final class ItemSplitter {

    /** One item: its standalone document, and for an RSS item its {@code link} (an id when it has no guid). */
    record Piece(byte[] document, String link) {
    }

    private static final Set<String> INHERITED = Set.of("xml:lang", "xml:base");

    private ItemSplitter() {
    }

    /** The items of {@code doc}, read as {@code format}. */
    static List<Piece> split(byte[] doc, Format format) throws XmlTags.Unreadable {
        return switch (format) {
            case RSS -> envelope(doc, XmlTags.scan(doc));
            case ATOM -> lift(doc, XmlTags.scan(doc), "feed", Set.of("feed"), "entry");
            case NEWSML_G2 -> lift(doc, XmlTags.scan(doc), "newsMessage", Set.of("itemSet"), "newsItem");
            case NINJS -> JsonItems.split(doc);
            default -> List.of(new Piece(doc, null));
        };
    }

    /** RSS: the envelope kept, one item in it. Items are children of {@code channel} (2.0) or of the root (1.0). */
    private static List<Piece> envelope(byte[] doc, List<Tag> tags) {
        List<int[]> items = elements(tags, Set.of("channel", "RDF"), "item", new ArrayList<>());
        if (items.isEmpty()) {
            return List.of();
        }
        int first = items.get(0)[0];
        int last = items.get(items.size() - 1)[1];
        List<Piece> pieces = new ArrayList<>();
        for (int[] item : items) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(first + item[1] - item[0] + doc.length - last);
            out.write(doc, 0, first);
            out.write(doc, item[0], item[1] - item[0]);
            out.write(doc, last, doc.length - last);
            pieces.add(new Piece(out.toByteArray(), link(doc, tags, item)));
        }
        return pieces;
    }

    /** Lifts each {@code target} child of a {@code parents} element out, with what it inherited from its ancestors. */
    private static List<Piece> lift(byte[] doc, List<Tag> tags, String container, Set<String> parents,
            String target) {
        Tag root = tags.stream().filter(t -> t.kind() != Kind.CLOSE).findFirst().orElse(null);
        if (root == null || !root.localName().equals(container)) {
            return List.of(new Piece(doc, null));
        }
        List<List<Tag>> ancestors = new ArrayList<>();
        List<int[]> items = elements(tags, parents, target, ancestors);
        int prolog = declarationEnd(doc);
        List<Piece> pieces = new ArrayList<>();
        for (int n = 0; n < items.size(); n++) {
            int[] item = items.get(n);
            Tag start = tags.get(item[2]);
            ByteArrayOutputStream out = new ByteArrayOutputStream(prolog + item[1] - item[0] + 256);
            out.write(doc, 0, prolog);
            if (prolog > 0) {
                out.write('\n');
            }
            int nameEnd = start.start() + 1 + start.name().length();
            out.write(doc, item[0], nameEnd - item[0]);
            Set<String> own = new HashSet<>();
            XmlTags.attributes(doc, start).forEach(a -> own.add(a.name()));
            for (Attribute inherited : inherited(doc, ancestors.get(n)).values()) {
                if (!own.contains(inherited.name())) {
                    out.write(' ');
                    out.write(doc, inherited.start(), inherited.end() - inherited.start());
                }
            }
            out.write(doc, nameEnd, item[1] - nameEnd);
            pieces.add(new Piece(out.toByteArray(), null));
        }
        return pieces;
    }

    /** Namespace declarations, {@code xml:lang} and {@code xml:base} in scope: the innermost of each name wins. */
    private static Map<String, Attribute> inherited(byte[] doc, List<Tag> ancestors) {
        Map<String, Attribute> inherited = new LinkedHashMap<>();
        for (Tag ancestor : ancestors) {
            for (Attribute attribute : XmlTags.attributes(doc, ancestor)) {
                String name = attribute.name();
                if (name.equals("xmlns") || name.startsWith("xmlns:") || INHERITED.contains(name)) {
                    inherited.remove(name);
                    inherited.put(name, attribute);
                }
            }
        }
        return inherited;
    }

    /**
     * The {@code target} elements whose parent is one of {@code parents}, each as {start, end, index of its start
     * tag}, at most the pipeline's limit; {@code ancestors} receives each one's open ancestors, outermost first.
     */
    private static List<int[]> elements(List<Tag> tags, Set<String> parents, String target, List<List<Tag>> ancestors) {
        List<int[]> found = new ArrayList<>();
        Deque<Tag> open = new ArrayDeque<>();
        int startIndex = -1;
        int depthAtStart = -1;
        for (int i = 0; i < tags.size() && found.size() < FormatParser.MAX_ITEMS_PER_DOCUMENT; i++) {
            Tag tag = tags.get(i);
            boolean isTarget = startIndex < 0 && tag.kind() != Kind.CLOSE && tag.localName().equals(target)
                    && open.peek() != null && parents.contains(open.peek().localName());
            if (isTarget) {
                List<Tag> outermostFirst = new ArrayList<>(open);
                Collections.reverse(outermostFirst);
                if (tag.kind() == Kind.EMPTY) {
                    found.add(new int[] {tag.start(), tag.end(), i});
                    ancestors.add(outermostFirst);
                    continue;
                }
                startIndex = i;
                depthAtStart = open.size();
                ancestors.add(outermostFirst);
            }
            if (tag.kind() == Kind.OPEN) {
                open.push(tag);
            } else if (tag.kind() == Kind.CLOSE && !open.isEmpty()) {
                open.pop();
                if (startIndex >= 0 && open.size() == depthAtStart) {
                    found.add(new int[] {tags.get(startIndex).start(), tag.end(), startIndex});
                    startIndex = -1;
                }
            }
        }
        if (startIndex >= 0) {
            ancestors.remove(ancestors.size() - 1);
        }
        return found;
    }

    /** An RSS item's {@code <link>} text (its child, not a grandchild's), entities and CDATA undone; null for none. */
    private static String link(byte[] doc, List<Tag> tags, int[] item) {
        int depth = 0;
        for (int i = item[2] + 1; i < tags.size() && tags.get(i).start() < item[1]; i++) {
            Tag tag = tags.get(i);
            if (depth == 0 && tag.kind() == Kind.OPEN && tag.name().equals("link") && i + 1 < tags.size()
                    && tags.get(i + 1).kind() == Kind.CLOSE) {
                return Entities.text(doc, tag.end(), tags.get(i + 1).start());
            }
            depth += tag.kind() == Kind.OPEN ? 1 : tag.kind() == Kind.CLOSE ? -1 : 0;
        }
        return null;
    }

    /** After the XML declaration (and a BOM before it); 0 when there is none. */
    private static int declarationEnd(byte[] doc) {
        int at = XmlTags.startsWith(doc, 0, "\u00ef\u00bb\u00bf") ? 3 : 0;
        if (!XmlTags.startsWith(doc, at, "<?xml")) {
            return 0;
        }
        for (int i = at; i + 1 < doc.length; i++) {
            if (doc[i] == '?' && doc[i + 1] == '>') {
                return i + 2;
            }
        }
        return 0;
    }
}
