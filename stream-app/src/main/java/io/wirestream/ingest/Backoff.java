package io.wirestream.ingest;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to poll a source again after it failed: exponential backoff with jitter, so that a provider's outage is not
 * met by every poller at once and ever faster. The first retry comes after at most the source's interval or 30 s,
 * whichever is shorter (a blip should not cost a whole interval), then twice as long each time, up to the larger of
 * the interval and 15 minutes; each delay is drawn between half of it and all of it. A {@code Retry-After} from the
 * server is a floor (up to six hours: a larger one is taken as six).
 */
final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(30);
    static final Duration CAP = Duration.ofMinutes(15);
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(6);

    private Backoff() {
    }

    /**
     * @param failures   failures in a row, this one included (1 or more)
     * @param retryAfter the server's Retry-After; null for none
     */
    static Duration delay(int failures, Duration interval, Duration retryAfter, RandomGenerator random) {
        long first = Math.min(interval.toMillis(), FIRST.toMillis());
        long cap = Math.max(interval.toMillis(), CAP.toMillis());
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        long full = Math.min(cap, first << doublings);
        if (full <= 0 || full > cap) {
            full = cap;
        }
        long drawn = full / 2 + (long) (random.nextDouble() * (full - full / 2 + 1));
        Duration delay = Duration.ofMillis(Math.min(full, drawn));
        if (retryAfter != null) {
            Duration floor = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
            if (floor.compareTo(delay) > 0) {
                return floor;
            }
        }
        return delay;
    }
}
