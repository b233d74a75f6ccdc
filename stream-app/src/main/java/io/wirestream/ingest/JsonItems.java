package io.wirestream.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.wirestream.format.FormatParser;
import io.wirestream.ingest.ItemSplitter.Piece;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The ninjs items of a JSON document, each the exact bytes of its object: a single object is one item; an array
 * of objects, or an object whose {@code items} or {@code _items} is one (as content APIs page their answers), is one
 * item per object. Jackson reads the document with the format layer's nesting limit, and gives each object's byte
 * offsets.
 */
final class JsonItems {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build();
    private static final Set<String> LISTS = Set.of("items", "_items");

    private JsonItems() {
    }

    static List<Piece> split(byte[] doc) throws XmlTags.Unreadable {
        try (JsonParser parser = FACTORY.createParser(doc)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return objects(doc, parser);
            }
            if (first != JsonToken.START_OBJECT) {
                return List.of(new Piece(doc, null));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (LISTS.contains(name) && value == JsonToken.START_ARRAY) {
                    return objects(doc, parser);
                }
                parser.skipChildren();
            }
            return List.of(new Piece(doc, null));
        } catch (IOException e) {
            throw new XmlTags.Unreadable("JSON that cannot be read: " + e.getMessage());
        }
    }

    /** The objects of the array the parser is at the start of. */
    private static List<Piece> objects(byte[] doc, JsonParser parser) throws IOException {
        List<Piece> pieces = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY;
                token = parser.nextToken()) {
            if (token == JsonToken.START_OBJECT && pieces.size() < FormatParser.MAX_ITEMS_PER_DOCUMENT) {
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                int end = (int) parser.currentLocation().getByteOffset();
                pieces.add(new Piece(Arrays.copyOfRange(doc, start, end), null));
            } else {
                parser.skipChildren();
            }
        }
        return pieces;
    }
}
