package io.wirestream.web;

/**
 * How many items and alerts a second go out live, so that a flood on the wire (a replay, a backlog after an
 * outage) cannot turn the live stream into the process's main work: a token bucket whose rate is a budget of
 * events times viewers a second, shared among the viewers there are, within a floor (2) and a ceiling (1,000).
 * Writing one event of 3 KB to one viewer costs the server 5 to 9 µs of CPU (measured on 2 cores), so a budget of
 * 10,000 is a tenth of a core or less: 5 events a second with 2,000 viewers, the ceiling with 10 or fewer. It holds
 * a burst of two seconds' worth. Not thread-safe: the caller serializes.
 */
final class FloodGate {

    private static final double BURST_SECONDS = 2;
    /** Events a second however many watch. */
    private static final double FLOOR = 2;
    /** Events a second however few watch. */
    private static final double CEILING = 1_000;

    private final double budget;
    private double tokens;
    private long last;

    /** @param budget viewer-events a second, in all */
    FloodGate(double budget, long nanos) {
        this.budget = budget;
        this.tokens = CEILING * BURST_SECONDS;
        this.last = nanos;
    }

    /** Events a second with this many viewers. */
    double rate(int viewers) {
        return Math.max(FLOOR, Math.min(CEILING, budget / Math.max(1, viewers)));
    }

    /** True when one more event may go out now; false when it is one too many for the rate. */
    boolean admit(long nanos, int viewers) {
        double rate = rate(viewers);
        tokens = Math.min(rate * BURST_SECONDS, tokens + (nanos - last) / 1e9 * rate);
        last = nanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
