package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.dispatch.DispatchJson;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.input.Timestamps;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the hand-written cases in {@code parser-cases/}: each {@code NN-name.txt} is a dispatch, each
 * {@code NN-name.json} lists what {@code wirestream parse} must print for it (a partial match), and may say
 * that its content id or story key equals, or differs from, another case's.
 */
class ParserCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DispatchParser PARSER = new DispatchParser();

    @TestFactory
    Stream<DynamicTest> shouldPrintWhatEachCaseExpects() throws IOException {
        return cases().stream().map(stem -> DynamicTest.dynamicTest(stem, () -> check(stem)));
    }

    @Test
    void shouldHaveAtLeastFortyCases() throws IOException {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(40);
    }

    private static void check(String stem) throws IOException {
        JsonNode spec = JSON.readTree(Files.readString(dir().resolve(stem + ".json")));
        JsonNode actual = render(stem, spec);
        Iterator<Map.Entry<String, JsonNode>> expected = spec.get("expect").fields();
        while (expected.hasNext()) {
            Map.Entry<String, JsonNode> field = expected.next();
            assertThat(actual.get(field.getKey()))
                    .as("%s: %s (%s)", stem, field.getKey(), spec.path("about").asText())
                    .isEqualTo(field.getValue());
        }
        compareIds(stem, spec, actual, "sameContentIdAs", "contentId", true);
        compareIds(stem, spec, actual, "sameStoryKeyAs", "storyKey", true);
        compareIds(stem, spec, actual, "differentStoryKeyFrom", "storyKey", false);
    }

    private static void compareIds(String stem, JsonNode spec, JsonNode actual, String relation, String field,
            boolean equal) throws IOException {
        if (!spec.hasNonNull(relation)) {
            return;
        }
        String other = spec.get(relation).asText();
        JsonNode otherActual = render(other, JSON.readTree(Files.readString(dir().resolve(other + ".json"))));
        assertThat(actual.get(field)).as("%s: %s %s %s", stem, field, relation, other).isNotNull();
        if (equal) {
            assertThat(actual.get(field)).as("%s: %s %s", stem, relation, other).isEqualTo(otherActual.get(field));
        } else {
            assertThat(actual.get(field)).as("%s: %s %s", stem, relation, other).isNotEqualTo(otherActual.get(field));
        }
    }

    /** Parses a case and renders it exactly as {@code wirestream parse} prints it. */
    private static JsonNode render(String stem, JsonNode spec) throws IOException {
        byte[] bytes = Files.readAllBytes(dir().resolve(stem + ".txt"));
        Instant receivedAt = spec.hasNonNull("receivedAt") ? Timestamps.parse(spec.get("receivedAt").asText()) : null;
        ParseResult result = PARSER.parse(RawDispatch.of(bytes, receivedAt));
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            DispatchJson.writeResult(g, result.id(), stem, result);
        }
        return JSON.readTree(out.toString());
    }

    private static List<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".txt"))
                    .map(name -> name.substring(0, name.length() - ".txt".length()))
                    .sorted()
                    .toList();
        }
    }

    private static Path dir() {
        try {
            return Path.of(ParserCasesTest.class.getResource("/parser-cases").toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
