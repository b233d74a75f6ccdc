package io.wirestream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schema.Dispatch;
import io.wirestream.schema.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** The parser's records are valid Avro and survive a binary round trip; the schema documents itself. */
class DispatchAvroTest {

    @Test
    void shouldRoundTripAParsedDispatchThroughAvroBinary() throws IOException {
        String text = "(2nd LD) (Asiad) S. Korea wins gold\n(ATTN: ADDS quote)\nBy Yoo Jee-ho and Kim Boram\n"
                + "HANGZHOU, China, Oct. 8 (Yonhap) -- South Korea won gold on Sunday.\njeeho@yna.co.kr\n(END)\n-\nOther story";
        ParseResult result = new DispatchParser().parse(new RawDispatch(text.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2023-10-08T10:00:00Z"), new Source("raw-feed", 0, 7L)));
        Dispatch original = ((ParseResult.Parsed) result).dispatch();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(Dispatch.class).write(original, encoder);
        encoder.flush();
        Dispatch copy = new SpecificDatumReader<>(Dispatch.class)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));

        assertThat(copy).isEqualTo(original);
        assertThat(copy.getDateline().getCountry()).isEqualTo("China");
        assertThat(copy.getDateline().getDate()).hasToString("2023-10-08");
    }

    @Test
    void shouldDocumentEveryField() {
        assertDocumented(Dispatch.getClassSchema());
    }

    private static void assertDocumented(Schema record) {
        assertThat(record.getDoc()).as(record.getFullName()).isNotBlank();
        for (Schema.Field field : record.getFields()) {
            assertThat(field.doc()).as(record.getName() + "." + field.name()).isNotBlank();
            Schema type = field.schema();
            for (Schema branch : type.isUnion() ? type.getTypes() : java.util.List.of(type)) {
                if (branch.getType() == Schema.Type.RECORD) {
                    assertDocumented(branch);
                }
            }
        }
    }
}
