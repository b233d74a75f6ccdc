package io.wirestream.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The records of the state topic: key {@code item:<id>} with the {@link Sent} of that item, or {@code source:<name>}
 * with a URL's last validators (so that a new process polls conditionally too). Values are small JSON objects, so
 * that any Kafka tool can show them.
 */
final class StateCodec {

    static final String ITEM = "item:";
    static final String SOURCE = "source:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StateCodec() {
    }

    static byte[] key(String prefix, String name) {
        return (prefix + name).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] sent(Sent sent) {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", sent.version());
        node.put("hash", sent.hash());
        node.put("source", sent.source());
        node.put("sentAt", sent.sentAt().toString());
        return bytes(node);
    }

    static byte[] validators(Fetch.Validators validators) {
        ObjectNode node = JSON.createObjectNode();
        node.put("etag", validators.etag());
        node.put("lastModified", validators.lastModified());
        return bytes(node);
    }

    static Sent readSent(byte[] value) {
        JsonNode node = read(value);
        return new Sent(text(node, "version"), text(node, "hash"), text(node, "source"),
                Instant.parse(text(node, "sentAt")));
    }

    static Fetch.Validators readValidators(byte[] value) {
        JsonNode node = read(value);
        return new Fetch.Validators(text(node, "etag"), text(node, "lastModified"));
    }

    private static JsonNode read(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("a state record that is not JSON: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
