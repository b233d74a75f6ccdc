package io.wirestream.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import io.wirestream.metrics.Metrics;
import io.wirestream.topology.DeadLetterView;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/events} on asynchronous output, fed by hand: the retry delay, a snapshot with the id it stands at,
 * then each change with its id, text that is not ASCII intact; a browser that comes back with the id of its last
 * event resumes with what it missed and no snapshot; one viewer too many is told so; a viewer that does not read
 * is dropped as slow while another gets everything; a flood is held back, told, and made good by a snapshot; what
 * comes while nobody has watched is not framed at all.
 */
class EventStreamTest {

    private static final Pattern ID = Pattern.compile("id: ([0-9a-z]+-[0-9]+)");

    private final FeedState feed = new FeedState(List.of(
            new Column("dead-letters", "Dead letters", "raw-feed.dlq", "")));
    private final Metrics metrics = new Metrics();
    private EventStream stream;
    private Javalin app;

    private void start(Broadcaster.Limits limits) {
        stream = new EventStream(feed, limits, metrics);
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.router.mount(router -> router.get("/api/events", stream::open));
        }).start(InetAddress.getLoopbackAddress().getHostAddress(), 0);
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        if (app != null) {
            app.stop();
        }
        metrics.close();
    }

    @Test
    void shouldSendTheRetryDelayASnapshotThenEachChangeWithItsId() throws Exception {
        start(Broadcaster.Limits.of(10));
        feed.caughtUp();
        try (SseConnection viewer = SseConnection.open(app.port(), Map.of())) {
            assertThat(viewer.status()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(viewer.header("content-type")).startsWith("text/event-stream");
            assertThat(viewer.header("transfer-encoding")).as("one stream per connection, to its end").isNull();
            assertThat(viewer.block()).containsExactly("retry: 2000");
            List<String> snapshot = viewer.block();
            assertThat(snapshot.get(0)).matches("id: [0-9a-z]+-1");
            assertThat(snapshot.subList(1, 3)).containsExactly("event: snapshot",
                    "data: {\"columns\":{\"dead-letters\":[]},\"alerts\":[],\"rules\":[]}");

            feed.add(deadLetter(1, "북한 <script>"));

            List<String> item = viewer.block();
            assertThat(item.get(0)).isEqualTo(snapshot.get(0).replaceAll("-1$", "-2"));
            assertThat(item.subList(1, 3)).containsExactly("event: item", "data: {\"id\":\"raw-feed.dlq:0:1\","
                    + "\"column\":\"dead-letters\",\"timestamp\":1,\"seenAt\":2,\"reason\":\"MARKUP\","
                    + "\"message\":\"북한 <script>\",\"exception\":null,\"source\":null,\"bytes\":3,"
                    + "\"preview\":\"\"}");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(metrics.scrape())
                    .contains("wirestream_dashboard_viewers 1.0", "wirestream_dashboard_events_sent_total 2.0"));
        }
    }

    @Test
    void shouldResumeAfterTheLastEventItHadWithoutASnapshot() throws Exception {
        start(Broadcaster.Limits.of(10));
        feed.caughtUp();
        String last;
        try (SseConnection viewer = SseConnection.open(app.port(), Map.of())) {
            viewer.block();
            viewer.block();
            feed.add(deadLetter(1, "first"));
            last = id(viewer.block());
        }
        feed.add(deadLetter(2, "missed while away"));
        feed.add(deadLetter(3, "missed too"));

        try (SseConnection back = SseConnection.open(app.port(), Map.of("Last-Event-ID", last))) {
            assertThat(back.block()).containsExactly("retry: 2000");
            assertThat(back.block()).containsExactly("event: resumed", "data: {\"lastEventId\":\"" + last + "\"}");
            assertThat(String.join("\n", back.block())).contains("event: item", "missed while away");
            List<String> next = back.block();
            assertThat(String.join("\n", next)).contains("missed too");
            feed.add(deadLetter(4, "live again"));
            assertThat(String.join("\n", back.block())).contains("live again");

            try (SseConnection page = SseConnection.open(app.port(), Map.of(), "?lastEventId=" + id(next))) {
                page.block();
                assertThat(page.block()).as("a page that opened a new stream says where it was in the query")
                        .startsWith("event: resumed");
            }
        }
    }

    @Test
    void shouldFrameNoItemWhileNobodyHasWatchedYetShowingThemInTheFirstViewersSnapshot() throws Exception {
        // Given a stream that nobody has watched yet, its feed caught up (the log's first event, a snapshot)
        start(Broadcaster.Limits.of(10));
        feed.caughtUp();

        // When items come
        for (int i = 1; i <= 3; i++) {
            feed.add(deadLetter(i, "unwatched " + i));
        }

        // Then none was framed into the log, held back or counted: the first viewer's snapshot stands at the log's
        // first event, and shows them
        try (SseConnection viewer = SseConnection.open(app.port(), Map.of())) {
            viewer.block();
            List<String> snapshot = viewer.block();
            assertThat(snapshot.get(0)).matches("id: [0-9a-z]+-1");
            assertThat(String.join("\n", snapshot)).contains("unwatched 1", "unwatched 3");
        }
        assertThat(metrics.scrape()).contains("wirestream_dashboard_events_skipped_total 0.0");
    }

    @Test
    void shouldStartWithASnapshotForAnIdOfAnotherRunOrOneNoLongerKept() throws Exception {
        start(new Broadcaster.Limits(10, 256, 4, 1 << 20, 40_000));
        feed.caughtUp();
        try (SseConnection restarted = SseConnection.open(app.port(), Map.of("Last-Event-ID", "0ther-3"))) {
            restarted.block();
            assertThat(restarted.block()).contains("event: snapshot");
        }
        String early;
        try (SseConnection viewer = SseConnection.open(app.port(), Map.of())) {
            viewer.block();
            early = id(viewer.block());
        }
        for (int i = 1; i <= 6; i++) {
            feed.add(deadLetter(i, "more than the log keeps"));
        }
        try (SseConnection late = SseConnection.open(app.port(), Map.of("Last-Event-ID", early))) {
            late.block();
            List<String> snapshot = late.block();
            assertThat(snapshot).contains("event: snapshot");
            assertThat(id(snapshot)).isNotEqualTo(early);
        }
    }

    @Test
    void shouldTellOneViewerTooManyThatTheServerIsFullAndWhenToComeBack() throws Exception {
        start(Broadcaster.Limits.of(1));
        try (SseConnection first = SseConnection.open(app.port(), Map.of())) {
            first.block();
            assertThat(first.block()).contains("event: snapshot");

            try (SseConnection refused = SseConnection.open(app.port(), Map.of())) {
                assertThat(refused.status()).isEqualTo("HTTP/1.1 200 OK");
                String retry = refused.block().get(0);
                assertThat(retry).matches("retry: 1\\d{4}");
                List<String> full = refused.block();
                assertThat(full.get(0)).isEqualTo("event: full");
                assertThat(full.get(1)).contains("\"error\":\"1 viewers watch, the most this server serves; this page "
                        + "tries again in 1", "\"viewers\":1,\"maxViewers\":1,\"retryMillis\":" + retry.substring(7));
                assertThat(refused.block()).as("the stream ends there").isEmpty();
            }
        }
        assertThat(metrics.scrape()).contains("wirestream_dashboard_viewers_refused_total 1.0");
    }

    @Test
    void shouldDropAViewerThatDoesNotReadWhileAnotherGetsEverything() throws Exception {
        start(new Broadcaster.Limits(10, 8, 64, 64L << 20, 1_000_000));
        feed.caughtUp();
        try (SseConnection slow = SseConnection.openSlow(app.port());
                SseConnection fast = SseConnection.open(app.port(), Map.of())) {
            fast.block();
            fast.block();
            await().until(() -> metrics.scrape().contains("wirestream_dashboard_viewers 2.0"));
            String big = "x".repeat(256 * 1024); // The kernel holds a few MB for a reader that does not read.
            int sent = 0;
            while (!metrics.scrape().contains("wirestream_dashboard_viewers_dropped_total{reason=\"slow\"} 1.0")) {
                assertThat(sent).as("dropped before 200 events of 256 KB").isLessThan(200);
                feed.add(deadLetter(++sent, big));
                assertThat(String.join("", fast.block())).as("the fast one keeps up").contains(":0:" + sent + "\"");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> metrics.scrape()
                    .contains("wirestream_dashboard_viewers 1.0"));
            assertThat(slow.drainsToEnd(Duration.ofSeconds(30))).as("the slow one's connection is closed").isTrue();
            feed.add(deadLetter(++sent, "after"));
            assertThat(String.join("", fast.block())).contains("after");
        }
    }

    @Test
    void shouldHoldBackAFloodSayHowMuchAndCatchUpWithASnapshotOnceCalm() throws Exception {
        start(new Broadcaster.Limits(10, 1_000, 1_024, 64L << 20, 10));
        feed.caughtUp();
        try (SseConnection viewer = SseConnection.open(app.port(), Map.of())) {
            viewer.block();
            viewer.block();
            for (int i = 1; i <= 100; i++) {
                feed.add(deadLetter(i, "flood " + i));
            }
            int items = 0;
            long skipped = 0;
            List<String> block = viewer.block();
            while (!block.contains("event: snapshot")) {
                if (block.contains("event: item")) {
                    items++;
                } else if (block.contains("event: skipped")) {
                    String data = block.get(2);
                    assertThat(data).startsWith("data: {\"count\":").endsWith(",\"perSecond\":10}");
                    skipped += Long.parseLong(data.replaceAll("\\D*(\\d+).*", "$1"));
                }
                block = viewer.block();
            }
            assertThat(items).as("a burst of two seconds at the floor of 10 a second").isEqualTo(20);
            assertThat(skipped).as("the rest, told once a second").isEqualTo(80);
            assertThat(String.join("", block)).as("the snapshot once calm").contains("flood 100", "flood 41")
                    .doesNotContain("flood 40\"");
        }
        assertThat(metrics.scrape()).contains("wirestream_dashboard_events_skipped_total 80.0");
    }

    @Test
    void shouldTellAClientThatDoesNotAskForEventsWhatToAskFor() throws Exception {
        start(Broadcaster.Limits.of(10));
        try (SseConnection client = SseConnection.open(app.port(), Map.of("Accept", "application/json"))) {
            assertThat(client.status()).isEqualTo("HTTP/1.1 406 Not Acceptable");
            assertThat(client.block()).anyMatch(line -> line.contains("Accept: text/event-stream"));
        }
    }

    private static Item deadLetter(int offset, String message) {
        return new Item.DeadLetterItem("raw-feed.dlq:0:" + offset, "dead-letters", 1, 2,
                new DeadLetterView("MARKUP", message, null, null, 3, ""));
    }

    private static String id(List<String> event) throws IOException {
        Matcher m = ID.matcher(event.get(0));
        if (!m.matches()) {
            throw new IOException("no id: " + event);
        }
        return m.group(1);
    }
}
