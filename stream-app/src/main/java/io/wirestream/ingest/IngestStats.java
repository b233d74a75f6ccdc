package io.wirestream.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each source is doing, for {@code /metrics} and the dashboard: when it was last read, how many items it sent,
 * how many polls failed and why the last one did. Safe to read from any thread while the sources are polled.
 */
public final class IngestStats {

    /**
     * One source's figures at a moment.
     *
     * @param lastSuccess when it was last read (a 304 counts); null for never
     * @param lastError   why the last failed poll failed; null when none failed or the last poll succeeded
     */
    public record SourceStatus(String name, String location, Instant lastSuccess, long itemsSent, long errors,
            String lastError) {
    }

    private final Map<String, Counts> sources = new LinkedHashMap<>();

    IngestStats(List<Source> watched) {
        watched.forEach(source -> sources.put(source.name(), new Counts(source.location())));
    }

    /** No sources: what a process without ingest shows. */
    public static IngestStats none() {
        return new IngestStats(List.of());
    }

    /** Every source's figures, in the order of the sources. */
    public List<SourceStatus> snapshot() {
        List<SourceStatus> statuses = new ArrayList<>();
        sources.forEach((name, counts) -> {
            synchronized (counts) {
                statuses.add(new SourceStatus(name, counts.location, counts.lastSuccess, counts.itemsSent,
                        counts.errors, counts.lastError));
            }
        });
        return statuses;
    }

    /** The names of the sources, for metrics registered once at start. */
    public List<String> names() {
        return List.copyOf(sources.keySet());
    }

    /** The items sent by {@code source} so far. */
    public long itemsSent(String source) {
        Counts counts = sources.get(source);
        synchronized (counts) {
            return counts.itemsSent;
        }
    }

    /** The failed polls of {@code source} so far. */
    public long errors(String source) {
        Counts counts = sources.get(source);
        synchronized (counts) {
            return counts.errors;
        }
    }

    /** When {@code source} was last read, in seconds since the epoch; 0 for never. */
    public double lastSuccessSeconds(String source) {
        Counts counts = sources.get(source);
        synchronized (counts) {
            return counts.lastSuccess == null ? 0 : counts.lastSuccess.toEpochMilli() / 1000.0;
        }
    }

    void succeeded(String source, int sent, Instant at) {
        Counts counts = sources.get(source);
        synchronized (counts) {
            counts.itemsSent += sent;
            counts.lastSuccess = at;
            counts.lastError = null;
        }
    }

    void failed(String source, String problem) {
        Counts counts = sources.get(source);
        synchronized (counts) {
            counts.errors++;
            counts.lastError = problem;
        }
    }

    private static final class Counts {
        final String location;
        Instant lastSuccess;
        long itemsSent;
        long errors;
        String lastError;

        Counts(String location) {
            this.location = location;
        }
    }
}
