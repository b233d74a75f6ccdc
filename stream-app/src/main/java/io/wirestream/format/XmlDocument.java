package io.wirestream.format;

import io.wirestream.dispatch.FailureReason;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * Reads one XML document of a story format: opens it with the hardened reader, checks its root element, lets the
 * format read from the root, then reads on to the end, so that a document broken after its items is refused
 * whole instead of half delivered.
 */
final class XmlDocument {

    /** What a format reads, from its root element on. */
    interface RootReader {
        void read(XmlCursor x) throws XMLStreamException;
    }

    private XmlDocument() {
    }

    static void read(RawDispatch raw, Items items, Set<String> roots, String formatName, RootReader reader) {
        try (XmlCursor x = XmlCursor.open(raw.bytes())) {
            if (!x.root()) {
                items.fail(ParseResult.failure(raw, FailureReason.MALFORMED_XML, "no root element"));
                return;
            }
            if (!roots.contains(x.name())) {
                items.fail(ParseResult.failure(raw, FailureReason.UNSUPPORTED_FORMAT, "the root element <"
                        + x.name() + "> is not a " + formatName + " document's (" + String.join(", ", roots) + ")"));
                return;
            }
            reader.read(x);
            while (x.reader().hasNext()) {
                x.advance();
            }
        } catch (XMLStreamException e) {
            items.fail(XmlInput.malformed(raw, e));
        }
    }
}
