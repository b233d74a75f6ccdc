package io.wirestream.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.schema.Dispatch;
import io.wirestream.testing.LabelledCorpus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic dispatches and alert queries for the benchmarks, built deterministically (fixed seeds) from the
 * labelled corpus, so that runs compare.
 */
final class BenchmarkCorpus {

    private BenchmarkCorpus() {
    }

    /**
     * Dispatches of about {@code targetBytes} each: a corpus story, lengthened with paragraphs of the next ones
     * where it is shorter. Their subjects mix as in the corpus.
     */
    static List<Dispatch> dispatches(int count, int targetBytes) {
        List<JsonNode> stories = stories();
        List<Dispatch> out = new ArrayList<>(count);
        DispatchParser parser = new DispatchParser();
        for (int i = 0; out.size() < count; i++) {
            StringBuilder text = new StringBuilder(stories.get(i % stories.size()).get("text").asText());
            int end = text.lastIndexOf("\n(END)");
            if (end > 0) {
                text.setLength(end);
            }
            for (int k = 1; text.length() < targetBytes; k++) {
                String[] lines = stories.get((i + k) % stories.size()).get("text").asText().split("\n");
                for (int l = 2; l < lines.length - 2 && text.length() < targetBytes; l++) {
                    text.append('\n').append(lines[l]);
                }
            }
            text.append("\n(END)");
            addParsed(parser, text, out);
        }
        return out;
    }

    /** Parses {@code text} as received on one fixed day and adds the dispatch to {@code out} when it parses. */
    static void addParsed(DispatchParser parser, CharSequence text, List<Dispatch> out) {
        ParseResult result = parser.parse(RawDispatch.of(text.toString().getBytes(StandardCharsets.UTF_8),
                Instant.parse("2024-06-01T00:00:00Z")));
        if (result instanceof ParseResult.Parsed parsed) {
            out.add(parsed.dispatch());
        }
    }

    private static List<JsonNode> stories() {
        return LabelledCorpus.entries().stream().filter(node -> node.get("text").asText().length() > 600).toList();
    }

    /**
     * {@code count} alert rules of the kinds users write (see {@link AlertQueries}); every alert is its own one-rule
     * subject.
     */
    static String alertRulesYaml(int count, long seed) {
        return "subjects:\n" + AlertQueries.asSubjects(count, seed);
    }
}
