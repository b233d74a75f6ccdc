package io.wirestream.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.util.AsyncExecutor;
import io.wirestream.topology.DeadLetterView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/events} on Javalin's server-sent events, fed by hand: the retry delay, a snapshot, then each
 * change in order, with text that is not ASCII intact; the answer to a client that does not ask for events; the
 * answer over the cap of streams.
 */
class EventStreamTest {

    private final FeedState feed = new FeedState(List.of(
            new Column("dead-letters", "Dead letters", "raw-feed.dlq", "")));
    private final EventStream stream = new EventStream(feed, 1, 10);
    private final Javalin app = Javalin.create(config -> {
        config.showJavalinBanner = false;
        config.startupWatcherEnabled = false;
        config.appData(AsyncExecutor.getAsyncExecutorKey(), new AsyncExecutor(stream.threads()));
        config.router.mount(router -> router.get("/api/events", stream::open));
    }).start(InetAddress.getLoopbackAddress().getHostAddress(), 0);

    @AfterEach
    void stop() {
        stream.close();
        app.stop();
    }

    @Test
    void shouldSendTheRetryDelayASnapshotThenEachChange() throws Exception {
        feed.caughtUp();
        try (Socket socket = open(EventStream.TYPE)) {
            BufferedReader in = reader(socket);
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            List<String> headers = until(in, "");
            assertThat(headers).anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("content-type: text/event-stream"));
            assertThat(until(in, "")).containsExactly("retry: 2000");
            assertThat(until(in, "")).containsExactly("event: snapshot",
                    "data: {\"columns\":{\"dead-letters\":[]},\"alerts\":[],\"rules\":[]}");

            feed.add(new Item.DeadLetterItem("raw-feed.dlq:0:1", "dead-letters", 1, 2,
                    new DeadLetterView("MARKUP", "북한 <script>", null, null, 3, "")));

            assertThat(until(in, "")).containsExactly("event: item", "data: {\"id\":\"raw-feed.dlq:0:1\","
                    + "\"column\":\"dead-letters\",\"timestamp\":1,\"seenAt\":2,\"reason\":\"MARKUP\","
                    + "\"message\":\"북한 <script>\",\"exception\":null,\"source\":null,\"bytes\":3,"
                    + "\"preview\":\"\"}");
        }
    }

    @Test
    void shouldAskOneStreamTooManyToComeBackInAMinute() throws Exception {
        try (Socket first = open(EventStream.TYPE)) {
            BufferedReader own = reader(first);
            until(own, "");
            assertThat(until(own, "")).containsExactly("retry: 2000");
            assertThat(until(own, "")).startsWith("event: snapshot");

            try (Socket second = open(EventStream.TYPE)) {
                BufferedReader refused = reader(second);
                assertThat(refused.readLine()).isEqualTo("HTTP/1.1 200 OK");
                until(refused, "");
                assertThat(until(refused, "")).containsExactly("retry: 60000");
                assertThat(refused.readLine()).as("the stream ends there").isNull();
            }
        }
    }

    @Test
    void shouldTellAClientThatDoesNotAskForEventsWhatToAskFor() throws Exception {
        try (Socket socket = open("application/json")) {
            BufferedReader in = reader(socket);
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 406 Not Acceptable");
            until(in, "");
            assertThat(in.readLine()).contains("Accept: text/event-stream");
        }
    }

    private Socket open(String accept) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), app.port());
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/events HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The lines up to {@code end} (not included). */
    private static List<String> until(BufferedReader in, String end) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.equals(end); line = in.readLine()) {
            lines.add(line);
        }
        return lines;
    }
}
