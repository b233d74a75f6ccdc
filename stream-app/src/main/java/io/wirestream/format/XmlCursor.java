package io.wirestream.format;

import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.nodes.Entities;

/**
 * A walk through an XML document by depth: the next child of an element, an element's text, its paragraphs.
 * Every event passes one gate that refuses entities neither XML nor HTML define and nesting deeper than
 * {@link #MAX_DEPTH}; HTML's named entities ({@code &mdash;}) are looked up. A DOCTYPE declaring entities is refused
 * before reading ({@link XmlInput#open}).
 */
final class XmlCursor implements AutoCloseable {

    /** Far deeper than any news document (a newsMessage's XHTML body is some 12 levels down). */
    static final int MAX_DEPTH = 100;

    private final XMLStreamReader reader;
    private int depth;
    private int event;

    private XmlCursor(XMLStreamReader reader) {
        this.reader = reader;
    }

    static XmlCursor open(byte[] bytes) throws XMLStreamException {
        return new XmlCursor(XmlInput.open(bytes));
    }

    /** Moves to the next event, through the gate; returns its type. */
    int advance() throws XMLStreamException {
        event = reader.next();
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> {
                if (++depth > MAX_DEPTH) {
                    throw new XMLStreamException("elements nest deeper than " + MAX_DEPTH, reader.getLocation());
                }
            }
            case XMLStreamConstants.END_ELEMENT -> depth--;
            case XMLStreamConstants.ENTITY_REFERENCE -> entityText();
            default -> {
            }
        }
        return event;
    }

    /** The text of the current entity reference: an HTML named entity, or a refusal. */
    String entityText() throws XMLStreamException {
        String name = reader.getLocalName();
        if (!Entities.isNamedEntity(name)) {
            throw new XMLStreamException("the entity &" + name + "; is not declared", reader.getLocation());
        }
        return Entities.getByName(name);
    }

    XMLStreamReader reader() {
        return reader;
    }

    /** Depth of the current element: 1 for the root. */
    int depth() {
        return depth;
    }

    /** Moves to the root element; false when the document has none. */
    boolean root() throws XMLStreamException {
        while (reader.hasNext()) {
            if (advance() == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves to the next child element of the element open at {@code parentDepth}; false, with the cursor on that
     * element's end, when it has no more.
     */
    boolean nextChild(int parentDepth) throws XMLStreamException {
        while (reader.hasNext()) {
            int type = advance();
            if (type == XMLStreamConstants.START_ELEMENT && depth == parentDepth + 1) {
                return true;
            }
            if (type == XMLStreamConstants.END_ELEMENT && depth < parentDepth) {
                return false;
            }
        }
        return false;
    }

    String name() {
        return reader.getLocalName();
    }

    /** An attribute of the current element by local name, in any namespace or none; null when absent. */
    String attr(String localName) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equals(localName)) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    /** The current element's {@code xml:lang}, or null. */
    String lang() {
        return reader.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
    }

    /** All the text inside the current element, child elements' included; leaves the cursor on its end. */
    String text() throws XMLStreamException {
        StringBuilder out = new StringBuilder();
        int open = depth;
        while (reader.hasNext()) {
            int type = advance();
            if (type == XMLStreamConstants.END_ELEMENT && depth < open) {
                break;
            }
            appendText(type, out);
        }
        return out.toString();
    }

    /**
     * The text of the first child element named {@code childName} of the current element (a NewsML-G2
     * {@code name}), the other children skipped; null when there is none. Leaves the cursor on the element's end.
     */
    String childText(String childName) throws XMLStreamException {
        int open = depth;
        String found = null;
        while (nextChild(open)) {
            if (found == null && name().equals(childName)) {
                found = text();
            } else {
                skip();
            }
        }
        return found;
    }

    /** Skips the current element and everything in it. */
    void skip() throws XMLStreamException {
        int open = depth;
        while (reader.hasNext()) {
            if (advance() == XMLStreamConstants.END_ELEMENT && depth < open) {
                return;
            }
        }
    }

    /**
     * Adds the paragraphs inside the current element (an XHTML or NITF body): the text of each block element,
     * split at line breaks; what {@link Blocks#isSkipped} names is left out.
     */
    void paragraphs(List<String> out) throws XMLStreamException {
        StringBuilder current = new StringBuilder(512);
        int open = depth;
        while (reader.hasNext()) {
            int type = advance();
            if (type == XMLStreamConstants.END_ELEMENT) {
                if (depth < open) {
                    break;
                }
                if (Blocks.isBlock(reader.getLocalName())) {
                    Blocks.flush(current, out);
                }
            } else if (type == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                if (Blocks.isSkipped(name)) {
                    skip();
                } else if (Blocks.isBlock(name) || Blocks.isBreak(name)) {
                    Blocks.flush(current, out);
                }
            } else {
                appendText(type, current);
            }
        }
        Blocks.flush(current, out);
    }

    private void appendText(int type, StringBuilder out) throws XMLStreamException {
        if (type == XMLStreamConstants.CHARACTERS || type == XMLStreamConstants.CDATA
                || type == XMLStreamConstants.SPACE) {
            out.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
        } else if (type == XMLStreamConstants.ENTITY_REFERENCE) {
            out.append(entityText());
        }
    }

    @Override
    public void close() throws XMLStreamException {
        reader.close();
    }
}
