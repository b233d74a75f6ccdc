package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schema.Dispatch;
import io.wirestream.schema.Routing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** The routing decision travels in the Dispatch record, and the schema stays compatible both ways. */
class RoutingRecordsTest {

    @Test
    void shouldRecordSubjectsScoresRulesAndWords() {
        RuleSet rules = RulesLoader.loadDefault();
        Dispatch dispatch = RuleClassifierTest.dispatch("""
                S. Korea, U.S. begin talks on sharing USFK costs
                SEOUL, Nov. 20 (Yonhap) -- South Korea and the United States began talks on a new Special Measures Agreement on the cost of stationing U.S. troops, officials said.
                (END)
                """);
        Routing routing = RoutingRecords.toAvro(new RuleClassifier(rules).classify(dispatch), rules);
        assertThat(routing.getSubjects()).containsExactly("alliance", "defense-cost");
        assertThat(routing.getRulesDigest()).isEqualTo(rules.digest());
        assertThat(routing.getScores()).extracting(io.wirestream.schema.SubjectScore::getSubject)
                .containsExactly("alliance", "defense-cost");
        assertThat(routing.getScores().get(1).getTerms()).contains("Special Measures Agreement");
        assertThat(routing.getScores().get(1).getScore()).isGreaterThanOrEqualTo(routing.getScores().get(1).getThreshold());
    }

    @Test
    void shouldStayCompatibleWithTheFirstDispatchSchemaInBothDirections() throws IOException {
        Schema v1 = previousSchema();
        Schema current = Dispatch.getClassSchema();
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, v1).getType())
                .as("new readers read old records").isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(v1, current).getType())
                .as("old readers read new records").isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void shouldLetAnOldReaderReadARoutedRecord() throws IOException {
        RuleSet rules = RulesLoader.loadDefault();
        Dispatch dispatch = RuleClassifierTest.dispatch("N. Korea fires missile\nSEOUL -- North Korea fired a ballistic missile.\n(END)");
        dispatch.setRouting(RoutingRecords.toAvro(new RuleClassifier(rules).classify(dispatch), rules));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(Dispatch.class).write(dispatch, encoder);
        encoder.flush();

        GenericRecord old = new GenericDatumReader<GenericRecord>(Dispatch.getClassSchema(), previousSchema())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        assertThat(old.get("headline")).hasToString("N. Korea fires missile");
        assertThat(old.getSchema().getField("routing")).isNull();
    }

    private static Schema previousSchema() throws IOException {
        try (InputStream in = RoutingRecordsTest.class.getResourceAsStream("/schemas/dispatch-v1.avsc")) {
            return new Schema.Parser().parse(in);
        }
    }
}
