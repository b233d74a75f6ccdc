package io.wirestream.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Schema registry settings under Confluent's names, so that users can paste the settings they already have:
 * {@code schema.registry.url} (several, comma-separated, are tried in turn), {@code basic.auth.credentials.source}
 * ({@code USER_INFO} or {@code URL}), {@code basic.auth.user.info}, {@code bearer.auth.credentials.source}
 * ({@code STATIC_TOKEN}), {@code bearer.auth.token}, and for TLS {@code schema.registry.ssl.truststore.location},
 * {@code .password} and {@code .type} (else the JVM's trust store, {@code javax.net.ssl.trustStore}). Plus
 * wirestream's own {@code schema.registry.retry.timeout.ms}: how long a call keeps retrying an unreachable or failing
 * registry before giving up (default 30 s).
 */
public final class RegistryConfig {

    public static final String URL = "schema.registry.url";
    public static final String BASIC_AUTH_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String BEARER_AUTH_SOURCE = "bearer.auth.credentials.source";
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String RETRY_TIMEOUT_MS = "schema.registry.retry.timeout.ms";
    public static final Duration DEFAULT_RETRY_TIMEOUT = Duration.ofSeconds(30);

    private final List<URI> urls;
    private final String authorization;
    private final Duration retryTimeout;
    private final SSLContext sslContext;

    private RegistryConfig(List<URI> urls, String authorization, Duration retryTimeout, SSLContext sslContext) {
        this.urls = List.copyOf(urls);
        this.authorization = authorization;
        this.retryTimeout = retryTimeout;
        this.sslContext = sslContext;
    }

    /** True for the keys of Confluent's registry client settings, which wirestream passes through to it. */
    public static boolean isRegistryKey(String key) {
        return key.startsWith("schema.registry.") || key.startsWith("basic.auth.") || key.startsWith("bearer.auth.")
                || key.equals("auto.register.schemas") || key.equals("use.latest.version")
                || key.endsWith(".subject.name.strategy");
    }

    public static RegistryConfig from(Map<String, ?> configs) {
        Object url = configs.get(URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("missing " + URL);
        }
        List<URI> urls = new ArrayList<>();
        String userInfoFromUrl = null;
        for (String part : url.toString().split(",")) {
            String text = part.strip();
            int scheme = text.indexOf("://");
            if (scheme < 0) {
                throw new IllegalArgumentException(URL + " must start with http://, https:// or mock://");
            }
            // Credentials end at the last '@' before the path; taken apart by hand so no URI parser echoes them.
            int pathStart = text.indexOf('/', scheme + 3);
            String authority = pathStart < 0 ? text.substring(scheme + 3) : text.substring(scheme + 3, pathStart);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                userInfoFromUrl = authority.substring(0, at);
                text = text.substring(0, scheme + 3) + authority.substring(at + 1) + (pathStart < 0 ? "" : text.substring(pathStart));
            }
            String kind = text.substring(0, scheme).toLowerCase(Locale.ROOT);
            if (!kind.equals("http") && !kind.equals("https") && !kind.equals("mock")) {
                throw new IllegalArgumentException(URL + " must start with http://, https:// or mock://, not " + kind + "://");
            }
            try {
                urls.add(URI.create(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(URL + " is not a valid URL (not shown, as it may hold credentials)");
            }
        }
        Duration retry = DEFAULT_RETRY_TIMEOUT;
        Object retryMs = configs.get(RETRY_TIMEOUT_MS);
        if (retryMs != null) {
            try {
                retry = Duration.ofMillis(Long.parseLong(retryMs.toString().strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(RETRY_TIMEOUT_MS + " must be milliseconds, was '" + retryMs + "'");
            }
        }
        return new RegistryConfig(urls, authorization(configs, userInfoFromUrl), retry, sslContext(configs));
    }

    /** Read at start, so that a wrong path or password fails before anything runs; null: the JVM's trust store. */
    private static SSLContext sslContext(Map<String, ?> configs) {
        String location = string(configs, TRUSTSTORE_LOCATION);
        if (location == null) {
            return null;
        }
        String password = string(configs, TRUSTSTORE_PASSWORD);
        String type = string(configs, TRUSTSTORE_TYPE);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            KeyStore trusted = KeyStore.getInstance(type == null ? KeyStore.getDefaultType() : type);
            trusted.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the trust store " + TRUSTSTORE_LOCATION + "=" + location
                    + " (" + TRUSTSTORE_TYPE + " " + (type == null ? KeyStore.getDefaultType() : type) + "): " + e, e);
        }
    }

    private static String authorization(Map<String, ?> configs, String userInfoFromUrl) {
        String bearerSource = string(configs, BEARER_AUTH_SOURCE);
        if (bearerSource != null && !bearerSource.equalsIgnoreCase("STATIC_TOKEN")) {
            throw new IllegalArgumentException(BEARER_AUTH_SOURCE + "=" + bearerSource + " is not supported; use "
                    + "STATIC_TOKEN with " + BEARER_AUTH_TOKEN);
        }
        String token = string(configs, BEARER_AUTH_TOKEN);
        if (token != null && (bearerSource == null || bearerSource.equalsIgnoreCase("STATIC_TOKEN"))) {
            return "Bearer " + token;
        }
        String basicSource = string(configs, BASIC_AUTH_SOURCE);
        if (basicSource != null && !basicSource.equalsIgnoreCase("USER_INFO") && !basicSource.equalsIgnoreCase("URL")) {
            throw new IllegalArgumentException(BASIC_AUTH_SOURCE + "=" + basicSource + " is not supported; use USER_INFO "
                    + "(with " + BASIC_AUTH_USER_INFO + ") or URL");
        }
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

    /** The TLS context for {@code https} URLs, or null for the JVM's default. */
    SSLContext sslContext() {
        return sslContext;
    }

    public Duration retryTimeout() {
        return retryTimeout;
    }

    public boolean isInMemory() {
        return urls.get(0).getScheme().equals("mock");
    }

    /** The scope of a {@code mock://scope} URL: everything after the scheme, as Confluent's serdes read it. */
    public String mockScope() {
        String text = urls.get(0).toString();
        return text.substring("mock://".length());
    }

    /** For logs: the URLs and which kind of credentials, never the credentials. */
    @Override
    public String toString() {
        String auth = authorization == null ? "none" : authorization.startsWith("Bearer") ? "bearer token" : "basic";
        return "schema registry " + urls + " (auth: " + auth + ")";
    }
}
