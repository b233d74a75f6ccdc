package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class TextModelTest {

    private static final String HEADER = "wirestream-model\t1\nlanguage\tko\nsubjects\tnorth-korea\nbias\t-0.5\n";

    @Test
    void shouldReadBackTheModelItWrote() throws IOException {
        // Given a learned model, written to bytes
        TextModel model = ModelTrainer.train("ko", List.of("defense-cost", "north-korea"), ModelTrainerTest.examples(),
                30, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);

        // When read back
        TextModel read = TextModel.read(out.toByteArray(), "test");

        // Then it scores a dispatch as the original did, to the precision the file keeps
        List<String> paragraphs = List.of("북한이 탄도미사일을 발사했다.");
        for (int s = 0; s < 2; s++) {
            assertThat(read.reading().read("북한 미사일", paragraphs).logOdds(s))
                    .isCloseTo(model.reading().read("북한 미사일", paragraphs).logOdds(s), Offset.offset(1e-4));
        }
        assertThat(read.pieces()).isEqualTo(model.pieces());
        assertThat(read.subjects()).isEqualTo(model.subjects());
    }

    @Test
    void shouldScoreByTheWeightsOfThePiecesADispatchHas() throws IOException {
        // Given a model that knows two pieces, one for the subject and one against
        TextModel model = TextModel.read(gzip(HEADER + "pieces\t2\n북한\t1.0\t2.0\n축제\t1.0\t-1.0\n"), "test");

        // When it reads a dispatch with the first piece alone, then with both
        double north = model.reading().read("북한", List.of()).logOdds(0);
        double both = model.reading().read("북한 축제", List.of()).logOdds(0);

        // Then the first scores bias + weight (its only known piece, scaled to length 1), the second less
        assertThat(north).isCloseTo(1.5, Offset.offset(1e-9));
        assertThat(both).isCloseTo(-0.5 + (2.0 - 1.0) / Math.sqrt(2), Offset.offset(1e-9));
        assertThat(model.reading().read("북한 축제", List.of()).words(0, -1, 5)).containsExactly("축제");
    }

    @Test
    void shouldSayOnWhichLineAFileIsDamaged() {
        assertProblem("not a model\n", "line 1: expected 'wirestream-model");
        assertProblem(HEADER + "pieces\t2\n북한\t1.0\t2.0\n", "line 7: the file ends early");
        assertProblem(HEADER + "pieces\t1\n북한\t1.0\tlots\n", "line 6: 'lots' is not a number");
        assertProblem(HEADER + "pieces\t1\n북한\t1.0\tNaN\n", "line 6: 'NaN' is not a finite number");
        assertProblem(HEADER + "pieces\t2\n북한\t1.0\t2.0\n북한\t1.0\t2.0\n", "line 7: the piece '북한' comes twice");
        assertProblem(HEADER + "pieces\t1\n북\t1.0\t2.0\n", "line 6: a piece has 2 to 4 characters");
        assertProblem(HEADER + "pieces\t1\n북한\t1.0\n", "line 6: expected 3 tab-separated fields");
        assertProblem(HEADER + "pieces\t1\n북한\t1.0\t2.0\nmore\n", "more lines than its 'pieces' line says");
        assertProblem(HEADER + "pieces\t99999999\n", "expected a count from 1 to 8000000");
        assertProblem(HEADER + "pieces\t1\n\u0000\u0000\t1.0\t2.0\n", "line 6: no piece holds the character U+0000");
        assertProblem(HEADER + "pieces\t1\n북한\t1.0\t1e300\n", "line 6: '1e300' is not a finite number a model");
        assertProblem(HEADER + "pieces\t1\n북한\t0\t2.0\n", "line 6: an idf is above 0, not 0");
        assertProblem(HEADER.replace("subjects\tnorth-korea", "subjects\tnorth-korea\tnorth-korea")
                .replace("bias\t-0.5", "bias\t-0.5\t-0.5"), "line 3: subject ids must be non-empty and different");
        assertProblem(HEADER.replace("subjects\tnorth-korea", "subjects" + "\ts".repeat(65)),
                "line 3: a model scores at most 64 subjects, this one 65");
    }

    @Test
    void shouldRefuseMalformedUtf8AndStopUnpackingPastTheLimit() throws IOException {
        // Given a model file with a byte that is no UTF-8, and a stream of one endless line
        byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.write(header);
        bad.write(new byte[] {'p', 'i', 'e', 'c', 'e', 's', '\t', '1', '\n', (byte) 0xC3, 0x28, '\t', '1', '\n'});
        byte[] endless = gzip("a".repeat(100_000));

        // When read
        // Then the first names its line, and the second stops at the limit rather than filling memory
        assertThatThrownBy(() -> TextModel.read(gzipBytes(bad.toByteArray()), "bad.tsv.gz"))
                .isInstanceOf(IOException.class).hasMessageContaining("bad.tsv.gz line 6: is not UTF-8");
        assertThatThrownBy(() -> ModelFileReader.open(endless, 1_000).readAllBytes()).isInstanceOf(IOException.class)
                .hasMessageContaining("more than 1000 bytes");
        assertThatThrownBy(() -> TextModel.read(endless, "long.tsv.gz")).isInstanceOf(IOException.class)
                .hasMessageContaining("long.tsv.gz line 1: a line is longer than 65536 bytes");
    }

    @Test
    void shouldRefuseBytesThatAreNotGzip() {
        assertThatThrownBy(() -> TextModel.read("plain".getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOf(IOException.class);
    }

    private static void assertProblem(String file, String message) {
        assertThatThrownBy(() -> TextModel.read(gzip(file), "bad.tsv.gz")).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.tsv.gz").hasMessageContaining(message);
    }

    static byte[] gzip(String text) throws IOException {
        return gzipBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gzipBytes(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
