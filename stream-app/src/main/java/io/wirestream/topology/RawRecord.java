package io.wirestream.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One input record as the {@link Router} needs it, without Kafka's types.
 *
 * @param value     the bytes as read; null for a tombstone
 * @param timestamp the record's time, in epoch milliseconds
 * @param origin    where it was read; empty when Kafka does not say
 * @param hint      the record's {@code wirestream.format} header, else its {@code content-type}; null for neither:
 *                  it names the format when sniffing should not decide
 * @param headers   the headers that travel onto the record's outcomes (see {@link CarriedHeaders}): kept with a
 *                  dispatch that is held back, for when it goes out
 */
public record RawRecord(byte[] value, long timestamp, Optional<Origin> origin, String hint, List<Header> headers) {

    public RawRecord {
        Objects.requireNonNull(origin, "origin");
        headers = List.copyOf(headers);
    }

    /** A record without headers. */
    public RawRecord(byte[] value, long timestamp, Optional<Origin> origin, String hint) {
        this(value, timestamp, origin, hint, List.of());
    }

    /** Where a record was read in Kafka. */
    public record Origin(String topic, int partition, long offset) {

        public Origin {
            Objects.requireNonNull(topic, "topic");
        }
    }

    /** One header: a name, and a value that may be null. */
    public record Header(String key, byte[] value) {

        public Header {
            Objects.requireNonNull(key, "key");
        }
    }
}
