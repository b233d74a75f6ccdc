package io.wirestream.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.dispatch.FailureReason;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import java.io.IOException;
import java.util.Locale;

/** The one JSON reader of the format layer, with limits that make hostile JSON fail fast instead of deep. */
final class JsonInput {

    /**
     * ninjs nests a few levels (associations hold items that hold renditions); 64 is far beyond any real item and
     * far below what would exhaust a stack or memory.
     */
    static final int MAX_NESTING = 64;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            // Messages must not echo the document: a dead letter already carries it.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private JsonInput() {
    }

    /**
     * The JSON value in {@code raw}; null, with the document failed as {@code MALFORMED_JSON}, when it is not one
     * well-formed value within the limits. The message gives the line and column where reading stopped.
     */
    static JsonNode read(RawDispatch raw, Items items) {
        try (JsonParser parser = FACTORY.createParser(raw.bytes())) {
            try {
                JsonNode value = MAPPER.readTree(parser);
                if (value != null && parser.nextToken() != null) {
                    items.fail(malformed(raw, "content after the JSON value", parser.currentLocation()));
                    return null;
                }
                return value;
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                items.fail(malformed(raw, e.getOriginalMessage(), at));
                return null;
            }
        } catch (IOException e) {
            items.fail(malformed(raw, e.getMessage(), null));
            return null;
        }
    }

    private static ParseResult.Failed malformed(RawDispatch raw, String message, JsonLocation at) {
        String where = at == null ? "" : String.format(Locale.ROOT, "line %d, column %d: ", at.getLineNr(),
                at.getColumnNr());
        return ParseResult.failure(raw, FailureReason.MALFORMED_JSON, where + message);
    }
}
