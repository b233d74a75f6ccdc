package io.wirestream.ingest;

import io.wirestream.config.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

/**
 * Polls URLs politely with the JDK's {@link HttpClient}: a User-Agent that names wirestream, conditional GETs
 * (If-None-Match, If-Modified-Since), gzip, one deadline for the whole exchange, a size limit on the body (and on
 * what it inflates to), and redirects followed here - at most five, never from https to http, and credentials sent
 * only to the origin they were given for. Every failure is a {@link Fetch.Failed} value, never an exception.
 */
final class HttpFetcher {

    static final String ACCEPT = "application/rss+xml, application/atom+xml, application/vnd.iptc.g2.newsmessage+xml, "
            + "application/vnd.iptc.g2.newsitem+xml, application/ninjs+json, application/json;q=0.9, "
            + "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;
    private final String userAgent;
    private final Clock clock;

    HttpFetcher(Duration timeout, long maxBytes, String userAgent, Clock clock) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxBytes = maxBytes;
        this.userAgent = userAgent;
        this.clock = clock;
    }

    /** The User-Agent of this build, e.g. {@code wirestream/0.1.0 (news wire ingest)}: who is polling, and why. */
    static String userAgent() {
        String version = HttpFetcher.class.getPackage().getImplementationVersion();
        return "wirestream/" + (version == null ? "dev" : version) + " (news wire ingest)";
    }

    /** One poll of {@code url}, conditional on {@code validators}. */
    Fetch fetch(URI url, Fetch.Validators validators, Auth auth) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI at = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Secret credentials = sameOrigin(url, at) ? auth.header() : null;
            HttpResponse<byte[]> response;
            AtomicReference<LimitedBody> body = new AtomicReference<>();
            try {
                response = exchange(request(at, validators, credentials, deadline), deadline, body);
            } catch (TimeoutException e) {
                return new Fetch.Failed("no complete answer within " + timeout.toSeconds() + " s", null);
            } catch (IOException | ExecutionException | RuntimeException e) {
                LimitedBody.TooLarge overflow = body.get() == null ? null : body.get().overflow();
                return new Fetch.Failed(describe(overflow != null ? overflow : e), null);
            }
            int status = response.statusCode();
            if (isRedirect(status)) {
                URI next = response.headers().firstValue("location").map(at::resolve).orElse(null);
                if (next == null) {
                    return new Fetch.Failed("HTTP " + status + " without a Location", null);
                }
                if ("https".equalsIgnoreCase(at.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
                    return new Fetch.Failed("refused a redirect from https to " + next.getScheme(), null);
                }
                at = next;
                continue;
            }
            return answer(response);
        }
        return new Fetch.Failed("more than " + MAX_REDIRECTS + " redirects", null);
    }

    private HttpRequest request(URI uri, Fetch.Validators validators, Secret credentials, long deadline) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip");
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        if (credentials != null) {
            request.header("Authorization", credentials.reveal());
        }
        return request.build();
    }

    /** The exchange within the deadline: a response whose body trickles in is cut off at it too. */
    private HttpResponse<byte[]> exchange(HttpRequest request, long deadline, AtomicReference<LimitedBody> body)
            throws IOException, ExecutionException, TimeoutException {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> {
            body.set(info.statusCode() / 100 != 2 ? LimitedBody.unread()
                    : new LimitedBody(maxBytes, info.headers().firstValueAsLong("content-length").orElse(-1)));
            return body.get();
        });
        try {
            return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private Fetch answer(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        HttpHeaders headers = response.headers();
        if (status == 304) {
            return new Fetch.NotModified();
        }
        if (status / 100 != 2) {
            String reason = status == 429 ? " (too many requests)" : status == 503 ? " (unavailable)" : "";
            return new Fetch.Failed("HTTP " + status + reason,
                    RetryAfter.parse(headers.firstValue("retry-after").orElse(null), clock.instant()));
        }
        byte[] body = response.body();
        String encoding = headers.firstValue("content-encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
            try {
                body = gunzip(body);
            } catch (IOException e) {
                return new Fetch.Failed("a broken gzip body: " + e.getMessage(), null);
            }
        } else if (!encoding.equals("identity")) {
            return new Fetch.Failed("an encoding that was not asked for: " + encoding, null);
        }
        return new Fetch.Body(body, headers.firstValue("content-type").orElse(null), new Fetch.Validators(
                headers.firstValue("etag").orElse(null), headers.firstValue("last-modified").orElse(null)));
    }

    /** Inflates at most {@code maxBytes}: a small body that inflates to gigabytes is refused as too large. */
    private byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] inflated = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (inflated.length > maxBytes) {
                throw new IOException("it inflates past the limit of " + maxBytes + " bytes");
            }
            return inflated;
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost()))
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
