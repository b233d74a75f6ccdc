package io.wirestream.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.schema.Dispatch;
import io.wirestream.schema.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Avro serde against the in-memory registry: wire format, subjects, registration modes, evolution. */
class AvroSerdeTest {

    private static final String SCOPE = "avro-serde-test";

    @AfterEach
    void forgetRegistry() {
        InMemorySchemaRegistry.drop(SCOPE);
    }

    @Test
    void shouldWriteTheConfluentWireFormatAndReadItBack() {
        AvroSerializer<Dispatch> serializer = serializer(Map.of());
        byte[] bytes = serializer.serialize("alliance", dispatch());

        assertThat(bytes[0]).isZero();
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope(SCOPE);
        assertThat(registry.latest("alliance-value").id()).isEqualTo(id);
        assertThat(registry.getById(id)).isEqualTo(Dispatch.getClassSchema());

        Dispatch copy = AvroSerdeTest.<Dispatch>deserializer(Dispatch.class).deserialize("alliance", bytes);
        assertThat(copy).isEqualTo(dispatch());
        GenericRecord generic = AvroSerdeTest.<GenericRecord>deserializer(null).deserialize("alliance", bytes);
        assertThat(generic.get("headline")).hasToString("Allies hold drills");
    }

    @Property(tries = 300)
    void shouldWriteTheBytesAvrosOwnEncoderWrites(@ForAll @Size(max = 6) List<@StringLength(max = 400) String> texts)
            throws IOException {
        Dispatch dispatch = dispatch();
        dispatch.setParagraphs(texts);
        dispatch.setHeadline(texts.isEmpty() ? "" : texts.get(0));
        dispatch.setBylines(List.of("\uD55C\uAD6D \uD83D\uDE00 lone \uD800 end", "x".repeat(200),
                "\uD55C".repeat(17_000) + texts));
        byte[] bytes = serializer(Map.of()).serialize("alliance", dispatch);

        ByteArrayOutputStream avro = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(avro, null);
        new SpecificDatumWriter<Dispatch>(Dispatch.getClassSchema()).write(dispatch, encoder);
        encoder.flush();
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avro.toByteArray());
        InMemorySchemaRegistry.drop(SCOPE);
    }

    @Test
    void shouldTakeEverythingAfterMockSlashSlashAsTheScope() {
        Map<String, String> config = Map.of(RegistryConfig.URL, "mock://my_scope");
        assertThat(SchemaRegistryClients.create(config)).isSameAs(InMemorySchemaRegistry.scope("my_scope"));
        InMemorySchemaRegistry.drop("my_scope");
    }

    @Test
    void shouldNameSubjectsByRecordWhenAsked() {
        serializer(Map.of(SubjectNameStrategy.VALUE_CONFIG, "io.confluent.kafka.serializers.subject.RecordNameStrategy"))
                .serialize("alliance", dispatch());
        assertThat(InMemorySchemaRegistry.scope(SCOPE).latest("io.wirestream.schema.Dispatch").version()).isEqualTo(1);
    }

    @Test
    void shouldRefuseToWriteAnUnregisteredSchemaWithoutAutoRegistration() {
        AvroSerializer<Dispatch> serializer = serializer(Map.of(AvroSerializer.AUTO_REGISTER, "false"));
        assertThatThrownBy(() -> serializer.serialize("alliance", dispatch()))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isNotFound()).isTrue());

        int id = InMemorySchemaRegistry.scope(SCOPE).register("alliance-value", Dispatch.getClassSchema());
        assertThat(ByteBuffer.wrap(serializer.serialize("alliance", dispatch()), 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void shouldWriteWithTheLatestVersionWhenAsked() {
        InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope(SCOPE);
        int v1 = registry.register("alliance-value", Dispatch.getClassSchema());
        Schema v2 = withExtraField(Dispatch.getClassSchema());
        int latest = registry.register("alliance-value", v2);
        AvroSerializer<Dispatch> serializer = serializer(Map.of(AvroSerializer.AUTO_REGISTER, "false",
                AvroSerializer.USE_LATEST_VERSION, "true"));
        byte[] bytes = serializer.serialize("alliance", dispatch());
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latest).isNotEqualTo(v1);
        GenericRecord read = AvroSerdeTest.<GenericRecord>deserializer(null).deserialize("alliance", bytes);
        assertThat(read.get("editorDesk")).hasToString("none");
        assertThat(AvroSerdeTest.<Dispatch>deserializer(Dispatch.class).deserialize("alliance", bytes)).isEqualTo(dispatch());
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaWithAClearError() {
        InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope(SCOPE);
        registry.register("alliance-value", Dispatch.getClassSchema());
        Schema incompatible = SchemaBuilder.record("Dispatch").namespace("io.wirestream.schema").fields()
                .requiredString("contentId").requiredInt("mandatoryNewField").endRecord();
        assertThat(registry.testCompatibility("alliance-value", incompatible).compatible()).isFalse();
        assertThatThrownBy(() -> registry.register("alliance-value", incompatible))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("incompatible")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(409));
    }

    @Test
    void shouldSayWhatIsWrongWithBytesNotInTheWireFormat() {
        assertThatThrownBy(() -> AvroSerdeTest.<Dispatch>deserializer(Dispatch.class).deserialize("alliance", "plain text".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Confluent wire format");
    }

    private static Schema withExtraField(Schema schema) {
        Schema.Parser parser = new Schema.Parser();
        String json = schema.toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"editorDesk\",\"type\":\"string\",\"default\":\"none\",\"doc\":\"Desk.\"},");
        return parser.parse(json);
    }

    private static AvroSerializer<Dispatch> serializer(Map<String, String> extra) {
        Map<String, Object> configs = new HashMap<>(extra);
        configs.put(RegistryConfig.URL, "mock://" + SCOPE);
        AvroSerializer<Dispatch> serializer = new AvroSerializer<>();
        serializer.configure(configs, false);
        return serializer;
    }

    private static <T> AvroDeserializer<T> deserializer(Class<? extends org.apache.avro.specific.SpecificRecord> type) {
        AvroDeserializer<T> deserializer = new AvroDeserializer<>(type);
        deserializer.configure(Map.of(RegistryConfig.URL, "mock://" + SCOPE), false);
        return deserializer;
    }

    static Dispatch dispatch() {
        Dispatch d = new Dispatch();
        d.setContentId("c1");
        d.setStoryKey("k1");
        d.setVersion(0);
        d.setUrgent(false);
        d.setTags(List.of());
        d.setHeadline("Allies hold drills");
        d.setHeadlineRaw("Allies hold drills");
        d.setEditorNotes(List.of());
        d.setBylines(List.of("Kim Boram"));
        d.setParagraphs(List.of("The allies held drills."));
        d.setEmails(List.of());
        d.setEndSeen(true);
        d.setRelatedHeadlines(List.of());
        d.setLanguage("en");
        d.setFlags(List.of());
        d.setSource(new Source("raw-feed", 0, 1L));
        return d;
    }
}
