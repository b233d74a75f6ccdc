package io.wirestream.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
    /** Strict about what follows the item: {@code {...} garbage} is malformed, not an item. */
    static final ObjectMapper MAPPER = new ObjectMapper(FACTORY).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonInput() {
    }

    /** A {@code MALFORMED_JSON} failure with the parser's message and where it stopped. */
    static ParseResult.Failed malformed(RawDispatch raw, IOException e) {
        String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
        JsonLocation at = e instanceof JsonProcessingException p ? p.getLocation() : null;
        String where = at == null ? "" : String.format(Locale.ROOT, "line %d, column %d: ", at.getLineNr(),
                at.getColumnNr());
        return ParseResult.failure(raw, FailureReason.MALFORMED_JSON, where + message);
    }
}
