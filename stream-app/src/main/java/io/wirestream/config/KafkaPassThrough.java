package io.wirestream.config;

import io.wirestream.registry.RegistryConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code kafka.*} keys that are not passed through as given, because they would undo a guarantee of wirestream's
 * or a setting it owns: a producer acknowledgement weaker than {@code acks=all}, and Kafka Streams'
 * {@code replication.factor}, which {@link Setting#REPLICATION_FACTOR} sets for every topic wirestream makes.
 */
final class KafkaPassThrough {

    /** The prefix of the keys passed through to Kafka's clients. */
    static final String PREFIX = "kafka.";
    /** Where Kafka Streams reads its producer's acknowledgement from: the plain key and its producer prefix. */
    private static final List<String> ACKS_KEYS = List.of("acks", "producer.acks");
    private static final String REPLICATION_FACTOR = "replication.factor";

    private KafkaPassThrough() {
    }

    /**
     * Puts a pass-through key where it goes, without its prefix for Kafka, as given for the registry; false for a
     * key that is neither.
     */
    static boolean sortInto(String key, String value, Map<String, String> kafka, Map<String, String> registry) {
        if (key.startsWith(PREFIX) && key.length() > PREFIX.length()) {
            kafka.put(key.substring(PREFIX.length()), value);
            return true;
        }
        if (RegistryConfig.isRegistryKey(key)) {
            registry.put(key, value);
            return true;
        }
        return false;
    }

    /** Refuses what the {@code kafka.*} settings (without their prefix) may not say, naming the key and why. */
    static void check(Map<String, String> kafka) {
        for (String key : ACKS_KEYS) {
            String value = kafka.get(key);
            if (value != null && !isAll(value)) {
                throw new IllegalArgumentException("kafka." + key + "=" + value + " is refused: with it a routed "
                        + "dispatch counts as written as soon as the partition leader has it (or before), so a broker "
                        + "lost at that moment loses it for good, and exactly-once cannot run at all. Remove the key: "
                        + "wirestream's producers use acks=all.");
            }
        }
        if (kafka.containsKey(REPLICATION_FACTOR)) {
            throw new IllegalArgumentException("kafka." + REPLICATION_FACTOR + " is refused: set "
                    + Setting.REPLICATION_FACTOR.key() + " (" + Setting.REPLICATION_FACTOR.envName()
                    + ", --replication-factor) instead; it applies to the topics wirestream creates and to Kafka "
                    + "Streams' internal topics alike.");
        }
    }

    /** {@code all}, or its other spelling {@code -1}. */
    private static boolean isAll(String acks) {
        String value = acks.strip().toLowerCase(Locale.ROOT);
        return value.equals("all") || value.equals("-1");
    }
}
