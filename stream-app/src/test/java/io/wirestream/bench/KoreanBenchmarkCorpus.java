package io.wirestream.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.schema.Dispatch;
import io.wirestream.testing.KoreanCorpus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Korean dispatches of a given size for the benchmarks, built deterministically from the labelled Korean corpus. */
public final class KoreanBenchmarkCorpus {

    private KoreanBenchmarkCorpus() {
    }

    /**
     * Dispatches of at least {@code targetBytes} of UTF-8 each (Hangul takes three bytes a syllable, so 2 KB is
     * about 700 characters): a corpus story, lengthened with the body paragraphs of the next ones, and closed
     * with the e-mail line and (끝) as Yonhap closes them.
     */
    public static List<Dispatch> dispatches(int count, int targetBytes) {
        List<JsonNode> stories = KoreanCorpus.all();
        List<Dispatch> out = new ArrayList<>(count);
        DispatchParser parser = new DispatchParser();
        for (int i = 0; out.size() < count; i++) {
            List<String> lines = body(stories.get(i % stories.size()));
            StringBuilder text = new StringBuilder(String.join("\n", lines));
            for (int k = 1; bytes(text) < targetBytes; k++) {
                List<String> more = body(stories.get((i + k) % stories.size()));
                for (int l = 2; l < more.size() && bytes(text) < targetBytes; l++) {
                    text.append('\n').append(more.get(l));
                }
            }
            text.append("\nbench@yna.co.kr\n(끝)");
            BenchmarkCorpus.addParsed(parser, text, out);
        }
        return out;
    }

    /** The story's lines without its e-mail lines and end mark. */
    private static List<String> body(JsonNode story) {
        return story.get("text").asText().lines()
                .filter(line -> !line.endsWith("@yna.co.kr") && !line.equals("(끝)") && !line.isBlank()).toList();
    }

    private static int bytes(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
