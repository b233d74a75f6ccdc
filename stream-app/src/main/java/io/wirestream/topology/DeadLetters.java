package io.wirestream.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The dead-letter record of an input: its key, value and time as read, the input's headers (as many as are
 * carried), the reasons, and the value cut if need be, so that the dead-letter topic always takes it.
 */
final class DeadLetters {

    private DeadLetters() {
    }

    /** What goes to the dead-letter topic for {@code input}, found to be {@code deadLetter}. */
    static Record<byte[], byte[]> of(Record<byte[], byte[]> input, Outcome.DeadLetter deadLetter,
            Optional<RawRecord.Origin> origin) {
        RecordHeaders headers = CarriedHeaders.of(input.headers());
        long carried = CarriedHeaders.size(headers);
        DeadLetterHeaders.add(headers, deadLetter, origin);
        return fitted(input.withHeaders(headers).withValue(deadLetter.original()), carried);
    }

    /**
     * The record whole, unless its value and the input's headers are larger than the dead-letter topic takes;
     * then the value is cut and a header keeps the original length (the broker would refuse it whole, and refuse
     * it again on every restart).
     */
    private static Record<byte[], byte[]> fitted(Record<byte[], byte[]> record, long inputHeaderBytes) {
        byte[] value = record.value();
        int room = (int) (RoutingTopology.MAX_DEAD_LETTER_BYTES - inputHeaderBytes);
        if (value == null || value.length <= room) {
            return record;
        }
        record.headers().add(DeadLetterHeaders.ORIGINAL_LENGTH,
                Integer.toString(value.length).getBytes(StandardCharsets.UTF_8));
        return record.withValue(Arrays.copyOf(value, room));
    }
}
