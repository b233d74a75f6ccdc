package io.wirestream.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.config.WirestreamConfig;
import io.wirestream.metrics.Metrics;
import io.wirestream.testing.SseViewers;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The live stream under load, at a size that fits CI: 200 viewers on one dashboard server (the whole server, its
 * guards and routes, with the feed filled by hand: the web layer alone), each with a snapshot of full columns; a new
 * dispatch reaches every one of them; a viewer that stops reading is dropped as slow while the other 200 keep up
 * with every event. The full figure, 2,000 viewers beside the routing, is a benchmark, not a test: see
 * {@code DashboardViewersBenchmark} and docs/benchmarks.md.
 */
class ViewerLoadIT {

    private static final int VIEWERS = 200;
    private static final Duration SOON = Duration.ofSeconds(30);
    private static final DispatchBody DISPATCH = DispatchBody.of(ApiFixtures.routed());

    private final FeedState feed = new FeedState(List.of(
            new Column("north-korea", "North Korea", "north-korea", ""),
            new Column("unrouted", "Unrouted", "unrouted", "")));
    private final Metrics metrics = new Metrics();
    private final AtomicIntegerArray snapshots = new AtomicIntegerArray(VIEWERS);
    private final AtomicIntegerArray items = new AtomicIntegerArray(VIEWERS);
    private final AtomicLongArray lastSeen = new AtomicLongArray(VIEWERS);
    private DashboardServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        metrics.close();
    }

    @Test
    void shouldBringANewDispatchToEachOf200ViewersAndDropTheOneThatDoesNotRead() throws Exception {
        feed.caughtUp();
        for (int i = 0; i < FeedState.RECENT; i++) {
            feed.add(item("north-korea", i));
            feed.add(item("unrouted", i));
        }
        server = new DashboardServer(new WirestreamConfig.Dashboard(true, "127.0.0.1", 0, null, Set.of(), 250),
                "wirestream-load", ApiFixtures.backend(() -> true, (from, to) -> Map.of()), metrics, feed, null).start();

        try (SseConnection slow = SseConnection.openSlow(server.port());
                SseViewers viewers = new SseViewers(new InetSocketAddress("127.0.0.1", server.port()), "localhost",
                        new SseViewers.Listener() {
                            @Override
                            public boolean wantsData(String name) {
                                return false;
                            }

                            @Override
                            public void onEvent(int viewer, String name, String id, byte[] data, int length,
                                    long nanos) {
                                seen(viewer, name, nanos);
                            }
                        })) {
            viewers.open(VIEWERS);
            await("every viewer has its snapshot").atMost(SOON).until(() -> count(snapshots) == VIEWERS);
            assertThat(viewers.failure()).isNull();

            // Given 201 viewers, when a dispatch comes, then every one of the 200 readers has it.
            long sent = System.nanoTime();
            feed.add(item("north-korea", 1_000));
            await("every viewer has the new dispatch").atMost(SOON).until(() -> count(items) == VIEWERS);
            long slowest = 0;
            for (int i = 0; i < VIEWERS; i++) {
                slowest = Math.max(slowest, lastSeen.get(i) - sent);
            }
            System.out.printf("%d viewers: the new dispatch reached the last of them after %.1f ms%n", VIEWERS,
                    slowest / 1e6);

            // When dispatches keep coming, the one that does not read falls behind and is dropped; no other is.
            int added = 1;
            while (!metrics.scrape().contains("wirestream_dashboard_viewers_dropped_total{reason=\"slow\"} 1.0")) {
                assertThat(added).as("the slow viewer is dropped within 2,000 dispatches").isLessThan(2_000);
                for (int i = 0; i < 10; i++) {
                    feed.add(item("unrouted", 1_000 + added++));
                }
                Thread.sleep(220); // Under the live stream's rate for 201 viewers: 10,000 / 201, about 50 a second.
            }
            int total = added;
            await("each reader has every dispatch").atMost(SOON).until(() -> count(items) == VIEWERS * total);
            assertThat(slow.drainsToEnd(SOON)).as("the slow viewer's connection is closed").isTrue();
            // The server counts a viewer gone once its side of the connection has ended, which can follow the
            // client's seeing it closed by a moment.
            await("the dropped viewer is no longer counted").atMost(SOON)
                    .until(() -> metrics.scrape().contains("wirestream_dashboard_viewers 200.0"));
            String scrape = metrics.scrape();
            assertThat(scrape).contains("wirestream_dashboard_viewers 200.0",
                    "wirestream_dashboard_viewers_dropped_total{reason=\"slow\"} 1.0",
                    "wirestream_dashboard_events_skipped_total 0.0");
            assertThat(viewers.closed()).as("no reader was dropped").isZero();
        }
    }

    private void seen(int viewer, String name, long nanos) {
        if (name.equals("snapshot")) {
            snapshots.incrementAndGet(viewer);
        } else if (name.equals("item")) {
            items.incrementAndGet(viewer);
            lastSeen.set(viewer, nanos);
        }
    }

    private static int count(AtomicIntegerArray counts) {
        int sum = 0;
        for (int i = 0; i < counts.length(); i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    /** A routed dispatch of the fixtures, as the feed reader makes it, at a place of its own. */
    private static Item item(String column, int offset) {
        return new Item.DispatchItem(column + ":0:" + offset, column, offset, offset, DISPATCH);
    }
}
