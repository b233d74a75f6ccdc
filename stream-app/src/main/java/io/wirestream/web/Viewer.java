package io.wirestream.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open event stream, written with the servlet API's non-blocking output: no thread waits on a viewer. It writes
 * its first frames (the retry delay, then a snapshot or word that it resumes), then the {@link EventLog}'s events
 * from its own position on, as far as its connection takes them without blocking, and flushes; when the
 * connection cannot take more, the server calls {@link #onWritePossible} once it can, which hands the viewer to its
 * broadcaster's thread ({@link Hub#writable}), and it goes on from there.
 * What it has not written yet is its backlog, which the {@link Broadcaster} bounds.
 *
 * <p>Writing is done by one thread at a time, whichever asks with {@link #wake} (in use, the broadcaster's, both
 * after new events and after the server's callback): a count of requests makes a second asker leave the work to the
 * one already writing, which loops once more.
 */
final class Viewer implements WriteListener {

    /** Writes are at most this long, so that a large snapshot goes out in pieces as the connection takes them. */
    private static final int SLICE = 16 * 1024;

    /** What a viewer tells its broadcaster. */
    interface Hub {
        /** {@code events} more events were handed to the connection. */
        void sent(int events);

        /** Its connection takes more again: write, on the hub's thread, what is waiting. */
        void writable(Viewer viewer);

        /** The stream has ended, for whatever reason; called once. */
        void ended(Viewer viewer);
    }

    private final EventLog log;
    private final Hub hub;
    private final Deque<EventLog.Frame> first;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile long next;
    private volatile EventLog.Frame last;
    private volatile long endingSince;
    private ServletOutputStream out;
    // Touched only by the thread that writes.
    private EventLog.Frame writing;
    private int written;
    private boolean unflushed;
    private boolean lastWritten;

    /** @param next the number of the first event of the log to send after {@code first} */
    Viewer(EventLog log, Hub hub, List<EventLog.Frame> first, long next) {
        this.log = log;
        this.hub = hub;
        this.first = new ArrayDeque<>(first);
        this.next = next;
    }

    /** Starts writing to {@code out}; the future completes when the stream ends. */
    CompletableFuture<Void> start(ServletOutputStream out) {
        this.out = out;
        out.setWriteListener(this);
        return done;
    }

    /** New events may be there: write what the connection takes now. */
    void wake() {
        drain();
    }

    @Override
    public void onWritePossible() {
        hub.writable(this); // Not on the server's thread: those answer requests, /ready among them.
    }

    @Override
    public void onError(Throwable failure) {
        finish(); // The viewer went away, or the server is stopping.
    }

    /** How many events of the log, up to {@code head}, it has not been handed yet. */
    long behind(long head) {
        return head - next + 1;
    }

    /** The number of the next event of the log it needs. */
    long next() {
        return next;
    }

    /** Ends the stream with {@code frame} (why), written after the event under way, unless the connection is stuck. */
    void endWith(EventLog.Frame frame, long nanos) {
        endingSince = nanos;
        last = frame;
        drain();
    }

    /** True when it was told to end before {@code nanos} and is still open: its connection is stuck. */
    boolean endingBefore(long nanos) {
        return last != null && !done.isDone() && endingSince - nanos < 0;
    }

    boolean ended() {
        return done.isDone();
    }

    /** Ends the stream now; a write the connection has not taken yet is abandoned, and the connection closed. */
    void finish() {
        if (done.complete(null)) {
            hub.ended(this);
        }
    }

    private void drain() {
        if (requests.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        try {
            do {
                pump();
                missed = requests.addAndGet(-missed);
            } while (missed != 0);
        } catch (IOException | RuntimeException e) {
            finish(); // Closed under it: the viewer left, or the server stops.
        }
    }

    /** Writes while the connection takes it without blocking; flushes once there is nothing more. */
    private void pump() throws IOException {
        int events = 0;
        try {
            while (!done.isDone() && out.isReady()) {
                if (writing == null) {
                    writing = nextFrame();
                    if (writing == null) {
                        if (unflushed) {
                            unflushed = false;
                            out.flush();
                            continue;
                        }
                        if (lastWritten) {
                            finish();
                        }
                        return;
                    }
                }
                byte[] bytes = writing.bytes();
                int length = Math.min(SLICE, bytes.length - written);
                out.write(bytes, written, length);
                written += length;
                unflushed = true;
                if (written == bytes.length) {
                    events += writing.event() ? 1 : 0;
                    writing = null;
                    written = 0;
                }
            }
        } finally {
            if (events > 0) {
                hub.sent(events);
            }
        }
    }

    private EventLog.Frame nextFrame() {
        EventLog.Frame frame = first.poll();
        if (frame != null) {
            return frame;
        }
        EventLog.Frame end = last;
        if (end != null) {
            if (lastWritten) {
                return null;
            }
            lastWritten = true;
            return end;
        }
        frame = log.get(next);
        if (frame != null) {
            next = frame.seq() + 1;
        }
        return frame;
    }
}
