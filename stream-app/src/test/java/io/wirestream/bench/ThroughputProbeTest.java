package io.wirestream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputProbeTest {

    @Test
    void shouldPlaceTheHalfwayPointBetweenTheTwoLooksAroundIt() {
        List<long[]> changes = List.of(new long[] {0, 0}, new long[] {100, 40}, new long[] {200, 80},
                new long[] {300, 100});

        assertThat(ThroughputProbe.halfway(changes, 100)).isEqualTo(125);
    }

    @Test
    void shouldPutHalfwayMidwayWhenTheOutputCameAllAtOnce() {
        List<long[]> changes = List.of(new long[] {1_000, 0}, new long[] {3_000, 300});

        assertThat(ThroughputProbe.halfway(changes, 300)).isEqualTo(2_000);
    }
}
