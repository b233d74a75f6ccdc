package io.wirestream.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.topology.RoutingListener.Outcome;
import org.junit.jupiter.api.Test;

/** The outcomes of a story's life in {@code wirestream_dispatches_total}: which name their subject. */
class MetricsOutcomesTest {

    @Test
    void shouldCountReleasesAndKillsPerSubjectAndStaleAndHeldOnce() {
        // Given the metrics of a process started at time 0
        try (Metrics metrics = new Metrics(() -> 0L)) {
            // When a dispatch is held, then released to a subject, a kill follows a story, and a version is stale
            metrics.outcome(Outcome.HELD, null, 1);
            metrics.outcome(Outcome.RELEASED, "north-korea", 1);
            metrics.outcome(Outcome.CANCELED, "alliance", 1);
            metrics.outcome(Outcome.STALE, null, 1);

            // Then each is counted under its outcome, the released and canceled ones with their subject
            String scrape = metrics.scrape();
            assertThat(scrape).containsPattern("wirestream_dispatches_total\\{outcome=\"held\",reason=\"\",subject=\"\"} 1")
                    .containsPattern("wirestream_dispatches_total\\{outcome=\"released\",reason=\"\",subject=\"north-korea\"} 1")
                    .containsPattern("wirestream_dispatches_total\\{outcome=\"canceled\",reason=\"\",subject=\"alliance\"} 1")
                    .containsPattern("wirestream_dispatches_total\\{outcome=\"stale\",reason=\"\",subject=\"\"} 1");
            // And only the kill is timed as routing: a held one waits for its embargo, a stale one for nothing
            assertThat(scrape).containsPattern("wirestream_routing_latency_seconds_count 1\\b");
        }
    }
}
