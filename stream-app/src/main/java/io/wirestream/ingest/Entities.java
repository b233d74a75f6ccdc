package io.wirestream.ingest;

import java.nio.charset.StandardCharsets;

/** The text of a simple element (no child elements): CDATA unwrapped, XML's five entities and character references. */
final class Entities {

    private Entities() {
    }

    /** The text between {@code from} and {@code to} of {@code doc}, stripped; null when empty. */
    static String text(byte[] doc, int from, int to) {
        String raw = new String(doc, from, to - from, StandardCharsets.UTF_8).strip();
        if (raw.startsWith("<![CDATA[") && raw.endsWith("]]>")) {
            raw = raw.substring(9, raw.length() - 3).strip();
            return raw.isEmpty() ? null : raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int semicolon = c == '&' ? raw.indexOf(';', i) : -1;
            String replaced = semicolon > i ? entity(raw.substring(i + 1, semicolon)) : null;
            if (replaced != null) {
                out.append(replaced);
                i = semicolon;
            } else {
                out.append(c);
            }
        }
        String text = out.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private static String entity(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            default: break;
        }
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
