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
 * The labelled Korean corpus ({@code /corpus/ko/}): {@code tuning.jsonl}, which the Korean rules were first tuned
 * on, and {@code heldout.jsonl} to {@code heldout12.jsonl}, each measured once with the rules of its day
 * ({@code heldout5.jsonl} on, written blind) and then tuned on, except the last, {@link #KEPT_ASIDE}, which the
 * shipped rules have never been tuned on. docs/classification.md gives each part's first figures. One JSON object
 * a line with {@code id}, {@code topics}, {@code kind}, {@code note}, {@code received_at}, {@code language} and
 * {@code text}.
 */
public final class KoreanCorpus {

    public static final String TUNING = "tuning.jsonl";
    /** The part written blind after the last round of tuning and measured once with it, never tuned on. */
    public static final String KEPT_ASIDE = "heldout12.jsonl";
    /**
     * Parts written blind and not measured yet: the parser's test reads them, but they stay out of every figure
     * (and out of {@link #tunedOn()}) until their one measure, so that tuning cannot see them.
     */
    public static final List<String> NOT_YET_MEASURED = List.of("heldout14.jsonl");
    /** The parts in the order they were written: tuning first, then the part kept aside, then those not measured yet. */
    public static final List<String> PARTS = List.of(TUNING, "heldout.jsonl", "heldout2.jsonl", "heldout3.jsonl",
            "heldout4.jsonl", "heldout5.jsonl", "heldout6.jsonl", "heldout7.jsonl", "heldout8.jsonl",
            "heldout9.jsonl", "heldout10.jsonl", "heldout11.jsonl", KEPT_ASIDE, "heldout14.jsonl");

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

    /** Every part the rules were tuned on: all but {@link #KEPT_ASIDE} and those {@link #NOT_YET_MEASURED}. */
    public static List<JsonNode> tunedOn() {
        List<JsonNode> tuned = new ArrayList<>();
        PARTS.stream().filter(part -> !part.equals(KEPT_ASIDE) && !NOT_YET_MEASURED.contains(part))
                .forEach(part -> tuned.addAll(entries(part)));
        return tuned;
    }

    /** Every part, in the order they were written. */
    public static List<JsonNode> all() {
        List<JsonNode> all = new ArrayList<>();
        PARTS.forEach(part -> all.addAll(entries(part)));
        return all;
    }
}
