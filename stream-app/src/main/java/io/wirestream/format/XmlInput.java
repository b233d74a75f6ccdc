package io.wirestream.format;

import io.wirestream.dispatch.FailureReason;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final String REUSE_INSTANCE = "reuse-instance";
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(XmlInput::newFactory);
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("\\A<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");

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
        // The JDK's reader is costly to build (scanner, entity manager, symbol table): the factory of each thread
        // reuses its last reader once closed, which every reader here is.
        factory.setProperty(REUSE_INSTANCE, true);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("wirestream fetches nothing an XML document names: " + systemId);
        });
        return factory;
    }

    /**
     * A reader over {@code bytes}, once their prolog is known to declare no entity. The JDK reader's own text of a
     * DOCTYPE cannot be trusted for that (without an XML declaration before it, it comes back garbled), so the
     * prolog is read here, as text.
     */
    static XMLStreamReader open(byte[] bytes) throws XMLStreamException {
        CharSequence chars = prologChars(bytes);
        int declaration = XmlProlog.entityDeclaration(chars);
        if (declaration >= 0) {
            throw new XMLStreamException("the DOCTYPE declares entities; wirestream reads no DTD and expands no entity",
                    location(chars, declaration));
        }
        // Decoded here, not by the JDK reader: on a malformed byte sequence that one prints "[Fatal Error]" to
        // standard error before it throws, and nothing in StAX turns that off.
        return FACTORY.get().createXMLStreamReader(new StringReader(decode(bytes, chars)));
    }

    /** The document as text, in the encoding its BOM or XML declaration names (UTF-8 if none), strictly. */
    private static String decode(byte[] bytes, CharSequence prolog) throws XMLStreamException {
        Charset charset;
        int start = 0;
        if (prolog instanceof String) {
            charset = bytes[0] == 0 || bytes[1] == 0 ? (bytes[0] == 0 ? StandardCharsets.UTF_16BE
                    : StandardCharsets.UTF_16LE) : StandardCharsets.UTF_16;
        } else {
            start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                    && bytes[2] == (byte) 0xBF ? 3 : 0;
            charset = declaredCharset(prolog.subSequence(0, Math.min(prolog.length(), 200)));
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            int at = in.position();
            throw new XMLStreamException("Invalid " + charset.name() + " byte sequence at byte " + at,
                    location(new Latin1Chars(bytes, 0, bytes.length), at));
        }
    }

    private static Charset declaredCharset(CharSequence head) throws XMLStreamException {
        Matcher declared = DECLARED_ENCODING.matcher(head);
        if (!declared.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(declared.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new XMLStreamException("the XML declaration names an encoding this JVM does not have: "
                    + declared.group(1), location(head, declared.start(1)));
        }
    }

    /** The document's characters for the prolog: UTF-16 decoded; any other encoding byte for byte, past a BOM. */
    private static CharSequence prologChars(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return new String(bytes, StandardCharsets.UTF_16);
        }
        if (bytes.length >= 2 && bytes[0] == 0 && bytes[1] == '<') {
            return new String(bytes, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && bytes[0] == '<' && bytes[1] == 0) {
            return new String(bytes, StandardCharsets.UTF_16LE);
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
                ? 3 : 0;
        return new Latin1Chars(bytes, start, bytes.length);
    }

    /** Line and column (from 1) of offset {@code at}, for a message that says where. */
    private static Location location(CharSequence chars, int at) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < at; i++) {
            if (chars.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        int lineNumber = line;
        int columnNumber = column;
        return new Location() {
            @Override
            public int getLineNumber() {
                return lineNumber;
            }

            @Override
            public int getColumnNumber() {
                return columnNumber;
            }

            @Override
            public int getCharacterOffset() {
                return at;
            }

            @Override
            public String getPublicId() {
                return null;
            }

            @Override
            public String getSystemId() {
                return null;
            }
        };
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
