package io.wirestream.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The calls of the Confluent Schema Registry REST API that the Avro serde needs. Implemented over HTTP for
 * Confluent Schema Registry and compatible registries (Redpanda, Karapace, Apicurio's ccompat API), and in
 * memory for {@code mock://} URLs.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (or finds it registered) and returns its id. */
    int register(String subject, Schema schema);

    /** The schema with this id. */
    Schema getById(int id);

    /** The id and version of {@code schema} under {@code subject}; 404 when it is not registered there. */
    RegisteredSchema lookup(String subject, Schema schema);

    /** The latest version registered under {@code subject}. */
    RegisteredSchema latest(String subject);

    /**
     * Whether {@code schema} may be registered under {@code subject} by its compatibility rule; a subject with no
     * versions accepts anything.
     */
    CompatibilityResult testCompatibility(String subject, Schema schema);

    /** Fails with a clear message when the registry does not answer (after the usual retries); for start-up. */
    default void checkReachable() {
    }

    /** Sets the compatibility level of a subject, or the registry's default when {@code subject} is null. */
    void setCompatibility(String subject, String level);

    /** The answer of a compatibility check, with the registry's reasons when it says no. */
    record CompatibilityResult(boolean compatible, List<String> messages) {
    }
}
