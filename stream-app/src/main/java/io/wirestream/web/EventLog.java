package io.wirestream.web;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live stream's recent events, each framed once as it goes on the wire and numbered in order; every viewer
 * reads the same bytes through a position of its own. It keeps the newest {@code capacity} events and at most
 * {@code maxBytes} of them, so that a viewer that comes back with the id of the last event it had can be sent what
 * it missed instead of everything again.
 *
 * <p>Event ids are {@code <stream>-<number>}: the stream part is new with each log (each start of the server), so
 * that an id from before a restart is told from one of this run and answered with a snapshot. Appends are
 * serialized; reads take no lock.
 */
final class EventLog {

    private static final Pattern ID = Pattern.compile("([0-9a-z]{1,16})-([0-9]{1,18})");

    /**
     * One framed event.
     *
     * @param seq   its number in the log; 0 for a frame that is not in the log (a viewer's first ones)
     * @param event true for an event the page sees, false for a comment or a retry field
     */
    record Frame(long seq, byte[] bytes, boolean event) {
    }

    private final String stream;
    private final int capacity;
    private final long maxBytes;
    private final AtomicReferenceArray<Frame> ring;
    private long bytes;
    private volatile long head;
    private volatile long oldest = 1;

    EventLog(String stream, int capacity, long maxBytes) {
        if (!stream.matches("[0-9a-z]{1,16}")) {
            throw new IllegalArgumentException("a stream name is 1 to 16 lower-case letters or digits: " + stream);
        }
        this.stream = stream;
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    /** The id of the event numbered {@code seq}, as the page gets it. */
    String id(long seq) {
        return stream + "-" + seq;
    }

    /** The number of the event a viewer last had, from its id; -1 for an id of another stream, or no id. */
    long seqOf(String lastEventId) {
        if (lastEventId == null) {
            return -1;
        }
        Matcher m = ID.matcher(lastEventId.strip());
        return m.matches() && m.group(1).equals(stream) ? Long.parseLong(m.group(2)) : -1;
    }

    /** Frames the next event with its number ({@code framing} is given it) and keeps it, dropping the oldest. */
    synchronized Frame append(LongFunction<byte[]> framing, boolean event) {
        long seq = head + 1;
        Frame frame = new Frame(seq, framing.apply(seq), event);
        bytes += frame.bytes().length;
        long first = oldest;
        while (first <= head && (seq - first >= capacity || bytes > maxBytes)) {
            bytes -= ring.get(index(first)).bytes().length;
            first++;
        }
        oldest = first;
        ring.set(index(seq), frame);
        head = seq;
        return frame;
    }

    /** The event numbered {@code seq}; null once it has been dropped, or before it comes. */
    Frame get(long seq) {
        if (seq < oldest || seq > head) {
            return null;
        }
        Frame frame = ring.get(index(seq));
        return frame != null && frame.seq() == seq ? frame : null;
    }

    /** The number of the newest event; 0 before the first. */
    long head() {
        return head;
    }

    /** The number of the oldest event still kept. */
    long oldest() {
        return oldest;
    }

    /** True when every event after {@code seq} is still kept, so that a viewer that had it can go on from there. */
    boolean canResumeAfter(long seq) {
        return seq >= 0 && seq >= oldest - 1 && seq <= head;
    }

    private int index(long seq) {
        return (int) (seq % capacity);
    }
}
