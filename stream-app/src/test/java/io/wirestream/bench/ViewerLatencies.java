package io.wirestream.bench;

import io.wirestream.testing.SseViewers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What thousands of viewers saw, for the viewers' benchmark: how many have their first snapshot, and for each
 * marked dispatch ({@code WSLOAD-<n>} in its headline), the moment of its first arrival at each viewer
 * ({@link System#nanoTime}), from which {@link #millis} takes the time since its send. Sender and viewers are
 * separate JVMs on one machine: on Linux both clocks are the system's monotonic clock, so the times compare.
 * Called on the viewers' thread.
 */
final class ViewerLatencies implements SseViewers.Listener {

    static final String MARK = "WSLOAD-";
    private static final int DIGITS = 6;

    private final int viewers;
    private final int markers;
    private final BitSet seen;
    private final long[] arrivedAt;
    private final int[] markerOf;
    private final BitSet snapshotted;
    private final AtomicInteger snapshots = new AtomicInteger();
    private final AtomicInteger events = new AtomicInteger();
    private final AtomicInteger snapshotsWhileMarking = new AtomicInteger();
    private volatile long largestSnapshot;
    private volatile boolean marking;
    private int count;

    ViewerLatencies(int viewers, int markers) {
        this.viewers = viewers;
        this.markers = markers;
        this.seen = new BitSet(viewers * markers);
        this.arrivedAt = new long[viewers * markers];
        this.markerOf = new int[viewers * markers];
        this.snapshotted = new BitSet(viewers);
    }

    /** The data of items only, while marked dispatches are sent: the rest is only counted. */
    @Override
    public boolean wantsData(String name) {
        return marking && name.equals("item");
    }

    @Override
    public void onEvent(int viewer, String name, String id, byte[] data, int length, long nanos) {
        events.incrementAndGet();
        if (marking && name.equals("snapshot")) {
            snapshotsWhileMarking.incrementAndGet();
        }
        if (name.equals("snapshot") && !snapshotted.get(viewer)) {
            snapshotted.set(viewer);
            snapshots.incrementAndGet();
            largestSnapshot = Math.max(largestSnapshot, length);
        } else if (data != null) {
            int n = marker(data, length);
            if (n >= 0 && n < markers && !seen.get(n * viewers + viewer)) {
                seen.set(n * viewers + viewer);
                synchronized (this) {
                    arrivedAt[count] = nanos;
                    markerOf[count++] = n;
                }
            }
        }
    }

    /** Marked dispatches are being sent, or no longer. */
    void marking(boolean on) {
        marking = on;
    }

    /** The number after the first {@code WSLOAD-} in {@code data}; -1 for none. */
    static int marker(byte[] data, int length) {
        byte[] mark = MARK.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + mark.length + DIGITS <= length; i++) {
            for (int j = 0; j < mark.length; j++) {
                if (data[i + j] != mark[j]) {
                    continue outer;
                }
            }
            int n = 0;
            for (int j = i + mark.length; j < i + mark.length + DIGITS; j++) {
                if (data[j] < '0' || data[j] > '9') {
                    return -1;
                }
                n = n * 10 + data[j] - '0';
            }
            return n;
        }
        return -1;
    }

    /** The viewers are new streams: count their snapshots again. */
    void forgetSnapshots() {
        snapshotted.clear();
        snapshots.set(0);
    }

    /** Snapshots the viewers had while markers were read: a fresh one after a flood, megabytes to each. */
    int snapshotsWhileMarking() {
        return snapshotsWhileMarking.get();
    }

    /** Viewers that have had a snapshot. */
    int snapshots() {
        return snapshots.get();
    }

    /** Events of any kind the viewers had. */
    int events() {
        return events.get();
    }

    long largestSnapshot() {
        return largestSnapshot;
    }

    /** Arrivals of marked dispatches so far. */
    synchronized int arrivals() {
        return count;
    }

    /**
     * The times from each marker's send ({@code sentAt}, by marker) to its arrivals, in milliseconds, sorted, of the
     * markers numbered {@code from} up to {@code to}.
     */
    synchronized double[] millis(long[] sentAt, int from, int to) {
        double[] millis = new double[count];
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (markerOf[i] >= from && markerOf[i] < to) {
                millis[kept++] = (arrivedAt[i] - sentAt[markerOf[i]]) / 1e6;
            }
        }
        millis = Arrays.copyOf(millis, kept);
        Arrays.sort(millis);
        return millis;
    }

    /**
     * Per marker: the time from its send to its first arrival at any viewer (the way through the pipeline, the feed
     * and the broadcaster), and from its first arrival to its last (the fan-out to every viewer and their reading),
     * in milliseconds, each sorted; of the markers numbered {@code from} up to {@code to}.
     */
    synchronized double[][] firstAndSpread(long[] sentAt, int from, int to) {
        long[] first = new long[markers];
        long[] last = new long[markers];
        Arrays.fill(first, Long.MAX_VALUE);
        Arrays.fill(last, Long.MIN_VALUE);
        for (int i = 0; i < count; i++) {
            first[markerOf[i]] = Math.min(first[markerOf[i]], arrivedAt[i]);
            last[markerOf[i]] = Math.max(last[markerOf[i]], arrivedAt[i]);
        }
        double[] toFirst = new double[markers];
        double[] spread = new double[markers];
        int arrived = 0;
        for (int n = from; n < to; n++) {
            if (first[n] != Long.MAX_VALUE) {
                toFirst[arrived] = (first[n] - sentAt[n]) / 1e6;
                spread[arrived++] = (last[n] - first[n]) / 1e6;
            }
        }
        double[] a = Arrays.copyOf(toFirst, arrived);
        double[] b = Arrays.copyOf(spread, arrived);
        Arrays.sort(a);
        Arrays.sort(b);
        return new double[][] {a, b};
    }

    /**
     * Per marker, its first and its last arrival at any viewer ({@link System#nanoTime}), interleaved: first of
     * marker 0, last of marker 0, first of marker 1, ...; 0 for a marker that never arrived.
     */
    synchronized long[] firstAndLast() {
        long[] times = new long[2 * markers];
        for (int i = 0; i < count; i++) {
            int n = markerOf[i];
            if (times[2 * n] == 0 || arrivedAt[i] < times[2 * n]) {
                times[2 * n] = arrivedAt[i];
            }
            if (times[2 * n + 1] == 0 || arrivedAt[i] > times[2 * n + 1]) {
                times[2 * n + 1] = arrivedAt[i];
            }
        }
        return times;
    }

    /** The value below which {@code fraction} of the sorted {@code values} lie (nearest rank); NaN for none. */
    static double percentile(double[] values, double fraction) {
        if (values.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(fraction * values.length);
        return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
    }
}
