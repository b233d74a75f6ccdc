package io.wirestream.registry;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The one place Avro serdes are made: configured once from the registry settings, sharing one client. */
public final class AvroSerdes {

    private final SchemaRegistryClient registry;
    private final Map<String, ?> configs;

    public AvroSerdes(Map<String, ?> configs) {
        this.configs = Map.copyOf(configs);
        this.registry = SchemaRegistryClients.create(configs);
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    /** A value serde for {@code type}. */
    public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
        AvroSerializer<T> serializer = new AvroSerializer<>(registry);
        serializer.configure(configs, false);
        AvroDeserializer<T> deserializer = new AvroDeserializer<>(type, registry);
        deserializer.configure(configs, false);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
