package io.wirestream.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's answer to a request it refuses before the server's own code sees it (a path above the root, a
 * malformed or oversized header): the status and its reason as plain text, with the same security headers as
 * every other answer, instead of Jetty's HTML page.
 */
final class JettyRefusals extends ErrorHandler {

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        Guards.SECURITY_HEADERS.forEach(fields::put);
        if (HttpStatus.hasNoBody(status)) {
            return ByteBuffer.allocate(0);
        }
        fields.put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        String text = status + " " + (reason == null ? HttpStatus.getMessage(status) : reason) + "\n";
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
