package io.wirestream.architecture.broken.dispatch;

import org.apache.kafka.common.serialization.StringDeserializer;

/** Broken on purpose: parsing that needs Kafka. */
public final class Parser {

    public String parse(byte[] bytes) {
        try (StringDeserializer deserializer = new StringDeserializer()) {
            return deserializer.deserialize("raw-feed", bytes);
        }
    }
}
