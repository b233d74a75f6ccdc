package io.wirestream.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void shouldReadTheThreeKindsOfRate() {
        assertThat(Rate.parse("max")).isEqualTo(Rate.MAX);
        assertThat(Rate.parse("500/s").perSecond()).isEqualTo(500);
        assertThat(Rate.parse("x60").speedUp()).isEqualTo(60);
        assertThatThrownBy(() -> Rate.parse("fast")).hasMessageContaining("use max, 500/s or x60");
        assertThatThrownBy(() -> Rate.parse("0/s")).hasMessageContaining("not a rate");
    }

    @Test
    void shouldScheduleByCountOrByTheFeedsOwnCadence() {
        assertThat(Rate.MAX.dueAfter(1000, T0, T0.plusSeconds(3600))).isEqualTo(Duration.ZERO);
        assertThat(Rate.parse("500/s").dueAfter(1000, T0, T0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Rate.parse("x60").dueAfter(7, T0, T0.plusSeconds(3600))).isEqualTo(Duration.ofMinutes(1));
        assertThat(Rate.parse("x60").dueAfter(7, T0, T0.minusSeconds(60))).isEqualTo(Duration.ZERO);
    }
}
