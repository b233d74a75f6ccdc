package io.wirestream.ingest;

import java.time.Duration;

/** What one poll of a URL brought: a body, nothing new, or a failure to retry later. */
sealed interface Fetch {

    /**
     * A response body, decompressed.
     *
     * @param contentType the response's {@code Content-Type}; null when it gave none
     * @param validators  what to send next time for a conditional GET
     */
    record Body(byte[] bytes, String contentType, Validators validators) implements Fetch {
    }

    /** 304: nothing changed since the validators sent. */
    record NotModified() implements Fetch {
    }

    /**
     * Nothing usable: an HTTP error, a timeout, a refused connection, a body over the limit.
     *
     * @param retryAfter the server's {@code Retry-After}; null when it gave none
     */
    record Failed(String problem, Duration retryAfter) implements Fetch {
    }

    /**
     * A response's {@code ETag} and {@code Last-Modified}, sent back as {@code If-None-Match} and
     * {@code If-Modified-Since}; either may be null.
     */
    record Validators(String etag, String lastModified) {

        public static final Validators NONE = new Validators(null, null);

        boolean isEmpty() {
            return etag == null && lastModified == null;
        }
    }
}
