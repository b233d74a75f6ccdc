package io.wirestream.topology;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A dead letter as a reader shows it: why it was refused ({@link DeadLetterHeaders}), where the input came from,
 * how long it is, and the start of its original bytes as text. The read side of {@link DeadLetterHeaders}, for
 * every tool that shows dead letters to people.
 *
 * @param reason    the reason code, e.g. {@code MARKUP}; null when the record has none
 * @param message   the parser's or the exception's message; null when none
 * @param exception the exception's class, or {@link DeadLetterHeaders#PARSE_FAILURE}; null when none
 * @param source    where the input was read, {@code topic-partition@offset}; null when not known
 * @param bytes     the length of the value as kept in the dead-letter topic
 * @param preview   the start of the value, at most {@link #PREVIEW_CHARS} characters, UTF-8 where it is and a
 *                  replacement character where it is not
 */
public record DeadLetterView(String reason, String message, String exception, String source, int bytes,
        String preview) {

    /** The most characters a preview keeps. */
    public static final int PREVIEW_CHARS = 4000;

    /** The view of a dead-letter record's headers and value (null for none). */
    public static DeadLetterView of(Headers headers, byte[] value) {
        byte[] bytes = value == null ? new byte[0] : value;
        String topic = text(headers, DeadLetterHeaders.TOPIC);
        String source = topic == null ? null : topic + "-" + text(headers, DeadLetterHeaders.PARTITION) + "@"
                + text(headers, DeadLetterHeaders.OFFSET);
        return new DeadLetterView(text(headers, DeadLetterHeaders.REASON), text(headers, DeadLetterHeaders.MESSAGE),
                text(headers, DeadLetterHeaders.EXCEPTION), source, bytes.length, preview(bytes));
    }

    private static String text(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The start of {@code value} as text; no more bytes are decoded than the preview can hold. */
    static String preview(byte[] value) {
        int length = Math.min(value.length, PREVIEW_CHARS * 4);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(value, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            text = ""; // Not thrown: every malformed input is replaced.
        }
        return text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) : text;
    }
}
