package io.wirestream.format;

/**
 * Reads the prolog of an XML document without parsing it: past the XML declaration, processing instructions,
 * comments and a DOCTYPE, to the root element's name; and whether the DOCTYPE's internal subset declares entities.
 * Text, not a parser: nothing in the DOCTYPE is ever resolved.
 */
final class XmlProlog {

    private static final String DOCTYPE = "<!DOCTYPE";

    private XmlProlog() {
    }

    /** The qualified name of the root element, or null when {@code head} ends before it. */
    static String rootName(CharSequence head) {
        int root = rootStart(head);
        return root < 0 ? null : nameAt(head, root + 1);
    }

    /**
     * The offset in {@code text} of a DOCTYPE that declares entities ({@code <!ENTITY} in its internal subset), or
     * -1 when there is none. Such a document is refused: no news format needs one, and entities are how XML is
     * made to read files, fetch URLs or expand a few bytes into gigabytes.
     */
    static int entityDeclaration(CharSequence text) {
        int i = 0;
        while (i >= 0 && i < text.length()) {
            int next = skipOne(text, i);
            if (next == i) {
                return -1;
            }
            if (startsWith(text, DOCTYPE, i) && indexOf(text, "<!ENTITY", i, next < 0 ? text.length() : next) >= 0) {
                return i;
            }
            i = next;
        }
        return -1;
    }

    /** The offset of the root element's {@code <}, or -1 when {@code text} ends before it. */
    private static int rootStart(CharSequence text) {
        int i = 0;
        while (i >= 0 && i < text.length()) {
            int next = skipOne(text, i);
            if (next == i) {
                return text.charAt(i) == '<' ? i : -1;
            }
            i = next;
        }
        return -1;
    }

    /** The index after the prolog construct or whitespace at {@code i}; {@code i} at anything else; -1 if unclosed. */
    private static int skipOne(CharSequence text, int i) {
        char c = text.charAt(i);
        if (c != '<') {
            return Character.isWhitespace(c) || c == '\uFEFF' ? i + 1 : i;
        }
        if (startsWith(text, "<?", i)) {
            return after(text, "?>", i + 2);
        }
        if (startsWith(text, "<!--", i)) {
            return after(text, "-->", i + 4);
        }
        if (startsWith(text, "<!", i)) {
            return afterDeclaration(text, i + 2);
        }
        return i;
    }

    private static int after(CharSequence text, String end, int from) {
        int at = indexOf(text, end, from, text.length());
        return at < 0 ? -1 : at + end.length();
    }

    private static boolean startsWith(CharSequence text, String prefix, int at) {
        if (at + prefix.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (text.charAt(at + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(CharSequence text, String needle, int from, int to) {
        char first = needle.charAt(0);
        for (int i = from; i + needle.length() <= to; i++) {
            if (text.charAt(i) == first && startsWith(text, needle, i)) {
                return i;
            }
        }
        return -1;
    }

    /** The index after a {@code <!DOCTYPE ...>}, its bracketed internal subset and quoted literals included. */
    private static int afterDeclaration(CharSequence head, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < head.length(); i++) {
            char c = head.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static String nameAt(CharSequence head, int from) {
        int end = from;
        while (end < head.length()) {
            char c = head.charAt(end);
            if (Character.isWhitespace(c) || c == '>' || c == '/') {
                break;
            }
            end++;
        }
        return end == from || end == head.length() ? null : head.subSequence(from, end).toString();
    }
}
