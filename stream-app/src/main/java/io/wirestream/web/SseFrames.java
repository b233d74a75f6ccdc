package io.wirestream.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Server-sent events as bytes on the wire: {@code id:}, {@code event:} and {@code data:} lines, comments, retry. */
final class SseFrames {

    static final String TYPE = "text/event-stream";

    private SseFrames() {
    }

    /** An event; {@code id} null for none. Data with line breaks goes on several {@code data:} lines. */
    static byte[] event(String id, String name, String data) {
        StringBuilder frame = new StringBuilder(data.length() + 64);
        if (id != null) {
            frame.append("id: ").append(id).append('\n');
        }
        frame.append("event: ").append(name).append('\n');
        if (data.indexOf('\n') < 0 && data.indexOf('\r') < 0) {
            frame.append("data: ").append(data).append('\n'); // JSON as the API writes it: one line.
        } else {
            for (String line : data.split("\r\n|\r|\n", -1)) {
                frame.append("data: ").append(line).append('\n');
            }
        }
        return frame.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A comment line, which a browser ignores: it keeps proxies from closing a quiet stream. */
    static byte[] comment(String text) {
        return (": " + text + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** How long a browser waits before it reconnects once the stream ends. */
    static byte[] retry(Duration after) {
        return ("retry: " + after.toMillis() + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
