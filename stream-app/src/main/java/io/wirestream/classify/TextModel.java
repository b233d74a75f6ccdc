package io.wirestream.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * A classifier learned from labelled dispatches of one language: per subject, a logistic regression over the
 * dispatch's {@link CharGrams pieces}, each weighed as TF-IDF (a piece's count dampened by its logarithm, times
 * how rare it was in training), the whole scaled to length 1. It gives each subject log-odds: above 0 the model
 * thinks the dispatch belongs. A rules file adds them to a subject's score, times the subject's
 * {@code model_weight} (docs/classification.md, "The learned Korean model"). Immutable; read a dispatch with a
 * {@link ModelReading}, one per thread.
 *
 * <p>The file is gzipped UTF-8 text: a header of {@code wirestream-model 1}, {@code language}, {@code subjects},
 * {@code bias} and {@code pieces} lines, then a line per piece with its idf and a weight per subject, all
 * tab-separated. {@code wirestream rules train} writes it.
 */
public final class TextModel {

    /**
     * The most subjects a model may score, numbers (an idf and a weight per subject, per piece) it may hold, and
     * bytes it may unpack to: a file's header cannot ask for more memory than that before its lines are read.
     */
    static final int MAX_SUBJECTS = 64;
    static final int MAX_NUMBERS = 16_000_000;
    static final long MAX_CHARS = 256L << 20;
    private static final String MAGIC = "wirestream-model";

    private final String language;
    private final List<String> subjects;
    final double[] bias;
    final PieceIndex index;
    /** Per piece, by its slot in the index: its idf, then its weight for each subject, side by side. */
    final float[] data;
    final int stride;

    private final String source;

    private TextModel(String language, List<String> subjects, double[] bias, PieceIndex index, float[] data,
            String source) {
        this.language = language;
        this.source = source;
        this.subjects = List.copyOf(subjects);
        this.bias = bias.clone();
        this.index = index;
        this.data = data;
        this.stride = subjects.size() + 1;
    }

    /** Gathers a model's pieces, one at a time, in any order, then gives the model once. */
    static final class Builder {
        private final String language;
        private final List<String> subjects;
        private final PieceIndex index;
        private final float[] data;
        private final String source;
        private boolean built;

        Builder(String language, List<String> subjects, int pieces, String source) {
            this.language = language;
            this.subjects = List.copyOf(subjects);
            this.index = new PieceIndex(pieces);
            this.data = new float[Math.multiplyExact(index.slots(), subjects.size() + 1)];
            this.source = source;
        }

        /** Adds a piece with its idf and a weight per subject; false when it was added already. */
        boolean add(long key, double idf, double[] weights) {
            if (built) {
                throw new IllegalStateException("the model is built already");
            }
            int slot = index.add(key);
            if (slot < 0) {
                return false;
            }
            int at = slot * (subjects.size() + 1);
            data[at] = (float) idf;
            for (int s = 0; s < subjects.size(); s++) {
                data[at + 1 + s] = (float) weights[s];
            }
            return true;
        }

        TextModel build(double[] bias) {
            built = true;
            return new TextModel(language, subjects, bias, index, data, source);
        }
    }

    /** The language code of the dispatches it was trained on, e.g. {@code ko}. */
    public String language() {
        return language;
    }

    /** The subject ids it scores, in its file's order. */
    public List<String> subjects() {
        return subjects;
    }

    public int pieces() {
        return index.size();
    }

    /** Where it was read from ({@code bundled /rules/korean-model.tsv.gz}, a path), or how it was made. */
    public String source() {
        return source;
    }

    /** A new reading for one thread's dispatches, one at a time. */
    public ModelReading reading() {
        return new ModelReading(this);
    }

    /**
     * Reads a model file; {@code source} names it in messages and says where the model came from. A damaged or
     * hostile file fails with an {@link IOException} that names the line, before it can take much memory.
     */
    public static TextModel read(byte[] gzipped, String source) throws IOException {
        try (InputStream in = ModelFileReader.open(gzipped, MAX_CHARS)) {
            ModelFileReader reader = new ModelFileReader(in, source);
            reader.expect(MAGIC, 1, "1");
            String language = reader.expect("language", 1, null)[1];
            List<String> subjects = reader.subjects(reader.expect("subjects", -1, null), MAX_SUBJECTS);
            double[] bias = reader.numbers(reader.expect("bias", subjects.size(), null), 1);
            int count = reader.count(reader.expect("pieces", 1, null)[1], MAX_NUMBERS / (subjects.size() + 1));
            Builder builder = new Builder(language, subjects, count, source);
            for (int p = 0; p < count; p++) {
                String[] fields = reader.line(2 + subjects.size());
                double[] numbers = reader.numbers(fields, 1);
                if (numbers[0] <= 0) {
                    throw reader.problem("an idf is above 0, not " + fields[1]);
                }
                boolean added;
                try {
                    added = builder.add(CharGrams.key(fields[0]), numbers[0], Arrays.copyOfRange(numbers, 1,
                            numbers.length));
                } catch (IllegalArgumentException e) {
                    throw reader.problem(e.getMessage());
                }
                if (!added) {
                    throw reader.problem("the piece '" + fields[0] + "' comes twice");
                }
            }
            reader.end();
            return builder.build(bias);
        }
    }

    /** Writes the model file, gzipped. */
    public void write(OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        Writer writer = new OutputStreamWriter(gzip, StandardCharsets.UTF_8);
        writer.write(MAGIC + "\t1\nlanguage\t" + language + "\nsubjects\t" + String.join("\t", subjects) + "\nbias");
        for (double b : bias) {
            writer.write("\t" + number(b));
        }
        writer.write("\npieces\t" + index.size() + "\n");
        long[] keys = new long[index.size()];
        int count = 0;
        for (int slot = 0; slot < index.slots(); slot++) {
            if (index.keyAt(slot) != 0) {
                keys[count++] = index.keyAt(slot);
            }
        }
        // In the order of their keys, so that a model's file does not depend on how its pieces were gathered.
        Arrays.sort(keys);
        for (long key : keys) {
            int at = index.slot(key) * stride;
            StringBuilder line = new StringBuilder(CharGrams.piece(key)).append('\t').append(number(data[at]));
            for (int s = 1; s < stride; s++) {
                line.append('\t').append(number(data[at + s]));
            }
            writer.write(line.append('\n').toString());
        }
        writer.flush();
        gzip.finish();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
