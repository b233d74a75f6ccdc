package io.wirestream.registry;

import org.apache.avro.Schema;

/**
 * A schema as the registry knows it.
 *
 * @param id      the registry-wide id written into every message
 * @param subject the subject it is registered under, when known
 * @param version its version under that subject, or 0 when unknown
 * @param schema  the Avro schema
 */
public record RegisteredSchema(int id, String subject, int version, Schema schema) {
}
