package io.wirestream.topology;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;

/**
 * The headers that say why a record is in the dead-letter topic. The names follow Kafka Streams' own dead-letter
 * queue ({@code __streams.errors.*}); the parser's reason code is added as {@code wirestream.errors.reason}.
 * Values are UTF-8 strings.
 */
public final class DeadLetterHeaders {

    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";
    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";
    public static final String REASON = "wirestream.errors.reason";
    /** Set when a dead letter's value had to be cut to fit the topic: the original length in bytes. */
    public static final String ORIGINAL_LENGTH = "wirestream.errors.original.length";

    /** The "exception" of a parse failure: no exception is thrown, the parser's verdict is a value. */
    public static final String PARSE_FAILURE = "io.wirestream.dispatch.ParseResult$Failed";
    /** The reason code of input that broke the processor itself (a bug, never bad input alone). */
    public static final String PROCESSING_ERROR = "PROCESSING_ERROR";

    private static final int MAX_MESSAGE_CHARS = 4000;

    private DeadLetterHeaders() {
    }

    /** Adds why {@code deadLetter} is one, and where its record was read when known. */
    static void add(Headers headers, Outcome.DeadLetter deadLetter, Optional<RawRecord.Origin> origin) {
        put(headers, EXCEPTION, deadLetter.exception());
        // An exception's message can be as long as it likes; the dead letter must still fit its topic.
        String message = deadLetter.message();
        put(headers, MESSAGE, message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) + "…"
                : message);
        origin.ifPresent(o -> {
            put(headers, TOPIC, o.topic());
            put(headers, PARTITION, Integer.toString(o.partition()));
            put(headers, OFFSET, Long.toString(o.offset()));
        });
        put(headers, REASON, deadLetter.reason());
    }

    /** Removes every header this class or Kafka Streams' dead-letter queue sets. */
    static void removeAll(Headers headers) {
        List<String> keys = new ArrayList<>();
        headers.forEach(h -> {
            if (h.key().startsWith("__streams.errors.") || h.key().startsWith("wirestream.errors.")) {
                keys.add(h.key());
            }
        });
        keys.forEach(headers::remove);
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
