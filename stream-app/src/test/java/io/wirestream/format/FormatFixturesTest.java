package io.wirestream.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.dispatch.DispatchJson;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the hand-written fixtures in {@code formats/<format>/}: each {@code NN-name.<ext>} is a document, each
 * {@code NN-name.expect.json} says what {@code wirestream parse} must print for every item of it (a partial match
 * per result, in order), the item count, and optionally a hint and a text the failure message must contain.
 */
class FormatFixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FormatParser PARSER = new FormatParser();
    private static final int MIN_FIXTURES_PER_FORMAT = 8;

    @TestFactory
    Stream<DynamicTest> shouldReadEachFixtureAsItsExpectationSays() {
        return fixtures().map(doc -> DynamicTest.dynamicTest(Fixtures.dir().relativize(doc).toString(),
                () -> check(doc)));
    }

    @Test
    void shouldHaveAtLeastEightFixturesOfEachFormat() {
        for (Format format : Format.values()) {
            assertThat(fixtures().filter(doc -> doc.getParent().getFileName().toString().equals(format.id())))
                    .as(format.id()).hasSizeGreaterThanOrEqualTo(MIN_FIXTURES_PER_FORMAT);
        }
    }

    private static void check(Path doc) throws IOException {
        String name = doc.getFileName().toString();
        JsonNode spec = JSON.readTree(doc.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expect.json")
                .toFile());
        check(name, doc.getParent().getFileName().toString(), Files.readAllBytes(doc), spec);
    }

    /** Reads {@code bytes}, a document of {@code format}, and checks each result against {@code spec}. */
    static void check(String name, String format, byte[] bytes, JsonNode spec) {
        // Given a fixture and its expectation
        RawDispatch raw = RawDispatch.of(bytes, Instant.parse(spec.get("receivedAt").asText()));

        // When it is parsed
        ParsedDocument document = PARSER.parseAll(raw, spec.path("hint").isTextual() ? spec.get("hint").asText() : null);

        // Then every result is as expected, in order
        String about = spec.path("about").asText();
        if (!spec.path("unsupported").asBoolean()) {
            assertThat(document.format()).as(about).isNotNull();
            assertThat(document.format().id()).as(about).isEqualTo(format);
        }
        assertThat(document.itemCount()).as("%s: itemCount (%s)", name, about)
                .isEqualTo(spec.path("itemCount").asInt(1));
        JsonNode expected = spec.get("expect");
        assertThat(document.results()).as("%s: results (%s)", name, about).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertResult(name + " result " + i + " (" + about + ")", render(document.results().get(i)), expected.get(i));
        }
    }

    private static void assertResult(String what, JsonNode actual, JsonNode expected) {
        Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("messageContains")) {
                assertThat(actual.path("message").asText()).as("%s: message", what)
                        .contains(field.getValue().asText());
            } else if (field.getKey().equals("paragraphCount")) {
                assertThat(actual.path("paragraphs")).as("%s: paragraphs", what).hasSize(field.getValue().asInt());
            } else {
                assertThat(actual.get(field.getKey())).as("%s: %s", what, field.getKey()).isEqualTo(field.getValue());
            }
        }
    }

    /** A result rendered exactly as {@code wirestream parse} prints it. */
    static JsonNode render(ParseResult result) {
        try {
            StringWriter out = new StringWriter();
            try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
                DispatchJson.writeResult(g, result.id(), "fixture", result);
            }
            return JSON.readTree(out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> fixtures() {
        return Fixtures.all().stream();
    }
}
