package io.wirestream.format;

import io.wirestream.dispatch.FailureReason;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one way the format layer reads XML: the JDK's StAX reader with DTDs, external entities and entity replacement
 * off, and a resolver that refuses every external fetch. What it still lets through, {@link XmlCursor} refuses or
 * bounds (entity declarations, undeclared entities, depth).
 */
final class XmlInput {

    /** One factory per thread: the JDK does not promise that a factory may be shared by threads. */
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(XmlInput::newFactory);

    private XmlInput() {
    }

    private static XMLInputFactory newFactory() {
        // The JDK's own implementation, whatever a dependency may put on the class path.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Entity references come to us as events, so that an undeclared one is refused or looked up as HTML's.
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("wirestream fetches nothing an XML document names: " + systemId);
        });
        return factory;
    }

    static XMLStreamReader open(byte[] bytes) throws XMLStreamException {
        return FACTORY.get().createXMLStreamReader(new ByteArrayInputStream(bytes));
    }

    /** A {@code MALFORMED_XML} failure with the reader's message and the line and column where it stopped. */
    static ParseResult.Failed malformed(RawDispatch raw, XMLStreamException e) {
        Location at = e.getLocation();
        String where = at == null ? "" : String.format(Locale.ROOT, "line %d, column %d: ", at.getLineNumber(),
                at.getColumnNumber());
        return ParseResult.failure(raw, FailureReason.MALFORMED_XML, where + cleanMessage(e));
    }

    /** The JDK prefixes its messages with the location ("ParseError at [row,col]:[1,5] Message: ..."). */
    private static String cleanMessage(XMLStreamException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
    }
}
