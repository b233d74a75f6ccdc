package io.wirestream.replay;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows how a replay is going: a bar with count, rate and time left, redrawn in place, on a terminal; a plain
 * line every few seconds otherwise (logs, CI).
 */
final class Progress {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long LINE_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final long total;
    private final long started = System.nanoTime();
    private long lastShown;

    Progress(PrintWriter out, boolean terminal, long total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
    }

    void update(long done) {
        long now = System.nanoTime();
        if (now - lastShown < (terminal ? REDRAW_NANOS : LINE_NANOS)) {
            return;
        }
        lastShown = now;
        show(done, now);
    }

    void finish(long done) {
        show(done, System.nanoTime());
        if (terminal) {
            out.println();
        }
        out.flush();
    }

    private void show(long done, long now) {
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        double rate = done / seconds;
        String eta = rate > 0 && total > done ? format(Duration.ofSeconds((long) ((total - done) / rate))) : "--:--";
        String counts = total == 0 ? String.format(Locale.ROOT, "%,d read, %,.0f/s", done, rate)
                : String.format(Locale.ROOT, "%,d/%,d (%d%%) %,.0f/s ETA %s", done, total, done * 100 / total, rate, eta);
        if (terminal) {
            int width = 30;
            int filled = total == 0 ? width : (int) Math.min(width, done * width / total);
            out.print("\r[" + "=".repeat(filled) + " ".repeat(width - filled) + "] " + counts);
        } else {
            out.println("replay: " + counts);
        }
        out.flush();
    }

    private static String format(Duration duration) {
        long s = duration.getSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
