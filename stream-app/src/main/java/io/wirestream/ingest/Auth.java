package io.wirestream.ingest;

import io.wirestream.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * The credentials of a source, read from environment variables when the sources file is loaded: basic (a user and
 * a password) or bearer (a token). The file names the variables, never the values; the value lives in a
 * {@link Secret}, so neither a log line nor {@link #toString()} can show it.
 *
 * @param header      the {@code Authorization} header's value; null for none
 * @param description what it is, for people: {@code bearer token from $AP_TOKEN}
 */
public record Auth(Secret header, String description) {

    public static final Auth NONE = new Auth(null, "none");

    public Auth {
        Objects.requireNonNull(description, "description");
    }

    /** Bearer authentication with the token in the variable {@code tokenVariable}. */
    public static Auth bearer(String tokenVariable, Map<String, String> env) {
        return new Auth(Secret.of("Bearer " + required(tokenVariable, env)),
                "bearer token from $" + tokenVariable);
    }

    /** Basic authentication with the user and password in the two variables. */
    public static Auth basic(String userVariable, String passwordVariable, Map<String, String> env) {
        String pair = required(userVariable, env) + ":" + required(passwordVariable, env);
        return new Auth(Secret.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))),
                "basic auth from $" + userVariable + " and $" + passwordVariable);
    }

    private static String required(String variable, Map<String, String> env) {
        String value = variable == null ? null : env.get(variable);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the environment variable " + variable + " is not set");
        }
        return value;
    }

    @Override
    public String toString() {
        return description;
    }
}
