package io.wirestream.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The labelled corpus in the test resources ({@code /corpus/*.jsonl}): real wire dispatches of every subject and
 * none, one JSON object a line with {@code id}, {@code topics}, {@code kind}, {@code note}, {@code received_at} and
 * {@code text}.
 */
public final class LabelledCorpus {

    private LabelledCorpus() {
    }

    /** Every entry, files in name order, lines in file order. */
    public static List<JsonNode> entries() {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(LabelledCorpus.class.getResource("/corpus").toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    entries.add(json.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return entries;
    }
}
