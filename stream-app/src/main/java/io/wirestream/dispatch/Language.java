package io.wirestream.dispatch;

import java.util.List;

/** A cheap script count that tells English dispatches from Korean-language ones. */
final class Language {

    private int hangul;
    private int latin;

    private Language() {
    }

    static String detect(String headline, List<String> paragraphs) {
        Language counts = new Language();
        counts.add(headline);
        for (String paragraph : paragraphs) {
            counts.add(paragraph);
        }
        if (counts.hangul > counts.latin) {
            return "ko";
        }
        return counts.latin > 0 ? "en" : "und";
    }

    private void add(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                latin++;
            } else if ((c >= '\uAC00' && c <= '\uD7A3') || (c >= '\u1100' && c <= '\u11FF')
                    || (c >= '\u3130' && c <= '\u318F')) {
                hangul++;
            }
        }
    }
}
