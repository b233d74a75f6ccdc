package io.wirestream.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records in the Confluent wire format: a zero byte, the schema's registry id (4 bytes, big-endian),
 * then the Avro binary. Settings under Confluent's names: {@code auto.register.schemas} (default true) registers
 * the record's schema; otherwise, with {@code use.latest.version} the subject's latest schema is the writer
 * schema, and without it the record's schema must already be registered. The subject follows
 * {@code value.subject.name.strategy} (or the key one). Ids are cached: the hot path makes no HTTP call.
 */
public final class AvroSerializer<T extends GenericContainer> implements Serializer<T> {

    public static final String AUTO_REGISTER = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    static final byte MAGIC = 0;

    private SchemaRegistryClient registry;
    private SubjectNameStrategy strategy;
    private boolean isKey;
    private boolean autoRegister = true;
    private boolean useLatest;
    /** Per topic, per record schema. */
    private final Map<String, Map<Schema, Writer>> writers = new ConcurrentHashMap<>();
    /** Each thread's buffer and encoder, reused from record to record; only the finished bytes are copied out. */
    private static final ThreadLocal<RecordOutput> OUTPUT = ThreadLocal.withInitial(RecordOutput::new);

    /** The id and writer for one subject and record schema. */
    private record Writer(int id, DatumWriter<Object> datumWriter) {
    }

    public AvroSerializer() {
    }

    /** For callers that bring their own client, e.g. the serde factory. */
    public AvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean key) {
        this.isKey = key;
        if (registry == null) {
            registry = SchemaRegistryClients.create(configs);
        }
        strategy = SubjectNameStrategy.parse(configs.get(key ? SubjectNameStrategy.KEY_CONFIG : SubjectNameStrategy.VALUE_CONFIG));
        autoRegister = flag(configs.get(AUTO_REGISTER), true);
        useLatest = flag(configs.get(USE_LATEST_VERSION), false);
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        Schema schema = record.getSchema();
        // Keyed by topic, not subject: the subject is worked out once per topic and schema, not per record.
        Writer writer = writers.computeIfAbsent(topic, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(schema, s -> writerFor(strategy.subject(topic, isKey, s), s));
        RecordOutput out = OUTPUT.get();
        try {
            out.reset();
            out.write(MAGIC);
            out.writeInt(writer.id());
            writer.datumWriter().write(record, out.encoder());
            out.encoder().flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + schema.getFullName() + " for topic " + topic, e);
        }
    }

    private Writer writerFor(String subject, Schema schema) {
        if (autoRegister) {
            return new Writer(registry.register(subject, schema), new SpecificDatumWriter<>(schema));
        }
        if (useLatest) {
            RegisteredSchema latest = registry.latest(subject);
            return new Writer(latest.id(), new ResolvingWriter(schema, latest.schema()));
        }
        return new Writer(registry.lookup(subject, schema).id(), new SpecificDatumWriter<>(schema));
    }

    /**
     * Writes a record as another schema's datum, by Avro's own resolution rules (fields matched by name, defaults
     * for missing ones): the record's schema is the writer, the subject's latest the reader.
     */
    private static final class ResolvingWriter implements DatumWriter<Object> {
        private final SpecificDatumWriter<Object> own;
        private final GenericDatumReader<Object> resolver;
        private final GenericDatumWriter<Object> target;

        ResolvingWriter(Schema recordSchema, Schema latest) {
            this.own = new SpecificDatumWriter<>(recordSchema);
            this.resolver = new GenericDatumReader<>(recordSchema, latest);
            this.target = new GenericDatumWriter<>(latest);
        }

        @Override
        public void setSchema(Schema schema) {
            throw new UnsupportedOperationException("fixed at construction");
        }

        @Override
        public void write(Object datum, Encoder out) throws IOException {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
            own.write(datum, encoder);
            encoder.flush();
            Object resolved = resolver.read(null,
                    DecoderFactory.get().binaryDecoder(buffer.toByteArray(), null));
            target.write(resolved, out);
        }
    }

    static boolean flag(Object value, boolean otherwise) {
        return value == null ? otherwise : Boolean.parseBoolean(value.toString().strip());
    }
}
