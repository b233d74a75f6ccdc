package io.wirestream.registry;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.nio.charset.StandardCharsets;

/**
 * Schema registry settings under Confluent's names, so that users can paste the settings they already have:
 * {@code schema.registry.url} (several, comma-separated, are tried in turn), {@code basic.auth.credentials.source}
 * ({@code USER_INFO} or {@code URL}), {@code basic.auth.user.info}, {@code bearer.auth.credentials.source}
 * ({@code STATIC_TOKEN}), {@code bearer.auth.token}. TLS uses the JVM's trust store settings
 * ({@code javax.net.ssl.trustStore}). Plus wirestream's own {@code schema.registry.retry.timeout.ms}: how long
 * a call keeps retrying an unreachable or failing registry before giving up (default 30 s).
 */
public final class RegistryConfig {

    public static final String URL = "schema.registry.url";
    public static final String BASIC_AUTH_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String BEARER_AUTH_SOURCE = "bearer.auth.credentials.source";
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    public static final String RETRY_TIMEOUT_MS = "schema.registry.retry.timeout.ms";
    public static final Duration DEFAULT_RETRY_TIMEOUT = Duration.ofSeconds(30);

    private final List<URI> urls;
    private final String authorization;
    private final Duration retryTimeout;

    private RegistryConfig(List<URI> urls, String authorization, Duration retryTimeout) {
        this.urls = List.copyOf(urls);
        this.authorization = authorization;
        this.retryTimeout = retryTimeout;
    }

    public static RegistryConfig from(Map<String, ?> configs) {
        Object url = configs.get(URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("missing " + URL);
        }
        List<URI> urls = new ArrayList<>();
        String userInfoFromUrl = null;
        for (String part : url.toString().split(",")) {
            URI uri = URI.create(part.strip());
            if (uri.getUserInfo() != null) {
                userInfoFromUrl = uri.getUserInfo();
                uri = URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                        + (uri.getRawPath() == null ? "" : uri.getRawPath()));
            }
            urls.add(uri);
        }
        Duration retry = DEFAULT_RETRY_TIMEOUT;
        Object retryMs = configs.get(RETRY_TIMEOUT_MS);
        if (retryMs != null) {
            retry = Duration.ofMillis(Long.parseLong(retryMs.toString().strip()));
        }
        return new RegistryConfig(urls, authorization(configs, userInfoFromUrl), retry);
    }

    private static String authorization(Map<String, ?> configs, String userInfoFromUrl) {
        String bearerSource = string(configs, BEARER_AUTH_SOURCE);
        String token = string(configs, BEARER_AUTH_TOKEN);
        if (token != null && (bearerSource == null || bearerSource.equalsIgnoreCase("STATIC_TOKEN"))) {
            return "Bearer " + token;
        }
        String basicSource = string(configs, BASIC_AUTH_SOURCE);
        String userInfo = string(configs, BASIC_AUTH_USER_INFO);
        if (basicSource != null && basicSource.toUpperCase(Locale.ROOT).equals("URL")) {
            userInfo = userInfoFromUrl;
        } else if (userInfo == null) {
            userInfo = userInfoFromUrl;
        }
        if (userInfo == null || userInfo.isBlank()) {
            return null;
        }
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static String string(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    public List<URI> urls() {
        return urls;
    }

    /** The Authorization header value, or null. Never logged. */
    String authorization() {
        return authorization;
    }

    public Duration retryTimeout() {
        return retryTimeout;
    }

    public boolean isInMemory() {
        return urls.get(0).getScheme().equals("mock");
    }

    /** For logs: the URLs and which kind of credentials, never the credentials. */
    @Override
    public String toString() {
        String auth = authorization == null ? "none" : authorization.startsWith("Bearer") ? "bearer token" : "basic";
        return "schema registry " + urls + " (auth: " + auth + ")";
    }
}
