package io.wirestream.classify;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads a {@link TextModel} file's tab-separated lines, counting them for messages and bounding what it unpacks:
 * a damaged or hostile file fails with the line it failed on, never with an exception from deep inside.
 */
final class ModelFileReader {

    /** The longest line a model file may have: a piece and its numbers take well under 1 KB. */
    private static final int MAX_LINE = 64 * 1024;

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final String source;
    private int lineNumber;

    ModelFileReader(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The unpacked bytes of a gzipped file, cut off with an error past {@code maxBytes}. */
    static InputStream open(byte[] gzipped, long maxBytes) throws IOException {
        return new BufferedInputStream(new Bounded(new GZIPInputStream(new ByteArrayInputStream(gzipped)), maxBytes));
    }

    /** Fails once more than a given number of bytes have been read through it. */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long left;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
            this.left = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            left -= n;
            if (left < 0) {
                throw new IOException("it unpacks to more than " + max + " bytes");
            }
        }
    }

    /**
     * The next line, which must start with {@code name} and have {@code values} fields after it (any number when
     * negative), the first of them {@code first} when that is not null.
     */
    String[] expect(String name, int values, String first) throws IOException {
        String[] fields = line(-1);
        if (!fields[0].equals(name)) {
            throw problem("expected '" + name + "', found '" + fields[0] + "'");
        }
        if (values < 0 ? fields.length < 2 : fields.length != values + 1) {
            throw problem("'" + name + "' needs " + (values < 0 ? "at least one value" : values + " value(s)")
                    + ", found " + (fields.length - 1));
        }
        if (first != null && !fields[1].equals(first)) {
            throw problem("'" + name + "' " + fields[1] + " is not " + first + ", the only version there is");
        }
        return fields;
    }

    /** The next line's fields: {@code count} of them, or any number when negative. */
    String[] line(int count) throws IOException {
        lineNumber++;
        String text = next();
        if (text == null) {
            throw problem("the file ends early");
        }
        String[] fields = text.split("\t", -1);
        if (count >= 0 && fields.length != count) {
            throw problem("expected " + count + " tab-separated fields, found " + fields.length);
        }
        return fields;
    }

    /** The fields from {@code from} on, as finite numbers. */
    double[] numbers(String[] fields, int from) throws IOException {
        double[] numbers = new double[fields.length - from];
        for (int i = from; i < fields.length; i++) {
            try {
                numbers[i - from] = Double.parseDouble(fields[i]);
            } catch (NumberFormatException e) {
                throw problem("'" + fields[i] + "' is not a number");
            }
            if (!Float.isFinite((float) numbers[i - from])) {
                throw problem("'" + fields[i] + "' is not a finite number a model can hold");
            }
        }
        return numbers;
    }

    /** The subject ids of a {@code subjects} line: at most {@code most}, none empty, none twice. */
    List<String> subjects(String[] fields, int most) throws IOException {
        List<String> subjects = List.of(fields).subList(1, fields.length);
        if (subjects.size() > most) {
            throw problem("a model scores at most " + most + " subjects, this one " + subjects.size());
        }
        Set<String> seen = new HashSet<>();
        for (String subject : subjects) {
            if (subject.isBlank() || !seen.add(subject)) {
                throw problem("subject ids must be non-empty and different: '" + subject + "'");
            }
        }
        return subjects;
    }

    int count(String field, int most) throws IOException {
        try {
            int count = Integer.parseInt(field);
            if (count >= 1 && count <= most) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw problem("expected a count from 1 to " + most + ", found '" + field + "'");
    }

    /**
     * The next line as strict UTF-8 (a byte that is not is an error, not a U+FFFD), without its end; null at the
     * end of the file.
     */
    private String next() throws IOException {
        line.reset();
        int b;
        try {
            while ((b = in.read()) >= 0 && b != '\n') {
                if (line.size() == MAX_LINE) {
                    throw problem("a line is longer than " + MAX_LINE + " bytes");
                }
                line.write(b);
            }
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(source) ? e
                    : problem("cannot be read: " + e.getMessage());
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        try {
            return utf8.decode(ByteBuffer.wrap(line.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw problem("is not UTF-8");
        }
    }

    void end() throws IOException {
        lineNumber++;
        if (next() != null) {
            throw problem("more lines than its 'pieces' line says");
        }
    }

    IOException problem(String message) {
        return new IOException(source + " line " + lineNumber + ": " + message);
    }
}
