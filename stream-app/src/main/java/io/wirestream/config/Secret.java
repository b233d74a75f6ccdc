package io.wirestream.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/** A value that must not be logged: {@link #toString()} hides it; {@link #reveal()} is for the one place that uses it. */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Null for null or blank: "no secret". */
    public static Secret of(String value) {
        return value == null || value.isBlank() ? null : new Secret(value);
    }

    public String reveal() {
        return value;
    }

    /** Its SHA-256 digest, for comparing a guess in constant time with {@link MessageDigest#isEqual}. */
    public byte[] digest() {
        return sha256(value);
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && MessageDigest.isEqual(digest(), secret.digest());
    }

    @Override
    public int hashCode() {
        return 0; // Equal secrets must hash alike; a hash of the value would leak a little of it.
    }

    @Override
    public String toString() {
        return "[hidden]";
    }
}
