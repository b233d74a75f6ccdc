package io.wirestream.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import io.wirestream.config.Secret;
import java.net.URI;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The server's before-filters, in the order they run: security headers on every answer; the Host check (421),
 * against DNS rebinding; the Origin check on requests that change something (403); the token on alert-rule
 * changes (401). A refusal ends the request there.
 */
final class Guards {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** On every answer, Jetty's own refusals of malformed requests included ({@link JettyRefusals}). */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String BEARER = "Bearer ";

    private final byte[] tokenDigest;
    private final Set<String> allowedHosts;

    /**
     * @param token        null for none
     * @param allowedHosts host names (besides localhost and literal addresses) the server answers to
     */
    Guards(Secret token, Set<String> allowedHosts) {
        this.tokenDigest = token == null ? null : token.digest();
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean tokenRequired() {
        return tokenDigest != null;
    }

    /** A strict Content-Security-Policy (no inline script or style), no sniffing, no framing, no caching. */
    static void secureHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
    }

    void checkHost(Context ctx) {
        String host = ctx.header(Header.HOST);
        if (!isAllowedHost(host, allowedHosts)) {
            refuse(ctx, 421, "this server answers to localhost, literal addresses and the names in "
                    + "dashboard.allowed-hosts, not to '" + host + "'\n");
        }
    }

    static void checkOrigin(Context ctx) {
        String origin = ctx.header(Header.ORIGIN);
        if (origin != null && !isRead(ctx) && !sameOrigin(origin, ctx.header(Header.HOST))) {
            refuse(ctx, 403, "requests from other sites may only read\n");
        }
    }

    /** With a token set, a change must carry it; compared as digests, so in time independent of the guess. */
    void checkToken(Context ctx) {
        if (tokenDigest == null || isRead(ctx)) {
            return;
        }
        String header = ctx.header(Header.AUTHORIZATION);
        String given = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : "";
        if (!MessageDigest.isEqual(tokenDigest, Secret.sha256(given))) {
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer realm=\"wirestream\"");
            ApiJson.error(ctx, 401, "changing alert rules needs the dashboard token");
            ctx.skipRemainingHandlers();
        }
    }

    static boolean isRead(Context ctx) {
        return ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
    }

    private static void refuse(Context ctx, int status, String text) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(text);
        ctx.skipRemainingHandlers();
    }

    /**
     * True for a Host header naming {@code localhost}, a literal address, or one of {@code allowed}. A web page
     * that rebinds its own name to this machine's address sends its own name, and is refused.
     */
    static boolean isAllowedHost(String host, Set<String> allowed) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = hostName(host);
        return name.equals("localhost") || IPV4.matcher(name).matches()
                || name.startsWith("[") && name.endsWith("]") && name.length() > 2 || allowed.contains(name);
    }

    private static String hostName(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            return name.substring(0, name.indexOf(']') + 1);
        }
        int colon = name.lastIndexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    /** The {@code Origin} of a request is the page's own: same host and port as the request's {@code Host}. */
    static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null) {
                return false; // "null", the origin of sandboxed and file pages
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            String requested = host.strip().toLowerCase(Locale.ROOT);
            String name = hostName(requested);
            String hostWithPort = name.length() == requested.length() ? requested + ":80" : requested;
            return hostWithPort.equals(uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
