package io.wirestream.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A schema registry in memory, for tests and {@code TopologyTestDriver}: {@code mock://scope} URLs, as
 * Confluent's serdes accept, share one registry per scope. It keeps Confluent's semantics that matter here:
 * one id per distinct schema, versions per subject, and compatibility checks (default BACKWARD).
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final Map<Schema, Integer> ids = new HashMap<>();
    private final List<Schema> schemas = new ArrayList<>();
    private final Map<String, List<Integer>> subjects = new HashMap<>();
    private final Map<String, String> compatibility = new HashMap<>();
    private String defaultCompatibility = "BACKWARD";

    /** The registry of a {@code mock://} scope, created on first use. */
    public static InMemorySchemaRegistry scope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
    }

    /** Forgets a scope, so that the next test starts empty. */
    public static void drop(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        Integer existing = ids.get(schema);
        if (existing != null && versions.contains(existing)) {
            return existing;
        }
        CompatibilityResult check = testCompatibility(subject, schema);
        if (!check.compatible()) {
            throw new SchemaRegistryException(409, SchemaRegistryException.INCOMPATIBLE,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject + "\": "
                            + check.messages());
        }
        int id = ids.computeIfAbsent(schema, s -> {
            schemas.add(s);
            return schemas.size();
        });
        versions.add(id);
        return id;
    }

    @Override
    public synchronized Schema getById(int id) {
        if (id < 1 || id > schemas.size()) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schemas.get(id - 1);
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, Schema schema) {
        List<Integer> versions = versions(subject);
        Integer id = ids.get(schema);
        int index = id == null ? -1 : versions.indexOf(id);
        if (index < 0) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND,
                    "Schema not found under subject " + subject);
        }
        return new RegisteredSchema(id, subject, index + 1, schema);
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<Integer> versions = versions(subject);
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(id, subject, versions.size(), getById(id));
    }

    @Override
    public synchronized CompatibilityResult testCompatibility(String subject, Schema schema) {
        List<Integer> versions = subjects.getOrDefault(subject, List.of());
        if (versions.isEmpty()) {
            return new CompatibilityResult(true, List.of());
        }
        String level = compatibility.getOrDefault(subject, defaultCompatibility).toUpperCase(Locale.ROOT);
        List<Integer> against = level.endsWith("_TRANSITIVE") ? versions : List.of(versions.get(versions.size() - 1));
        List<String> messages = new ArrayList<>();
        for (int id : against) {
            Schema old = getById(id);
            if (level.startsWith("BACKWARD") || level.startsWith("FULL")) {
                check(schema, old, messages);
            }
            if (level.startsWith("FORWARD") || level.startsWith("FULL")) {
                check(old, schema, messages);
            }
        }
        return new CompatibilityResult(messages.isEmpty(), messages);
    }

    private static void check(Schema reader, Schema writer, List<String> messages) {
        SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            messages.add(result.getDescription());
        }
    }

    @Override
    public synchronized void setCompatibility(String subject, String level) {
        if (subject == null) {
            defaultCompatibility = level;
        } else {
            compatibility.put(subject, level);
        }
    }

    private List<Integer> versions(String subject) {
        List<Integer> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_NOT_FOUND,
                    "Subject '" + subject + "' not found.");
        }
        return versions;
    }
}
