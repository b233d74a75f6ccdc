package io.wirestream.dispatch;

import io.wirestream.schema.Source;
import java.time.Instant;
import java.util.Objects;

/**
 * The bytes of one dispatch as delivered, with what is known about their arrival.
 *
 * @param bytes      the dispatch, expected to be UTF-8 text
 * @param receivedAt when it reached us; the reference for the dateline's year; may be null
 * @param source     where it was read from in Kafka; may be null
 */
public record RawDispatch(byte[] bytes, Instant receivedAt, Source source) {

    public RawDispatch {
        Objects.requireNonNull(bytes, "bytes");
    }

    public static RawDispatch of(byte[] bytes, Instant receivedAt) {
        return new RawDispatch(bytes, receivedAt, null);
    }

    /** The id of these bytes when they fail: the hash of all of them. Computed on each call; keep it if needed twice. */
    public String rawId() {
        return ContentHash.ofBytes(bytes);
    }
}
