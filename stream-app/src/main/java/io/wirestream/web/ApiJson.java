package io.wirestream.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The dashboard's JSON: records mapped by Jackson, instants and dates as ISO-8601 strings, nulls written out (the
 * page tells "none" from "not sent" by them). Answers carry {@code application/json; charset=utf-8}.
 */
final class ApiJson {

    static final String TYPE = "application/json; charset=utf-8";
    private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private ApiJson() {
    }

    static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }

    /** Answers {@code body} as JSON with {@code status}. */
    static void reply(Context ctx, int status, Object body) {
        ctx.status(status).contentType(TYPE).result(write(body));
    }

    /** Answers {@code {"error": message}} with {@code status}. */
    static void error(Context ctx, int status, String message) {
        reply(ctx, status, new ApiBodies.ErrorBody(message));
    }
}
