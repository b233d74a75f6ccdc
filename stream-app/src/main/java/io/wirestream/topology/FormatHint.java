package io.wirestream.topology;

import io.wirestream.format.Format;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Where a record says what format it is in: its {@code wirestream.format} header, else its {@code content-type}. */
final class FormatHint {

    /** A MIME type, as HTTP and some bridges carry it. */
    static final String CONTENT_TYPE = "content-type";

    private FormatHint() {
    }

    /** The hint, or null when the record names none (then the format is sniffed from the bytes). */
    static String of(Headers headers) {
        String format = text(headers.lastHeader(Format.HEADER));
        return format != null ? format : text(headers.lastHeader(CONTENT_TYPE));
    }

    private static String text(Header header) {
        if (header == null || header.value() == null || header.value().length == 0 || header.value().length > 200) {
            return null;
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
