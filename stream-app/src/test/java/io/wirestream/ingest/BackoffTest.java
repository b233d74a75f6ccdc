package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** When a failed source is tried again: backoff that doubles with jitter, under a cap, never before Retry-After. */
class BackoffTest {

    private static final Duration INTERVAL = Duration.ofMinutes(5);

    @Test
    void shouldDoubleTheDelayFromAtMostThirtySecondsUpToTheCapWithJitterInTheUpperHalf() {
        // Given a source polled every five minutes, and a seeded random source
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

        // When it fails again and again, many times over
        for (int failures = 1; failures <= 12; failures++) {
            long full = Math.min(Backoff.CAP.toMillis(), Backoff.FIRST.toMillis() << (failures - 1));
            for (int draw = 0; draw < 200; draw++) {
                Duration delay = Backoff.delay(failures, INTERVAL, null, random);

                // Then each delay lies between half and all of the doubled delay, capped at fifteen minutes
                assertThat(delay.toMillis()).as("failure %d", failures).isBetween(full / 2, full);
            }
        }
    }

    @Test
    void shouldRetryAFastSourceWithinItsOwnIntervalFirst() {
        // Given a source polled every five seconds
        Duration delay = Backoff.delay(1, Duration.ofSeconds(5), null, RandomGenerator.of("L64X128MixRandom"));

        // Then its first retry comes within five seconds, not thirty
        assertThat(delay).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
    }

    @Test
    void shouldWaitAtLeastTheRetryAfterButNoMoreThanSixHours() {
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

        // When the server asks for ten minutes, or for two days
        Duration asked = Backoff.delay(1, INTERVAL, Duration.ofMinutes(10), random);
        Duration excessive = Backoff.delay(1, INTERVAL, Duration.ofDays(2), random);

        // Then the first is honoured, and the second bounded
        assertThat(asked).isEqualTo(Duration.ofMinutes(10));
        assertThat(excessive).isEqualTo(Backoff.MAX_RETRY_AFTER);
    }

    @Test
    void shouldReadRetryAfterAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");

        assertThat(RetryAfter.parse("120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Sat, 05 Dec 2026 12:30:00 GMT", now)).isEqualTo(Duration.ofMinutes(30));
        assertThat(RetryAfter.parse("Sat, 05 Dec 2026 11:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isNull();
        assertThat(RetryAfter.parse("-5", now)).isNull();
        assertThat(RetryAfter.parse(null, now)).isNull();
    }
}
