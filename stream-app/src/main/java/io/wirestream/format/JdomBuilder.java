package io.wirestream.format;

import java.util.ArrayDeque;
import java.util.Deque;
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

    /** The document, the items it holds, and how many of them were left out of it. */
    record Built(Document document, int itemCount, int skipped) {
    }

    private JdomBuilder() {
    }

    static Built build(XmlCursor x, int maxItems) throws XMLStreamException {
        XMLStreamReader reader = x.reader();
        Document document = new Document();
        Deque<Element> open = new ArrayDeque<>();
        int items = 0;
        int skipped = 0;
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
        return new Built(document, items, skipped);
    }

    /** An RSS item (in a channel, or under RSS 1.0's root) or an Atom entry (under the feed). */
    private static boolean isItem(String name, Deque<Element> open) {
        if (open.isEmpty()) {
            return false;
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
