package io.wirestream.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Provider times to instants: ISO 8601 as NewsML-G2 and ninjs write them, with or without an offset (none means
 * UTC), and the basic form NITF's {@code norm} attributes use ({@code 20210206T231000+0000}). A time that is none
 * of these is no time: the field stays empty, the item is not refused for it.
 */
final class ProviderTimes {

    private static final DateTimeFormatter BASIC = new DateTimeFormatterBuilder()
            .appendPattern("uuuuMMdd'T'HHmmss").optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private ProviderTimes() {
    }

    static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // Not ISO 8601 with an offset: try the other forms.
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // Not ISO 8601 without an offset either.
        }
        try {
            var parsed = BASIC.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime odt ? odt.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // Not NITF's basic form.
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
