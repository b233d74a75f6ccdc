package io.wirestream.config;

import java.util.Locale;

/**
 * A number of bytes, written as a whole number with an optional binary unit: {@code 1048576}, {@code 512KiB},
 * {@code 1MiB}, {@code 2GiB} (and {@code B}). Binary units only, so that {@code 1MB} cannot mean two things.
 *
 * @param bytes at least 0
 */
public record DataSize(long bytes) {

    private static final String[] UNITS = {"GiB", "MiB", "KiB", "B"};
    private static final long[] FACTORS = {1L << 30, 1L << 20, 1L << 10, 1L};

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative, was " + bytes);
        }
    }

    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes);
    }

    public static DataSize ofMebibytes(long mebibytes) {
        return new DataSize(Math.multiplyExact(mebibytes, 1L << 20));
    }

    /** The size {@code text} names; IllegalArgumentException, saying what is taken, when it names none. */
    public static DataSize parse(String text) {
        String value = text == null ? "" : text.strip();
        long bytes = -1;
        try {
            int unit = UNITS.length - 1;
            String lower = value.toLowerCase(Locale.ROOT);
            for (int i = 0; i < UNITS.length; i++) {
                if (lower.endsWith(UNITS[i].toLowerCase(Locale.ROOT))) {
                    unit = i;
                    value = value.substring(0, value.length() - UNITS[i].length()).strip();
                    break;
                }
            }
            bytes = Math.multiplyExact(Long.parseLong(value), FACTORS[unit]);
        } catch (NumberFormatException | ArithmeticException e) {
            // Falls through to the message.
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a size; use e.g. 1048576, 512KiB or 1MiB");
        }
        return new DataSize(bytes);
    }

    /** The bytes as an int, for APIs that take one; sizes above 2 GiB are refused where they are read. */
    public int toIntBytes() {
        return Math.toIntExact(bytes);
    }

    /** The shortest exact text: {@code 1MiB}, {@code 1500}. */
    @Override
    public String toString() {
        for (int i = 0; i < UNITS.length - 1; i++) {
            if (bytes != 0 && bytes % FACTORS[i] == 0) {
                return bytes / FACTORS[i] + UNITS[i];
            }
        }
        return Long.toString(bytes);
    }
}
