package io.wirestream.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** One JSON object per line on a command's output, each flushed as soon as it is written. */
final class JsonLines implements AutoCloseable {

    /** Writes one object's content into the generator. */
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private final JsonGenerator json;

    JsonLines(PrintWriter out) {
        try {
            json = new JsonFactory().createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        json.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
    }

    void write(Body body) {
        try {
            body.write(json);
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            json.writeRaw('\n');
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
