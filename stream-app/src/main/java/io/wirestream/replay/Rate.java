package io.wirestream.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How fast a replay sends: {@code max} (as fast as the broker takes), {@code 500/s} (a fixed rate), or
 * {@code x60} (the feed's own cadence, from record timestamps, sped up sixty times).
 *
 * @param perSecond fixed records per second, or 0
 * @param speedUp   factor over the original cadence, or 0
 */
public record Rate(double perSecond, double speedUp) {

    public static final Rate MAX = new Rate(0, 0);

    public static Rate parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.equals("max")) {
                return MAX;
            }
            if (value.endsWith("/s")) {
                double perSecond = Double.parseDouble(value.substring(0, value.length() - 2));
                if (perSecond > 0) {
                    return new Rate(perSecond, 0);
                }
            } else if (value.startsWith("x")) {
                double speedUp = Double.parseDouble(value.substring(1));
                if (speedUp > 0) {
                    return new Rate(0, speedUp);
                }
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw new IllegalArgumentException("'" + text + "' is not a rate: use max, 500/s or x60");
    }

    /**
     * How long after the start the record number {@code index} (from 0), stamped {@code timestamp}, is due;
     * {@code first} is the first record's timestamp.
     */
    Duration dueAfter(long index, Instant first, Instant timestamp) {
        if (perSecond > 0) {
            return Duration.ofNanos((long) (index * 1_000_000_000L / perSecond));
        }
        if (speedUp > 0 && first != null && timestamp.isAfter(first)) {
            return Duration.ofNanos((long) (Duration.between(first, timestamp).toNanos() / speedUp));
        }
        return Duration.ZERO;
    }

    @Override
    public String toString() {
        return perSecond > 0 ? perSecond + "/s" : speedUp > 0 ? "x" + speedUp : "max";
    }
}
