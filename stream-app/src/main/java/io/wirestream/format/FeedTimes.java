package io.wirestream.format;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Feed dates to instants: RSS's RFC 822 dates in the RFC 1123 form everyone sends ({@code Sat, 06 Feb 2021
 * 23:10:00 +0000}, or {@code GMT}), and the ISO 8601 dates of Atom and Dublin Core. Others (two-digit years,
 * North American zone names) are no date: the item keeps the dateline's publish time.
 */
final class FeedTimes {

    private FeedTimes() {
    }

    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (Character.isDigit(value.charAt(0))) {
            return ProviderTimes.parse(value);
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
