package io.wirestream.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The one duration grammar of wirestream, in settings files, environment variables and options alike: a whole
 * number with a unit, {@code 500ms}, {@code 30s}, {@code 5m}, {@code 12h}, {@code 30d}; ISO-8601 ({@code PT30S},
 * {@code P30D}); or {@code 0}.
 */
public final class Durations {

    /** What the grammar takes, for error messages. */
    public static final String EXAMPLES = "500ms, 30s, 5m, 12h, 30d, PT30S or 0";

    private Durations() {
    }

    /** The duration {@code text} names; IllegalArgumentException, saying what is taken, when it names none. */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.equals("0")) {
                return Duration.ZERO;
            }
            if (value.startsWith("p")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.length() > 1) {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                switch (value.charAt(value.length() - 1)) {
                    case 's': return Duration.ofSeconds(amount);
                    case 'm': return Duration.ofMinutes(amount);
                    case 'h': return Duration.ofHours(amount);
                    case 'd': return Duration.ofDays(amount);
                    default: break;
                }
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            // Falls through to the message.
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration; use e.g. " + EXAMPLES);
    }

    /** The shortest text of the grammar for {@code duration}: {@code 30d}, {@code 90s}, {@code 1500ms}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0";
        }
        long millis = duration.toMillis();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (millis % units[i] == 0) {
                return millis / units[i] + names[i];
            }
        }
        return millis + "ms";
    }
}
