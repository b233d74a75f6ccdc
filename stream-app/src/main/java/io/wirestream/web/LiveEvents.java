package io.wirestream.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;

/**
 * The feed's changes as the live stream sends them: each framed once into the {@link EventLog} for every viewer,
 * and where a new viewer starts: after the event it last had when the log still holds what came since (it
 * resumes), else with a snapshot. A snapshot is framed once too and given to each viewer that comes while fewer
 * than {@value #SNAPSHOT_REUSE} events have followed it (they get those events after it).
 *
 * <p>Items and alerts pass the {@link FloodGate}; snapshots and rules always go. What the gate holds back is told
 * to the page ({@code skipped}, once a second), and once it has been calm for {@code CALM}, a fresh snapshot in
 * the log brings every page up to date (at most once a minute: it is megabytes to every viewer). When nothing
 * happened for {@link #KEEP_ALIVE}, a comment keeps proxies from closing the streams.
 *
 * <p>Once nobody has watched for {@code UNWATCHED_GRACE}, items and alerts are not framed at all (a flood would
 * otherwise be written as JSON into a log that no one reads); a viewer that comes back after such a gap gets a
 * snapshot instead of resuming. Within the grace, a browser that lost its stream, or was dropped as slow, comes
 * back in time to resume.
 */
final class LiveEvents {

    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    static final Duration RETRY = Duration.ofSeconds(2);
    private static final int SNAPSHOT_REUSE = 100;
    private static final Duration REPORT_EVERY = Duration.ofSeconds(1);
    private static final Duration CALM = Duration.ofSeconds(2);
    /** A snapshot to every viewer is megabytes each: after a flood, one a minute at most. */
    private static final Duration RESYNC_EVERY = Duration.ofMinutes(1);
    /** Five retry delays: time for the browsers that lost their stream to come back and resume. */
    private static final Duration UNWATCHED_GRACE = RETRY.multipliedBy(5);
    private static final EventLog.Frame RETRY_FRAME = new EventLog.Frame(0, SseFrames.retry(RETRY), false);

    /** Where a viewer starts: its first frames, then the log from {@code next}. */
    record Start(List<EventLog.Frame> first, long next, boolean resumed) {
    }

    /** A snapshot framed with the id of the last event it includes. */
    private record Snapshot(long seq, EventLog.Frame frame) {
    }

    private final FeedState feed;
    private final EventLog log;
    private final FloodGate gate;
    private final IntSupplier viewers;
    private final Runnable appended;
    private final LongConsumer skippedMeter;
    private final Object snapshotLock = new Object();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong reported = new AtomicLong();
    private volatile Snapshot snapshot;
    private volatile long lastAppend;
    private volatile long lastSkip;
    /** The log's head when the last change went unframed, nobody watching; -1 for none. */
    private volatile long unwatchedAt = -1;
    /** When the last viewer was seen leaving; long ago at first. */
    private volatile long watchedUntil;
    private long skippedAtResync;
    private long lastResync;
    private long lastReport;

    /**
     * @param viewers      how many watch, for the gate's rate
     * @param appended     told after each event added to the log
     * @param skippedMeter told of each event the gate held back
     */
    LiveEvents(FeedState feed, EventLog log, FloodGate gate, IntSupplier viewers, Runnable appended,
            LongConsumer skippedMeter, long nanos) {
        this.feed = feed;
        this.log = log;
        this.gate = gate;
        this.viewers = viewers;
        this.appended = appended;
        this.skippedMeter = skippedMeter;
        this.lastAppend = nanos;
        this.lastReport = nanos;
        this.lastResync = nanos - RESYNC_EVERY.toNanos();
        this.watchedUntil = nanos - UNWATCHED_GRACE.toNanos() - 1;
    }

    /** A viewer leaves at {@code now}: told before it is counted out, so that the grace starts from its leaving. */
    void leaving(long now) {
        watchedUntil = now;
    }

    /** A change of the feed; called under the feed's lock, so in the order the changes happened. */
    void onEvent(FeedState.Event event) {
        boolean always = event.name().equals("snapshot") || event.name().equals("rules");
        long now = System.nanoTime();
        if (!always && viewers.getAsInt() == 0 && now - watchedUntil > UNWATCHED_GRACE.toNanos()) {
            unwatchedAt = log.head();
            snapshot = null;
            return;
        }
        if (!always && !gate.admit(now, viewers.getAsInt())) {
            lastSkip = now;
            skipped.incrementAndGet();
            skippedMeter.accept(1);
            return;
        }
        append(event.name(), event.json(), now);
    }

    /** True while the gate holds items back: it held one back after {@code since}. */
    boolean heldBackSince(long since) {
        long skip = lastSkip;
        return skip != 0 && skip - since > 0;
    }

    /**
     * Where a viewer that last had {@code lastEventId} (null for none) starts. Call it under the feed's lock, after
     * the viewer is counted, so that no change falls between the two unframed.
     */
    Start startFor(String lastEventId) {
        long seq = log.seqOf(lastEventId);
        if (log.canResumeAfter(seq) && seq > unwatchedAt) {
            byte[] resumed = SseFrames.event(null, "resumed", ApiJson.write(new ApiBodies.Resumed(log.id(seq))));
            return new Start(List.of(RETRY_FRAME, new EventLog.Frame(0, resumed, true)), seq + 1, true);
        }
        Snapshot current = snapshot();
        return new Start(List.of(RETRY_FRAME, current.frame()), current.seq() + 1, false);
    }

    /** What is due at {@code now}: word of what the gate held back, a snapshot after a flood, a keep-alive. */
    void tick(long now) {
        long held = skipped.get();
        long unreported = held - reported.get();
        if (unreported > 0 && now - lastReport >= REPORT_EVERY.toNanos()) {
            reported.addAndGet(unreported);
            lastReport = now;
            append("skipped", ApiJson.write(new ApiBodies.Skipped(unreported,
                    Math.round(gate.rate(viewers.getAsInt())))), now);
        }
        boolean calm = now - lastSkip >= CALM.toNanos();
        if (held > skippedAtResync && calm && now - lastResync >= RESYNC_EVERY.toNanos()) {
            skippedAtResync = held;
            lastResync = now;
            resync();
        }
        if (now - lastAppend >= KEEP_ALIVE.toNanos()) {
            lastAppend = now;
            log.append(seq -> SseFrames.comment("keep-alive"), false);
            appended.run();
        }
    }

    /** A fresh snapshot into the log, so that every page shows what the gate held back. */
    private void resync() {
        snapshot = feed.withSnapshot(event -> {
            EventLog.Frame frame = log.append(seq -> SseFrames.event(log.id(seq), event.name(), event.json()), true);
            return new Snapshot(frame.seq(), frame);
        });
        lastAppend = System.nanoTime();
        appended.run();
    }

    private void append(String name, String json, long now) {
        log.append(seq -> SseFrames.event(log.id(seq), name, json), true);
        lastAppend = now;
        appended.run();
    }

    /** The snapshot a new viewer starts with: the last one made, while it is recent, else a new one. */
    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (usable(current)) {
            return current;
        }
        synchronized (snapshotLock) {
            current = snapshot;
            if (!usable(current)) {
                current = feed.withSnapshot(event -> {
                    long at = log.head();
                    return new Snapshot(at, new EventLog.Frame(0, SseFrames.event(log.id(at), event.name(),
                            event.json()), true));
                });
                snapshot = current;
            }
            return current;
        }
    }

    private boolean usable(Snapshot candidate) {
        return candidate != null && log.canResumeAfter(candidate.seq())
                && log.head() - candidate.seq() <= SNAPSHOT_REUSE;
    }
}
