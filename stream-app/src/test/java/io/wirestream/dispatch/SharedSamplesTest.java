package io.wirestream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.testing.RequiresShared;
import io.wirestream.testing.SharedFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every labelled sample in {@code shared/samples} gets the outcome its {@code expect} field gives. */
@RequiresShared
class SharedSamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> shouldGiveEachSampleItsExpectedOutcome() throws Exception {
        List<String> lines = Files.readAllLines(SharedFixtures.samples(), StandardCharsets.UTF_8);
        DispatchParser parser = new DispatchParser();
        return lines.stream().filter(line -> !line.isBlank()).map(line -> {
            JsonNode sample = readJson(line);
            return DynamicTest.dynamicTest(sample.get("id").asText() + " " + sample.get("kind").asText(), () -> {
                byte[] bytes = sample.hasNonNull("text_base64")
                        ? Base64.getDecoder().decode(sample.get("text_base64").asText())
                        : sample.get("text").asText().getBytes(StandardCharsets.UTF_8);
                ParseResult result = parser.parse(RawDispatch.of(bytes, Instant.parse("2024-06-01T00:00:00Z")));
                if (sample.get("expect").asText().equals("dead-letter")) {
                    assertThat(result).isInstanceOf(ParseResult.Failed.class);
                    String labelled = labelledReason(sample.get("note").asText());
                    if (labelled != null) {
                        assertThat(((ParseResult.Failed) result).reason()).isEqualTo(REASONS.get(labelled));
                    }
                } else {
                    assertThat(result).as(sample.get("note").asText()).isInstanceOf(ParseResult.Parsed.class);
                    assertThat(((ParseResult.Parsed) result).dispatch().getParagraphs()).isNotEmpty();
                }
            });
        });
    }

    /** The labels' reason names, as ours. */
    private static final Map<String, FailureReason> REASONS = Map.of(
            "empty-payload", FailureReason.EMPTY,
            "invalid-utf8", FailureReason.INVALID_UTF8,
            "too-large", FailureReason.TOO_LARGE,
            "no-headline", FailureReason.NO_HEADLINE,
            "no-body", FailureReason.NO_BODY,
            "binary", FailureReason.BINARY,
            "markup", FailureReason.MARKUP);

    /** The {@code reason=...} a sample's note names, if any. */
    private static String labelledReason(String note) {
        Matcher m = Pattern.compile("reason=([a-z0-9-]+)").matcher(note);
        if (!m.find()) {
            return null;
        }
        assertThat(REASONS).as("a known reason label").containsKey(m.group(1));
        return m.group(1);
    }

    private static JsonNode readJson(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException("bad sample line: " + line, e);
        }
    }
}
