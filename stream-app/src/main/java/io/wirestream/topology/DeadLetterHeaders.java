package io.wirestream.topology;

import io.wirestream.dispatch.ParseResult;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

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

    static void addParseFailure(Headers headers, ParseResult.Failed failure, RecordMetadata source) {
        add(headers, PARSE_FAILURE, failure.message(), failure.reason().name(), source);
    }

    static void addError(Headers headers, RuntimeException error, RecordMetadata source) {
        add(headers, error.getClass().getName(), String.valueOf(error.getMessage()), PROCESSING_ERROR, source);
    }

    private static void add(Headers headers, String exception, String message, String reason, RecordMetadata source) {
        put(headers, EXCEPTION, exception);
        // An exception's message can be as long as it likes; the dead letter must still fit its topic.
        put(headers, MESSAGE, message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) + "…" : message);
        if (source != null) {
            put(headers, TOPIC, source.topic());
            put(headers, PARTITION, Integer.toString(source.partition()));
            put(headers, OFFSET, Long.toString(source.offset()));
        }
        put(headers, REASON, reason);
    }

    /** Removes every header this class or Kafka Streams' dead-letter queue sets. */
    static void removeAll(Headers headers) {
        java.util.List<String> keys = new java.util.ArrayList<>();
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
