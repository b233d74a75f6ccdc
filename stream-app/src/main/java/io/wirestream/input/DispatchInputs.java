package io.wirestream.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads dispatches from the inputs the commands accept: {@code .txt} (or any other) files holding one
 * dispatch each, directories searched recursively for {@code .txt} and {@code .jsonl} files, {@code .jsonl}
 * files with one dispatch per line, and stdin. Every input yields records in a stable order, and anything
 * unreadable yields a record saying why rather than disappearing.
 */
public final class DispatchInputs {

    /** The reference time of text files: their modification time, unless the caller fixes one. */
    private final Instant fixedReceivedAt;
    private final ObjectMapper json = new ObjectMapper();

    /** @param fixedReceivedAt received time given to every record, or null to take it from each input */
    public DispatchInputs(Instant fixedReceivedAt) {
        this.fixedReceivedAt = fixedReceivedAt;
    }

    /** Reads {@code paths} in order, handing each record to {@code sink} as soon as it is read. */
    public void read(List<Path> paths, Consumer<InputRecord> sink) {
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                readDirectory(path, sink);
            } else {
                readFile(path, sink);
            }
        }
    }

    /** Reads stdin as one dispatch, or as JSON lines when {@code jsonl}. */
    public void readStdin(InputStream in, boolean jsonl, Consumer<InputRecord> sink) {
        Instant now = fixedReceivedAt != null ? fixedReceivedAt : Instant.now();
        try {
            if (jsonl) {
                readJsonLines("stdin", new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), now,
                        sink);
            } else {
                sink.accept(new InputRecord("stdin", null, in.readAllBytes(), now, null));
            }
        } catch (IOException e) {
            sink.accept(InputRecord.unreadable("stdin", "cannot read stdin: " + e.getMessage()));
        }
    }

    private void readDirectory(Path dir, Consumer<InputRecord> sink) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).filter(DispatchInputs::isDispatchFile).sorted().forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
            sink.accept(InputRecord.unreadable(dir.toString(), "cannot list directory: " + e.getMessage()));
            return;
        }
        files.forEach(file -> readFile(file, sink));
    }

    private static boolean isDispatchFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".jsonl");
    }

    private void readFile(Path file, Consumer<InputRecord> sink) {
        String origin = file.toString();
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            Instant receivedAt = fixedReceivedAt != null ? fixedReceivedAt : modified;
            if (origin.toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    readJsonLines(origin, reader, receivedAt, sink);
                }
            } else {
                sink.accept(new InputRecord(origin, null, Files.readAllBytes(file), receivedAt, null));
            }
        } catch (IOException | UncheckedIOException e) {
            sink.accept(InputRecord.unreadable(origin, "cannot read file: " + e));
        }
    }

    private void readJsonLines(String name, BufferedReader reader, Instant defaultReceivedAt,
            Consumer<InputRecord> sink) throws IOException {
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (!line.isBlank()) {
                sink.accept(jsonLine(name + ":" + number, line, defaultReceivedAt));
            }
        }
    }

    /** One {@code .jsonl} line: {@code text} or {@code text_base64}, optional {@code id} and {@code received_at}. */
    InputRecord jsonLine(String origin, String line, Instant defaultReceivedAt) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            return InputRecord.unreadable(origin, "not a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return InputRecord.unreadable(origin, "not a JSON object");
        }
        String id = node.hasNonNull("id") ? node.get("id").asText() : null;
        String where = id == null ? origin : origin + " (id " + id + ")";
        byte[] bytes;
        if (node.hasNonNull("text_base64")) {
            try {
                bytes = Base64.getMimeDecoder().decode(node.get("text_base64").asText());
            } catch (IllegalArgumentException e) {
                return new InputRecord(origin, id, null, null, where + ": text_base64 is not Base64: " + e.getMessage());
            }
        } else if (node.has("text") && node.get("text").isTextual()) {
            bytes = node.get("text").asText().getBytes(StandardCharsets.UTF_8);
        } else {
            return new InputRecord(origin, id, null, null, where + ": no string field text or text_base64");
        }
        Instant receivedAt = defaultReceivedAt;
        if (fixedReceivedAt == null && node.hasNonNull("received_at")) {
            try {
                receivedAt = Timestamps.parse(node.get("received_at"));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                return new InputRecord(origin, id, null, null, where + ": received_at " + node.get("received_at")
                        + " is neither an ISO-8601 date-time nor epoch milliseconds");
            }
        }
        return new InputRecord(origin, id, bytes, receivedAt, null);
    }
}
