package io.wirestream.topology;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The input's headers as they travel onto its outcomes: all of them, unless together they exceed
 * {@link #MAX_BYTES}; then the largest stay behind until the rest fit, and {@link #DROPPED} names them. An outcome
 * carries more than its input (an Avro record, a dead letter's reasons), so an input that filled its topic with
 * headers would make an outcome its topic refuses - and the stream would stop on it, and again on every restart.
 */
public final class CarriedHeaders {

    /** The most header bytes (names and values) carried onto an outcome. */
    public static final int MAX_BYTES = 1 << 20;
    /** Set when headers were left behind: how many, how large, and their names. */
    public static final String DROPPED = "wirestream.headers.dropped";
    private static final int MAX_NOTE_CHARS = 1000;

    private CarriedHeaders() {
    }

    /** A copy of {@code input} that fits {@link #MAX_BYTES}, the largest headers left out if need be. */
    static RecordHeaders of(Headers input) {
        Header[] all = input.toArray();
        long total = size(all);
        if (total <= MAX_BYTES) {
            return new RecordHeaders(all);
        }
        List<Header> largestFirst = new ArrayList<>(List.of(all));
        largestFirst.sort(Comparator.comparingLong((Header header) -> size(header)).reversed());
        // By identity: two headers with the same name and value are two headers.
        Set<Header> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Header header : largestFirst) {
            if (total <= MAX_BYTES) {
                break;
            }
            dropped.add(header);
            total -= size(header);
        }
        RecordHeaders kept = new RecordHeaders();
        List<String> names = new ArrayList<>();
        long droppedBytes = 0;
        for (Header header : all) {
            if (dropped.contains(header)) {
                names.add(header.key());
                droppedBytes += size(header);
            } else {
                kept.add(header);
            }
        }
        String note = dropped.size() + " headers of " + droppedBytes + " bytes, over the " + MAX_BYTES + " carried: "
                + String.join(", ", names);
        kept.add(DROPPED, (note.length() > MAX_NOTE_CHARS ? note.substring(0, MAX_NOTE_CHARS) + "…" : note)
                .getBytes(StandardCharsets.UTF_8));
        return kept;
    }

    /** Bytes of the headers' names and values. */
    static long size(Header... headers) {
        long size = 0;
        for (Header header : headers) {
            size += header.key().getBytes(StandardCharsets.UTF_8).length + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    static long size(Headers headers) {
        return size(headers.toArray());
    }
}
