package io.wirestream.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code GET /api/events}, by Javalin's server-sent events: a snapshot first, then every change of the feed, and a
 * comment line when nothing happened for 15 s, to keep the connection open through proxies. Each viewer has its
 * own thread and a backlog of at most 500 events; a viewer that falls further behind is dropped, and its browser
 * reconnects and starts afresh. At most 256 streams are open at once: one more is told to try again in a minute
 * ({@code retry:}), since a 503 would make a browser give up for good.
 */
final class EventStream implements AutoCloseable {

    static final String TYPE = "text/event-stream";
    private static final int MAX_STREAMS = 256;
    private static final int MAX_BACKLOG = 500;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration RETRY_WHEN_FULL = Duration.ofMinutes(1);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final FeedState feed;
    private final int maxStreams;
    private final int maxBacklog;
    private final SseHandler sse = new SseHandler(this::follow);
    private final ExecutorService threads;
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean closing;

    EventStream(FeedState feed) {
        this(feed, MAX_STREAMS, MAX_BACKLOG);
    }

    EventStream(FeedState feed, int maxStreams, int maxBacklog) {
        this.feed = feed;
        this.maxStreams = maxStreams;
        this.maxBacklog = maxBacklog;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "wirestream-sse-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The threads the streams run on; the server hands them to Javalin for its asynchronous requests. */
    ExecutorService threads() {
        return threads;
    }

    /** Opens a stream; HEAD gets its headers only, a client that does not ask for events a 406. */
    void open(Context ctx) throws Exception {
        if (ctx.method() == HandlerType.HEAD) {
            ctx.contentType(TYPE);
            return;
        }
        // Javalin's SSE handler answers only this Accept header, as EventSource sends it.
        if (!TYPE.equals(ctx.header(Header.ACCEPT))) {
            ApiJson.error(ctx, 406, "this is a stream of server-sent events: ask with 'Accept: " + TYPE + "'");
            return;
        }
        sse.handle(ctx);
    }

    /** Runs for as long as the viewer stays: its queue's events, or a keep-alive comment, until it goes. */
    private void follow(SseClient client) {
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            retry(client, RETRY_WHEN_FULL);
            return;
        }
        BlockingQueue<FeedState.Event> queue = new LinkedBlockingQueue<>(maxBacklog);
        AtomicBoolean overflow = new AtomicBoolean();
        Consumer<FeedState.Event> listener = event -> {
            if (!queue.offer(event)) {
                overflow.set(true);
            }
        };
        try {
            retry(client, RETRY);
            feed.subscribe(listener);
            while (!closing && !overflow.get() && !client.terminated()) {
                FeedState.Event event = queue.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                if (event == null) {
                    client.sendComment("keep-alive");
                } else {
                    client.sendEvent(event.name(), event.json());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // The server is stopping.
        } finally {
            feed.unsubscribe(listener);
            open.decrementAndGet();
            client.close();
        }
    }

    /** A {@code retry:} field, which Javalin's client has no method for: how long a browser waits to reconnect. */
    private static void retry(SseClient client, Duration after) {
        HttpServletResponse response = client.ctx().res();
        try {
            response.getOutputStream().print("retry: " + after.toMillis() + "\n\n");
            response.flushBuffer();
        } catch (IOException e) {
            // The viewer went away; the next write finds that out and ends the stream.
        }
    }

    /** Ends every stream and waits, briefly, for their threads. */
    @Override
    public void close() {
        closing = true;
        threads.shutdownNow();
        try {
            threads.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
