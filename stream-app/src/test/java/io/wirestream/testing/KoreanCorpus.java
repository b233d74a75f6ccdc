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
 * on, and {@code heldout.jsonl} to {@code heldout18.jsonl}, each measured once with the rules of its day
 * ({@code heldout5.jsonl} on, written blind) and then tuned on; the learned Korean model was learned from all of
 * these. {@code heldout19.jsonl} to {@code heldout22.jsonl}, {@link #KEPT_ASIDE}, were written blind after that and
 * neither the rules nor the model has seen them. docs/classification.md gives each part's first figures. One JSON
 * object a line with {@code id}, {@code topics}, {@code kind}, {@code note}, {@code received_at}, {@code language}
 * and {@code text}.
 */
public final class KoreanCorpus {

    public static final String TUNING = "tuning.jsonl";
    /**
     * The four parts written blind, at the same time by four engineers, once the learned model's design was settled
     * and before anything measured them: never tuned on, never learned from. They hold events of 2017 to 2021,
     * 2022 to 2025, 2015 to 2020 and 2021 to 2025.
     */
    public static final List<String> KEPT_ASIDE = List.of("heldout19.jsonl", "heldout20.jsonl", "heldout21.jsonl",
            "heldout22.jsonl");
    /** The parts in the order they were written, tuning first and the parts kept aside last. */
    public static final List<String> PARTS = List.of(TUNING, "heldout.jsonl", "heldout2.jsonl", "heldout3.jsonl",
            "heldout4.jsonl", "heldout5.jsonl", "heldout6.jsonl", "heldout7.jsonl", "heldout8.jsonl",
            "heldout9.jsonl", "heldout10.jsonl", "heldout11.jsonl", "heldout12.jsonl", "heldout13.jsonl",
            "heldout14.jsonl", "heldout15.jsonl", "heldout16.jsonl", "heldout17.jsonl", "heldout18.jsonl",
            "heldout19.jsonl", "heldout20.jsonl", "heldout21.jsonl", "heldout22.jsonl");

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

    /** Every part the rules were tuned on and the model learned from: all but those {@link #KEPT_ASIDE}. */
    public static List<JsonNode> tunedOn() {
        return entries(PARTS.stream().filter(part -> !KEPT_ASIDE.contains(part)).toList());
    }

    /** The parts kept aside, as one. */
    public static List<JsonNode> keptAside() {
        return entries(KEPT_ASIDE);
    }

    /** Every part, in the order they were written. */
    public static List<JsonNode> all() {
        return entries(PARTS);
    }

    /** The entries of {@code parts}, one after the other. */
    private static List<JsonNode> entries(List<String> parts) {
        List<JsonNode> entries = new ArrayList<>();
        parts.forEach(part -> entries.addAll(entries(part)));
        return entries;
    }
}
