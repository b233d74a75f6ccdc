package io.wirestream.format;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jdom2.Attribute;
import org.jdom2.CDATA;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.Text;

/**
 * Builds the JDOM document Rome reads feeds from, with our hardened reader ({@link XmlCursor}) instead of Rome's
 * SAX parser, and with the per-document item limit applied while building: an RSS {@code item} or Atom
 * {@code entry} past the limit is counted and skipped, never built, so a feed of 100,000 items costs one pass and
 * the memory of the first thousand.
 */
final class JdomBuilder {

    private static final String DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";
    private static final Set<String> ATOM = Set.of("http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#");

    /**
     * The document, the items it holds, how many of them were left out of it, and the time of each item built, in
     * order (null where it gives none or none we read).
     */
    record Built(Document document, int itemCount, int skipped, List<Instant> itemTimes) {
    }

    private JdomBuilder() {
    }

    static Built build(XmlCursor x, int maxItems) throws XMLStreamException {
        XMLStreamReader reader = x.reader();
        Document document = new Document();
        Deque<Element> open = new ArrayDeque<>();
        int items = 0;
        int skipped = 0;
        List<Instant> times = new ArrayList<>();
        ItemTime time = null;
        while (reader.hasNext()) {
            int event = x.advance();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (isItem(reader.getLocalName(), open)) {
                        items++;
                        if (items > maxItems) {
                            skipped++;
                            x.skip();
                            continue;
                        }
                        time = new ItemTime();
                        times.add(null);
                    }
                    int kind = dateKind(reader);
                    if (kind != NOT_A_DATE) {
                        // Read here, not by Rome, whose date parser builds a SimpleDateFormat for every pattern it
                        // tries: a third of its time on a story. Dates outside items are not used at all.
                        String text = x.text();
                        if (time != null && !open.isEmpty()) {
                            time.offer(kind, text);
                            times.set(times.size() - 1, time.best());
                        }
                        continue;
                    }
                    Element element = element(reader);
                    if (open.isEmpty()) {
                        document.setRootElement(element);
                    } else {
                        open.peek().addContent(element);
                    }
                    open.push(element);
                }
                case XMLStreamConstants.END_ELEMENT -> open.pop();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> addText(open, new Text(reader.getText()));
                case XMLStreamConstants.CDATA -> addText(open, new CDATA(reader.getText()));
                case XMLStreamConstants.ENTITY_REFERENCE -> addText(open, new Text(x.entityText()));
                default -> {
                    // Comments, processing instructions and the DOCTYPE carry nothing a feed reader needs.
                }
            }
        }
        return new Built(document, items, skipped, times);
    }

    private static final int NOT_A_DATE = 0;
    private static final int PUBLISHED = 1;
    private static final int UPDATED = 2;

    /** Whether the element is a date of RSS, Dublin Core or Atom, and which kind. */
    private static int dateKind(XMLStreamReader reader) {
        String name = reader.getLocalName();
        String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
        if (ns.isEmpty()) {
            return name.equals("pubDate") ? PUBLISHED : name.equals("lastBuildDate") ? UPDATED : NOT_A_DATE;
        }
        if (ns.equals(DUBLIN_CORE)) {
            return name.equals("date") ? PUBLISHED : NOT_A_DATE;
        }
        if (ATOM.contains(ns)) {
            return switch (name) {
                case "published", "issued", "created" -> PUBLISHED;
                case "updated", "modified" -> UPDATED;
                default -> NOT_A_DATE;
            };
        }
        return NOT_A_DATE;
    }

    /** An item's publish time: the first publish date it gives, else its first update date. */
    private static final class ItemTime {
        Instant published;
        Instant updated;

        void offer(int kind, String text) {
            Instant at = FeedTimes.parse(text);
            if (kind == PUBLISHED && published == null) {
                published = at;
            } else if (kind == UPDATED && updated == null) {
                updated = at;
            }
        }

        Instant best() {
            return published != null ? published : updated;
        }
    }

    /** An RSS item (in a channel, or under RSS 1.0's root) or an Atom entry (under the feed, or alone). */
    private static boolean isItem(String name, Deque<Element> open) {
        if (open.isEmpty()) {
            return name.equals("entry");
        }
        String parent = open.peek().getName();
        return (name.equals("item") && (parent.equals("channel") || open.size() == 1))
                || (name.equals("entry") && parent.equals("feed"));
    }

    private static Element element(XMLStreamReader reader) {
        Element element = new Element(reader.getLocalName(), namespace(reader.getPrefix(), reader.getNamespaceURI()));
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            Namespace declared = namespace(reader.getNamespacePrefix(i), reader.getNamespaceURI(i));
            if (declared != Namespace.NO_NAMESPACE && !declared.equals(element.getNamespace())) {
                element.addNamespaceDeclaration(declared);
            }
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            element.setAttribute(new Attribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i),
                    namespace(reader.getAttributePrefix(i), reader.getAttributeNamespace(i))));
        }
        return element;
    }

    private static Namespace namespace(String prefix, String uri) {
        if (uri == null || uri.isEmpty()) {
            return Namespace.NO_NAMESPACE;
        }
        return Namespace.getNamespace(prefix == null ? "" : prefix, uri);
    }

    private static void addText(Deque<Element> open, Text text) {
        if (!open.isEmpty()) {
            open.peek().addContent(text);
        }
    }
}
