package io.wirestream.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** JSON for the dashboard's API, written with Jackson's streaming generator. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    /** Writes with a generator. */
    interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private Json() {
    }

    static String write(Writer writer) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String quote(String text) {
        return write(g -> g.writeString(text));
    }

    /** {@code {"error": message}}. */
    static String error(String message) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("error", message);
            g.writeEndObject();
        });
    }

    static JsonNode read(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }
}
