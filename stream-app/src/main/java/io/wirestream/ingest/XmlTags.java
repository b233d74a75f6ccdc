package io.wirestream.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The tags of an XML document and where each starts and ends, in bytes: a lexical pass that knows comments, CDATA
 * sections, processing instructions, a DOCTYPE and quoted attribute values, so that a {@code <item>} inside any of
 * them is not taken for a tag. It reads no DTD and expands nothing; the document was already read, and refused if
 * malformed or hostile, by the format layer's hardened reader, so this only finds boundaries. Bytes are read as
 * ASCII, which is exact for UTF-8 and the 8-bit encodings, where every markup character is one byte.
 */
final class XmlTags {

    enum Kind { OPEN, CLOSE, EMPTY }

    /**
     * @param start the offset of its {@code <}
     * @param end   the offset after its {@code >}
     */
    record Tag(Kind kind, String name, int start, int end) {

        /** The name without its prefix: {@code rdf:RDF} → {@code RDF}. */
        String localName() {
            int colon = name.indexOf(':');
            return colon < 0 ? name : name.substring(colon + 1);
        }
    }

    /** An attribute of a start tag: its name, and where {@code name="value"} is written. */
    record Attribute(String name, int start, int end) {
    }

    /** A document these offsets cannot describe: not ASCII-compatible, or markup left open. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    private XmlTags() {
    }

    static List<Tag> scan(byte[] doc) throws Unreadable {
        if (doc.length >= 2 && (doc[0] == 0 || doc[1] == 0 || (doc[0] & 0xFF) == 0xFE || (doc[0] & 0xFF) == 0xFF)) {
            throw new Unreadable("a UTF-16 document: wirestream splits feeds in UTF-8 or an 8-bit encoding");
        }
        List<Tag> tags = new ArrayList<>();
        int i = 0;
        while (true) {
            int lt = indexOf(doc, (byte) '<', i);
            if (lt < 0) {
                return tags;
            }
            if (startsWith(doc, lt, "<!--")) {
                i = after(doc, lt + 4, "-->");
            } else if (startsWith(doc, lt, "<![CDATA[")) {
                i = after(doc, lt + 9, "]]>");
            } else if (startsWith(doc, lt, "<?")) {
                i = after(doc, lt + 2, "?>");
            } else if (startsWith(doc, lt, "<!")) {
                i = afterDeclaration(doc, lt + 2);
            } else {
                i = tag(doc, lt, tags);
            }
        }
    }

    private static int tag(byte[] doc, int lt, List<Tag> tags) throws Unreadable {
        boolean close = lt + 1 < doc.length && doc[lt + 1] == '/';
        int nameStart = close ? lt + 2 : lt + 1;
        int nameEnd = nameStart;
        while (nameEnd < doc.length && !isSpace(doc[nameEnd]) && doc[nameEnd] != '>' && doc[nameEnd] != '/') {
            nameEnd++;
        }
        int i = nameEnd;
        byte quote = 0;
        while (i < doc.length && (quote != 0 || doc[i] != '>')) {
            if (quote != 0 && doc[i] == quote) {
                quote = 0;
            } else if (quote == 0 && (doc[i] == '"' || doc[i] == '\'')) {
                quote = doc[i];
            }
            i++;
        }
        if (i >= doc.length || nameEnd == nameStart) {
            throw new Unreadable("a tag left open at byte " + lt);
        }
        Kind kind = close ? Kind.CLOSE : doc[i - 1] == '/' ? Kind.EMPTY : Kind.OPEN;
        tags.add(new Tag(kind, ascii(doc, nameStart, nameEnd), lt, i + 1));
        return i + 1;
    }

    /** Past a DOCTYPE (or another declaration), its internal subset and quoted literals included. */
    private static int afterDeclaration(byte[] doc, int from) throws Unreadable {
        int depth = 0;
        byte quote = 0;
        for (int i = from; i < doc.length; i++) {
            byte b = doc[i];
            if (quote != 0) {
                quote = b == quote ? 0 : quote;
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '[') {
                depth++;
            } else if (b == ']') {
                depth--;
            } else if (b == '>' && depth <= 0) {
                return i + 1;
            }
        }
        throw new Unreadable("a declaration left open at byte " + from);
    }

    /**
     * The attributes of a start tag, in order.
     */
    static List<Attribute> attributes(byte[] doc, Tag tag) {
        List<Attribute> attributes = new ArrayList<>();
        int i = tag.start() + 1 + tag.name().length();
        int end = tag.end() - 1;
        while (i < end) {
            while (i < end && (isSpace(doc[i]) || doc[i] == '/')) {
                i++;
            }
            int nameStart = i;
            while (i < end && doc[i] != '=' && !isSpace(doc[i])) {
                i++;
            }
            String name = ascii(doc, nameStart, i);
            while (i < end && (isSpace(doc[i]) || doc[i] == '=')) {
                i++;
            }
            if (i >= end || name.isEmpty()) {
                break;
            }
            byte quote = doc[i];
            int valueEnd = indexOf(doc, quote, i + 1);
            if (valueEnd < 0 || valueEnd > end) {
                break;
            }
            attributes.add(new Attribute(name, nameStart, valueEnd + 1));
            i = valueEnd + 1;
        }
        return attributes;
    }

    private static int after(byte[] doc, int from, String end) throws Unreadable {
        for (int i = from; i + end.length() <= doc.length; i++) {
            if (startsWith(doc, i, end)) {
                return i + end.length();
            }
        }
        throw new Unreadable("'" + end + "' missing after byte " + from);
    }

    static boolean startsWith(byte[] doc, int at, String text) {
        if (at + text.length() > doc.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if ((doc[at + i] & 0xFF) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] doc, byte wanted, int from) {
        for (int i = from; i < doc.length; i++) {
            if (doc[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** Markup names and attribute text outside the value: ASCII in practice; other bytes kept one to a char. */
    static String ascii(byte[] doc, int from, int to) {
        char[] chars = new char[to - from];
        for (int i = from; i < to; i++) {
            chars[i - from] = (char) (doc[i] & 0xFF);
        }
        return new String(chars);
    }
}
