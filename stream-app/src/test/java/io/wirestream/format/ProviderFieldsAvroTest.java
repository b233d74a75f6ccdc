package io.wirestream.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.dispatch.RawDispatch;
import io.wirestream.schema.Dispatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** The fields the formats add survive Avro, and the schema with them still reads and is read by the first one. */
class ProviderFieldsAvroTest {

    private static final Instant RECEIVED = Instant.parse("2024-02-28T03:01:00Z");

    @Test
    void shouldRoundTripEveryProviderFieldThroughAvroBinary() throws IOException {
        // Given a NewsML-G2 item with a guid, a version, an embargo, an urgency, subjects and a genre
        Dispatch original = new FormatParser().parseAll(RawDispatch.of(
                Fixtures.bytes("newsml-g2/08-interview-genre-subjects.xml"), RECEIVED), null).dispatches().get(0);
        original.setEmbargoedUntil(Instant.parse("2024-02-28T03:00:00Z"));
        original.setUrgency(4);
        original.setGenre("analysis");

        // When written and read back
        Dispatch copy = new SpecificDatumReader<>(Dispatch.class).read(null,
                DecoderFactory.get().binaryDecoder(write(new SpecificDatumWriter<>(Dispatch.class), original), null));

        // Then nothing is lost
        assertThat(copy).isEqualTo(original);
        assertThat(copy.getProviderSubjects()).hasSize(2);
        assertThat(copy.getEmbargoedUntil()).isEqualTo(Instant.parse("2024-02-28T03:00:00Z"));
        assertThat(copy.getUrgency()).isEqualTo(4);
    }

    @Test
    void shouldReadARecordOfTheFirstSchemaAsYonhapTextUsableWithoutSubjects() throws IOException {
        // Given a record written with the first schema, which has none of the new fields
        Schema first = firstSchema();
        Dispatch parsed = new FormatParser().parseAll(RawDispatch.of("Headline\nSEOUL -- Text.\n(END)"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), RECEIVED), null).dispatches().get(0);
        GenericRecord old = new GenericDatumReader<GenericRecord>(Dispatch.getClassSchema(), first).read(null,
                DecoderFactory.get().binaryDecoder(write(new SpecificDatumWriter<>(Dispatch.class), parsed), null));
        byte[] oldBytes = write(new GenericDatumWriter<>(first, GenericData.get()), old);

        // When today's reader reads it
        SpecificDatumReader<Dispatch> reader = new SpecificDatumReader<>(Dispatch.class);
        reader.setSchema(first);
        reader.setExpected(Dispatch.getClassSchema());
        Dispatch read = reader.read(null, DecoderFactory.get().binaryDecoder(oldBytes, null));

        // Then the new fields have their defaults: what every record before formats was (no subjects: null)
        assertThat(read.getHeadline()).isEqualTo("Headline");
        assertThat(read.getFormat()).isEqualTo("yonhap-text");
        assertThat(read.getPubStatus()).isEqualTo("usable");
        assertThat(read.getProviderSubjects()).isNull();
        assertThat(read.getGuid()).isNull();
        assertThat(read.getUrgency()).isNull();
    }

    @Test
    void shouldStayCompatibleWithTheFirstSchemaBothWays() throws IOException {
        Schema first = firstSchema();

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(Dispatch.getClassSchema(), first).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(first, Dispatch.getClassSchema()).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    private static <T> byte[] write(DatumWriter<T> writer, T record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        writer.write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Schema firstSchema() throws IOException {
        try (InputStream in = ProviderFieldsAvroTest.class.getResourceAsStream("/schemas/dispatch-v1.avsc")) {
            return new Schema.Parser().parse(in);
        }
    }
}
