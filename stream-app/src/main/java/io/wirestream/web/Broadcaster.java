package io.wirestream.web;

import io.wirestream.metrics.Metrics;
import jakarta.servlet.ServletOutputStream;
import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live stream's viewers and one thread that serves them all: it admits a viewer while fewer than the limit
 * watch, and after new events wakes every viewer to write what its connection takes without blocking (at most
 * every {@code FAN_OUT_EVERY}, so that events that come close together go out in one write; during a flood, when
 * the {@link FloodGate} has held an item back since the last round, every {@code FLOOD_FAN_OUT_EVERY}, so that each
 * viewer gets one write a second for several events rather than one for each; the first event after a flood goes
 * out at the usual pace). A connection that could not take all and can take more again is
 * written on by this thread too, not by the server's, which stay free to answer requests such as {@code /ready}.
 * A viewer more than {@code maxBacklog} events behind, or behind what the log still holds, is slow: it is dropped,
 * told why when its connection still takes that, and cut off if it does not within {@code DROP_GRACE}. Its browser
 * reconnects and resumes from its last event.
 */
final class Broadcaster implements Viewer.Hub, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Broadcaster.class);
    private static final Duration FAN_OUT_EVERY = Duration.ofMillis(50);
    private static final Duration FLOOD_FAN_OUT_EVERY = Duration.ofSeconds(1);
    private static final Duration TICK = Duration.ofMillis(250);
    private static final Duration DROP_GRACE = Duration.ofSeconds(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    /**
     * What the stream allows.
     *
     * @param maxViewers   streams open at once
     * @param maxBacklog   events a viewer may have waiting before it is dropped as slow
     * @param replayEvents events kept for viewers that come back ({@link EventLog})
     * @param replayBytes  and their bytes at most
     * @param budget       events times viewers a second that the {@link FloodGate} lets out
     */
    record Limits(int maxViewers, int maxBacklog, int replayEvents, long replayBytes, double budget) {

        /** The defaults, with {@code maxViewers} from the settings. */
        static Limits of(int maxViewers) {
            return new Limits(maxViewers, 256, 1024, 32L << 20, 10_000);
        }
    }

    private final FeedState feed;
    private final EventLog log;
    private final LiveEvents live;
    private final Consumer<FeedState.Event> listener;
    private final Limits limits;
    private final Metrics metrics;
    private final Set<Viewer> viewers = ConcurrentHashMap.newKeySet();
    private final Set<Viewer> ending = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final BlockingQueue<Boolean> wake = new ArrayBlockingQueue<>(1);
    private final AtomicBoolean newEvents = new AtomicBoolean();
    private final Queue<Viewer> writable = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    Broadcaster(FeedState feed, Limits limits, Metrics metrics) {
        this.feed = feed;
        this.limits = limits;
        this.metrics = metrics;
        long now = System.nanoTime();
        this.log = new EventLog(Long.toString(System.currentTimeMillis(), 36), limits.replayEvents(),
                limits.replayBytes());
        this.live = new LiveEvents(feed, log, new FloodGate(limits.budget(), now), count::get,
                this::signal, metrics::eventsSkipped, now);
        this.listener = live::onEvent;
        feed.listen(listener);
        this.thread = new Thread(this::run, "wirestream-live");
        thread.setDaemon(true);
        thread.start();
    }

    /** A viewer that last had {@code lastEventId} (null: none), not yet started; null when as many watch as allowed. */
    Viewer admit(String lastEventId) {
        if (count.incrementAndGet() > limits.maxViewers()) {
            count.decrementAndGet();
            metrics.viewerRefused();
            return null;
        }
        metrics.viewerJoined();
        try {
            LiveEvents.Start start = feed.ordered(() -> live.startFor(lastEventId));
            return new Viewer(log, this, start.first(), start.next());
        } catch (RuntimeException e) {
            left();
            throw e;
        }
    }

    /** Streams to {@code viewer} on {@code out}; the future completes when its stream ends. */
    CompletableFuture<Void> open(Viewer viewer, ServletOutputStream out) {
        try {
            CompletableFuture<Void> done = viewer.start(out);
            viewers.add(viewer);
            if (closed) {
                viewer.finish();
            }
            return done;
        } catch (RuntimeException e) {
            viewer.finish();
            throw e;
        }
    }

    /** How many watch now. */
    int viewers() {
        return count.get();
    }

    int maxViewers() {
        return limits.maxViewers();
    }

    @Override
    public void sent(int events) {
        metrics.eventsSent(events);
    }

    @Override
    public void writable(Viewer viewer) {
        writable.add(viewer);
        wake.offer(Boolean.TRUE);
    }

    @Override
    public void ended(Viewer viewer) {
        viewers.remove(viewer);
        ending.remove(viewer);
        left();
    }

    private void left() {
        live.leaving(System.nanoTime());
        count.decrementAndGet();
        metrics.viewerLeft();
    }

    private void signal() {
        newEvents.set(true);
        wake.offer(Boolean.TRUE);
    }

    /**
     * Rounds: after new events, one as soon as the last is {@code FAN_OUT_EVERY} (when items were held back since,
     * {@code FLOOD_FAN_OUT_EVERY}) old, so that what comes meanwhile goes out together; else one every {@code TICK}.
     * In between, the connections that can take more again.
     */
    private void run() {
        long lastRound = System.nanoTime() - TICK.toNanos();
        while (!closed) {
            try {
                long now = System.nanoTime();
                long wait = due(lastRound) - now;
                if (wait > 0 && writable.isEmpty()) {
                    wake.poll(wait, TimeUnit.NANOSECONDS);
                }
                for (Viewer viewer = writable.poll(); viewer != null; viewer = writable.poll()) {
                    viewer.wake();
                }
                now = System.nanoTime();
                if (now - due(lastRound) >= 0) {
                    lastRound = now;
                    newEvents.set(false);
                    live.tick(now);
                    fanOut(now);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("the dashboard's live stream failed a round; it goes on", e);
            }
        }
    }

    /** When the next round is due after one at {@code lastRound}. */
    private long due(long lastRound) {
        if (!newEvents.get()) {
            return lastRound + TICK.toNanos();
        }
        return lastRound + (live.heldBackSince(lastRound) ? FLOOD_FAN_OUT_EVERY : FAN_OUT_EVERY).toNanos();
    }

    /** Wakes each viewer with events to write, drops the slow ones, cuts off those dropped that are stuck. */
    private void fanOut(long now) {
        long head = log.head();
        long oldest = log.oldest();
        for (Viewer viewer : viewers) {
            if (viewer.ended()) {
                viewers.remove(viewer);
                continue;
            }
            long behind = viewer.behind(head);
            if (behind > limits.maxBacklog() || viewer.next() < oldest) {
                drop(viewer, behind, now);
            } else if (behind > 0) {
                viewer.wake();
            }
        }
        long stuck = now - DROP_GRACE.toNanos();
        for (Viewer viewer : ending) {
            if (viewer.endingBefore(stuck)) {
                viewer.finish();
            }
        }
    }

    private void drop(Viewer viewer, long behind, long now) {
        if (!viewers.remove(viewer)) {
            return;
        }
        ending.add(viewer);
        metrics.viewerDropped("slow");
        LOG.debug("dropped a slow viewer of the live stream, {} events behind", behind);
        String message = "this page fell " + behind + " events behind (at most " + limits.maxBacklog()
                + " wait for one page); it reconnects and goes on from the last event it had";
        viewer.endWith(new EventLog.Frame(0, SseFrames.event(null, "dropped",
                ApiJson.write(new ApiBodies.Dropped("slow", message))), true), now);
    }

    /** Ends every stream; their browsers come back to the next server with their last event's id. */
    @Override
    public void close() {
        closed = true;
        feed.unsubscribe(listener);
        thread.interrupt();
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        viewers.forEach(Viewer::finish);
        ending.forEach(Viewer::finish);
    }
}
