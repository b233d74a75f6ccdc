package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.wirestream.classify.RoutingRecords;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RulesLoader;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.registry.AvroDeserializer;
import io.wirestream.registry.AvroSerializer;
import io.wirestream.registry.RegistryConfig;
import io.wirestream.registry.SchemaRegistryClient;
import io.wirestream.registry.SchemaRegistryClients;
import io.wirestream.registry.SchemaRegistryException;
import io.wirestream.schema.Dispatch;
import io.wirestream.testing.RealServices;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against the real Apicurio registry: consumers we did not write read our output, and the Dispatch schema
 * evolves only compatibly.
 */
class RegistryCompatibilityIT {

    private static RealServices services;
    private static Map<String, String> registryConfig;

    @BeforeAll
    static void start() throws Exception {
        services = RealServices.start();
        registryConfig = Map.of(RegistryConfig.URL, services.registryUrl());
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void shouldBeReadByApicuriosOwnDeserializer() {
        SchemaRegistryClient registry = SchemaRegistryClients.create(registryConfig);
        // A decoy first, so that the registry's content ids and global ids differ and a wrong id mode shows.
        registry.register("decoy-value", SchemaBuilder.record("Decoy").fields().requiredString("x").endRecord());
        AvroSerializer<Dispatch> serializer = new AvroSerializer<>();
        serializer.configure(registryConfig, false);
        Dispatch dispatch = routedDispatch();
        byte[] bytes = serializer.serialize("alliance", dispatch);

        try (AvroKafkaDeserializer<Object> theirs = new AvroKafkaDeserializer<>()) {
            theirs.configure(Map.of(
                    "apicurio.registry.url", services.registryUrl().replace("/apis/ccompat/v7", "/apis/registry/v3"),
                    "apicurio.registry.use-id", "contentId",
                    "apicurio.registry.id-handler", "io.apicurio.registry.serde.Default4ByteIdHandler",
                    "apicurio.registry.headers.enabled", "false"), false);
            GenericRecord read = (GenericRecord) theirs.deserialize("alliance", bytes);
            assertThat(read.get("headline")).hasToString(dispatch.getHeadline());
            assertThat(read.get("storyKey")).hasToString(dispatch.getStoryKey());
            assertThat(((GenericRecord) read.get("routing")).get("subjects").toString()).contains("alliance");
        }
    }

    @Test
    void shouldAcceptAnAddedOptionalFieldAndLetOldReadersReadNewRecords() {
        SchemaRegistryClient registry = SchemaRegistryClients.create(registryConfig);
        String subject = "evolution-value";
        int v1 = registry.register(subject, Dispatch.getClassSchema());
        Schema v2 = new Schema.Parser().parse(Dispatch.getClassSchema().toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"desk\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Editing desk.\"},"));
        assertThat(registry.testCompatibility(subject, v2).compatible()).isTrue();
        int v2Id = registry.register(subject, v2);
        assertThat(v2Id).isNotEqualTo(v1);

        // A record written with the new schema (as a producer on the latest version does), read by today's
        // Dispatch class: the old reader.
        AvroSerializer<Dispatch> newWriter = new AvroSerializer<>();
        newWriter.configure(Map.of(RegistryConfig.URL, services.registryUrl(), AvroSerializer.AUTO_REGISTER, "false",
                AvroSerializer.USE_LATEST_VERSION, "true"), false);
        Dispatch dispatch = routedDispatch();
        byte[] bytes = newWriter.serialize("evolution", dispatch);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(v2Id);
        AvroDeserializer<Dispatch> oldReader = new AvroDeserializer<>(Dispatch.class);
        oldReader.configure(registryConfig, false);
        assertThat(oldReader.deserialize("evolution", bytes)).isEqualTo(dispatch);
    }

    @Test
    void shouldRefuseAnIncompatibleChangeWithAClearError() {
        SchemaRegistryClient registry = SchemaRegistryClients.create(registryConfig);
        String subject = "incompatible-value";
        registry.register(subject, Dispatch.getClassSchema());
        Schema required = new Schema.Parser().parse(Dispatch.getClassSchema().toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"desk\",\"type\":\"string\",\"doc\":\"Required, no default.\"},"));
        assertThat(registry.testCompatibility(subject, required).compatible()).isFalse();
        assertThatThrownBy(() -> registry.register(subject, required))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("409")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(409));
    }

    private static Dispatch routedDispatch() {
        String text = "S. Korea, U.S. hold combined drills\nSEOUL, March 10 (Yonhap) -- South Korea and the United "
                + "States began their combined Freedom Shield exercise on Monday, the Joint Chiefs of Staff said.\n(END)";
        ParseResult result = new DispatchParser().parse(RawDispatch.of(text.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2025-03-10T01:00:00Z")));
        Dispatch dispatch = ((ParseResult.Parsed) result).dispatch();
        RuleClassifier classifier = new RuleClassifier(RulesLoader.loadDefault());
        dispatch.setRouting(RoutingRecords.toAvro(classifier.classify(dispatch), classifier.ruleSet()));
        return dispatch;
    }
}
