package io.wirestream.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format. With a target class, records are read into it (the class's schema is the
 * reader schema, the registered one the writer schema, so older and newer writers both read); without one,
 * into {@code GenericRecord}s by the writer schema. Writer schemas are fetched by id once and cached.
 */
public final class AvroDeserializer<T> implements Deserializer<T> {

    private final Class<? extends SpecificRecord> target;
    private SchemaRegistryClient registry;
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    /** Reads into {@code target}, or into generic records when it is null. */
    public AvroDeserializer(Class<? extends SpecificRecord> target) {
        this.target = target;
    }

    public AvroDeserializer(Class<? extends SpecificRecord> target, SchemaRegistryClient registry) {
        this.target = target;
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            registry = SchemaRegistryClients.create(configs);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < 5 || data[0] != AvroSerializer.MAGIC) {
            throw new SerializationException("not in the Confluent wire format (magic byte 0 and a schema id) on topic "
                    + topic);
        }
        int id = ByteBuffer.wrap(data, 1, 4).getInt();
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, 5, data.length - 5, null);
            return (T) readers.computeIfAbsent(id, this::readerFor).read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read a record with schema id " + id + " from topic " + topic
                    + ": " + e.getMessage(), e);
        }
    }

    private DatumReader<Object> readerFor(int id) {
        Schema writer = registry.getById(id);
        if (target == null) {
            return new GenericDatumReader<>(writer);
        }
        return new SpecificDatumReader<>(writer, SpecificData.get().getSchema(target));
    }
}
