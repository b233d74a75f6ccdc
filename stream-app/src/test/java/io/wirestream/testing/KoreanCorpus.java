package io.wirestream.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled Korean corpus ({@code /corpus/ko/}): {@code tuning.jsonl}, which the Korean rules were tuned on, and
 * {@code heldout.jsonl}, which they were first measured on, then tuned on; {@code heldout2.jsonl} to
 * {@code heldout4.jsonl}, each written after a round of tuning and before the next; {@code heldout5.jsonl} and
 * {@code heldout6.jsonl}, written blind together, the first tuned on and the second kept aside; {@code heldout8.jsonl},
 * {@code heldout9.jsonl}, {@code heldout10.jsonl} and {@code heldout11.jsonl}, each written blind to be measured once, read by the parser's test only (not part of
 * {@link #all()}). One JSON object a line with {@code id},
 * {@code topics}, {@code kind}, {@code note}, {@code received_at}, {@code language} and {@code text}.
 */
public final class KoreanCorpus {

    public static final String TUNING = "tuning.jsonl";
    public static final String HELDOUT = "heldout.jsonl";
    public static final String HELDOUT2 = "heldout2.jsonl";
    public static final String HELDOUT3 = "heldout3.jsonl";
    public static final String HELDOUT4 = "heldout4.jsonl";
    public static final String HELDOUT5 = "heldout5.jsonl";
    public static final String HELDOUT6 = "heldout6.jsonl";
    public static final String HELDOUT8 = "heldout8.jsonl";
    public static final String HELDOUT9 = "heldout9.jsonl";
    public static final String HELDOUT10 = "heldout10.jsonl";
    public static final String HELDOUT11 = "heldout11.jsonl";

    private KoreanCorpus() {
    }

    /** The entries of one part, in file order. */
    public static List<JsonNode> entries(String part) {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> entries = new ArrayList<>();
        try (InputStream in = KoreanCorpus.class.getResourceAsStream("/corpus/ko/" + part)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus part " + part);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    entries.add(json.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Every part, tuning first. */
    public static List<JsonNode> all() {
        List<JsonNode> all = new ArrayList<>(entries(TUNING));
        all.addAll(entries(HELDOUT));
        all.addAll(entries(HELDOUT2));
        all.addAll(entries(HELDOUT3));
        all.addAll(entries(HELDOUT4));
        all.addAll(entries(HELDOUT5));
        all.addAll(entries(HELDOUT6));
        return all;
    }
}
