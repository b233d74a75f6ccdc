package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.metrics.Metrics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each source's figures on /metrics: items sent, failed polls, last success; and why the last poll failed. */
class IngestMetricsTest {

    @Test
    void shouldShowEachSourcesItemsErrorsAndLastSuccessOnMetrics() {
        // Given a feed that sent three items, and a folder whose last poll failed
        Source feed = new Source("feed", URI.create("http://127.0.0.1:1/feed.rss"), null, Duration.ofMinutes(1),
                null, Auth.NONE, false);
        Source drop = new Source("drop", null, Path.of("/srv/drop"), Duration.ofMinutes(1), null, Auth.NONE, false);
        IngestStats stats = new IngestStats(List.of(feed, drop));
        stats.succeeded("feed", 3, Instant.ofEpochSecond(1_800_000_000L));
        stats.failed("drop", "cannot read the folder: no such folder: /srv/drop");

        // When they are bound to the metrics and scraped
        try (Metrics metrics = new Metrics()) {
            metrics.bindIngest(stats);
            String scraped = metrics.scrape();

            // Then each source has its own series, and the dashboard's view says why the folder failed
            assertThat(scraped).contains("wirestream_ingest_items_sent_total{source=\"feed\"} 3.0",
                    "wirestream_ingest_errors_total{source=\"drop\"} 1.0",
                    "wirestream_ingest_errors_total{source=\"feed\"} 0.0",
                    "wirestream_ingest_last_success_timestamp_seconds{source=\"feed\"} 1.8E9",
                    "wirestream_ingest_last_success_timestamp_seconds{source=\"drop\"} 0.0");
            assertThat(metrics.ingestSources()).extracting(IngestStats.SourceStatus::lastError)
                    .containsExactly(null, "cannot read the folder: no such folder: /srv/drop");
        }
    }
}
