package io.wirestream.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import io.wirestream.metrics.Metrics;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code GET /api/events}: server-sent events on the servlet API's asynchronous output, served by one
 * {@link Broadcaster} for every viewer, with no thread per viewer. A stream starts with the retry delay, then a
 * snapshot, or, for a browser that comes back with the id of the last event it had ({@code Last-Event-ID}, or
 * {@code ?lastEventId=} from a page that had to open a new stream), word that it resumes and the events it missed.
 * Then every change, as it happens.
 *
 * <p>Above the most viewers allowed, the answer is still a stream, of one {@code full} event that says so (which the
 * page shows) and a retry delay of 10 to 20 s, so that the browser comes back by itself; a 503 would make it give
 * up for good, and say nothing the page could show.
 */
final class EventStream implements AutoCloseable {

    static final String TYPE = SseFrames.TYPE;
    private static final Duration RETRY_WHEN_FULL = Duration.ofSeconds(10);

    private final Broadcaster broadcaster;

    EventStream(FeedState feed, int maxViewers, Metrics metrics) {
        this(feed, Broadcaster.Limits.of(maxViewers), metrics);
    }

    EventStream(FeedState feed, Broadcaster.Limits limits, Metrics metrics) {
        this.broadcaster = new Broadcaster(feed, limits, metrics);
    }

    /** Opens a stream; HEAD gets its headers only, a client that does not ask for events a 406. */
    void open(Context ctx) {
        if (ctx.method() == HandlerType.HEAD) {
            ctx.contentType(TYPE);
            return;
        }
        String accept = ctx.header(Header.ACCEPT);
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains(TYPE)) {
            ApiJson.error(ctx, 406, "this is a stream of server-sent events: ask with 'Accept: " + TYPE + "'");
            return;
        }
        String lastEventId = ctx.header("Last-Event-ID");
        Viewer viewer = broadcaster.admit(lastEventId != null ? lastEventId : ctx.queryParam("lastEventId"));
        if (viewer == null) {
            full(ctx);
            return;
        }
        try {
            HttpServletResponse response = streaming(ctx);
            response.setBufferSize(8 * 1024); // Direct memory per open stream; a large event goes out in pieces.
            ctx.future(() -> {
                ctx.req().getAsyncContext().setTimeout(0);
                try {
                    return broadcaster.open(viewer, response.getOutputStream());
                } catch (IOException e) {
                    viewer.finish();
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            viewer.finish();
            throw e;
        }
    }

    /** A stream of one event, {@code full}, and a retry delay spread over 10 s so that refused browsers disperse. */
    private void full(Context ctx) {
        long retry = RETRY_WHEN_FULL.toMillis() + ThreadLocalRandom.current().nextLong(RETRY_WHEN_FULL.toMillis());
        int max = broadcaster.maxViewers();
        String error = String.format(Locale.ROOT, "%,d viewers watch, the most this server serves; this page tries "
                + "again in %d s", max, retry / 1000);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(SseFrames.retry(Duration.ofMillis(retry)));
        body.writeBytes(SseFrames.event(null, "full", ApiJson.write(new ApiBodies.Full(error,
                broadcaster.viewers(), max, retry))));
        streaming(ctx);
        ctx.result(body.toByteArray());
    }

    private static HttpServletResponse streaming(Context ctx) {
        ctx.status(200).contentType(TYPE + ";charset=utf-8");
        ctx.header(Header.CONNECTION, "close"); // One stream per connection, closed when it ends.
        ctx.header("X-Accel-Buffering", "no"); // A proxy in front passes each event on at once.
        return ctx.res();
    }

    /** Ends every stream. */
    @Override
    public void close() {
        broadcaster.close();
    }
}
