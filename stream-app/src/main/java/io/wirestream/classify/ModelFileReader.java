package io.wirestream.classify;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads a {@link TextModel} file's tab-separated lines, counting them for messages and bounding what it unpacks:
 * a damaged or hostile file fails with the line it failed on, never with an exception from deep inside.
 */
final class ModelFileReader {

    private final BufferedReader in;
    private final String source;
    private int lineNumber;
    private long chars;

    ModelFileReader(BufferedReader in, String source) {
        this.in = in;
        this.source = source;
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
        String line = in.readLine();
        lineNumber++;
        if (line == null) {
            throw problem("the file ends early");
        }
        chars += line.length() + 1;
        if (chars > TextModel.MAX_CHARS) {
            throw problem("the file unpacks to more than " + (TextModel.MAX_CHARS >> 20) + " MiB");
        }
        String[] fields = line.split("\t", -1);
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
            if (!Double.isFinite(numbers[i - from])) {
                throw problem("'" + fields[i] + "' is not a finite number");
            }
        }
        return numbers;
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

    void end() throws IOException {
        if (in.readLine() != null) {
            throw problem("more lines than its 'pieces' line says");
        }
    }

    IOException problem(String message) {
        return new IOException(source + " line " + lineNumber + ": " + message);
    }
}
