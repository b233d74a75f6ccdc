package io.wirestream.cli;

import io.wirestream.input.Timestamps;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads ISO-8601 date-times on the command line, with a message that shows the accepted forms. */
final class InstantConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            return Timestamps.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a date-time; use e.g. 2021-02-07T09:00:00+09:00, "
                    + "2021-02-07T00:00:00Z or 2021-02-07");
        }
    }
}
