package io.wirestream.format;

/**
 * Finds the name of the root element at the start of an XML document without parsing it: past the XML declaration,
 * processing instructions, comments and a DOCTYPE (whose internal subset is skipped, never read).
 */
final class XmlProlog {

    private XmlProlog() {
    }

    /** The qualified name of the root element, or null when {@code head} ends before it. */
    static String rootName(String head) {
        int i = 0;
        int n = head.length();
        while (i < n) {
            char c = head.charAt(i);
            if (c != '<') {
                if (!Character.isWhitespace(c)) {
                    return null;
                }
                i++;
            } else if (head.startsWith("<?", i)) {
                i = after(head, "?>", i + 2);
            } else if (head.startsWith("<!--", i)) {
                i = after(head, "-->", i + 4);
            } else if (head.startsWith("<!", i)) {
                i = afterDeclaration(head, i + 2);
            } else {
                return nameAt(head, i + 1);
            }
            if (i < 0) {
                return null;
            }
        }
        return null;
    }

    private static int after(String head, String end, int from) {
        int at = head.indexOf(end, from);
        return at < 0 ? -1 : at + end.length();
    }

    /** The index after a {@code <!DOCTYPE ...>}, its bracketed internal subset and quoted literals included. */
    private static int afterDeclaration(String head, int from) {
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

    private static String nameAt(String head, int from) {
        int end = from;
        while (end < head.length()) {
            char c = head.charAt(end);
            if (Character.isWhitespace(c) || c == '>' || c == '/') {
                break;
            }
            end++;
        }
        return end == from || end == head.length() ? null : head.substring(from, end);
    }
}
