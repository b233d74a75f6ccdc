package io.wirestream.classify;

import java.util.Arrays;
import java.util.Locale;

/** The parts of a dispatch that rule queries can name, e.g. {@code headline:USFK}. */
public enum Field {
    /** The headline, without its tags. */
    HEADLINE,
    /** The first paragraph, after the dateline. */
    LEAD,
    /** The headline and the first paragraph: where a story says what it is about. */
    TOP,
    /** Every paragraph, the lead included. */
    BODY,
    /** The headline and every paragraph; the field of query terms that name none. */
    TEXT;

    /** The name used in queries. */
    public String queryName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The query names of all fields, for messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Field::queryName).toList());
    }

    /** The field of a query name, or null when there is none. */
    public static Field fromQueryName(String name) {
        for (Field field : values()) {
            if (field.queryName().equals(name)) {
                return field;
            }
        }
        return null;
    }
}
