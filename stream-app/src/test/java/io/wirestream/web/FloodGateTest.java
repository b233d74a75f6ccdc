package io.wirestream.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The live stream's rate: a budget shared among viewers, within a floor and a ceiling, with a two-second burst. */
class FloodGateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldShareTheBudgetAmongViewersWithinTheFloorAndTheCeiling() {
        FloodGate gate = new FloodGate(40_000, 0);

        assertThat(gate.rate(2_000)).isEqualTo(20);
        assertThat(gate.rate(1)).as("the ceiling").isEqualTo(1_000);
        assertThat(gate.rate(0)).isEqualTo(1_000);
        assertThat(gate.rate(100_000)).as("the floor").isEqualTo(2);
    }

    @Test
    void shouldLetABurstOfTwoSecondsThroughThenTheRate() {
        FloodGate gate = new FloodGate(40_000, 0);

        int admitted = 0;
        for (int i = 0; i < 100; i++) {
            admitted += gate.admit(0, 2_000) ? 1 : 0;
        }
        assertThat(admitted).as("two seconds' worth at 20 a second").isEqualTo(40);

        int later = 0;
        for (int i = 0; i < 100; i++) {
            later += gate.admit(SECOND / 2, 2_000) ? 1 : 0;
        }
        assertThat(later).as("half a second later, half a second's worth").isEqualTo(10);
    }
}
