package io.wirestream.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the date-times users write: ISO-8601 instants, offsets, local date-times and dates (as UTC). */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * Accepts {@code 2024-02-09T01:00:00Z}, {@code 2024-02-09T10:00:00+09:00}, {@code 2024-02-09T01:00:00}
     * and {@code 2024-02-09} (both read as UTC).
     *
     * @throws DateTimeParseException when the text is none of these
     */
    public static Instant parse(String text) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
        }
    }

    /** A JSON value that is either such a string or a number of epoch milliseconds. */
    static Instant parse(JsonNode node) {
        if (node.isIntegralNumber()) {
            return Instant.ofEpochMilli(node.asLong());
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException("not a string or number");
        }
        return parse(node.asText());
    }
}
