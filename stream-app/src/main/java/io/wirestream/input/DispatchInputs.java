package io.wirestream.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads dispatches from the inputs the commands accept: files holding one document each (a text dispatch, a
 * NewsML-G2, NITF, ninjs, RSS or Atom document: {@code .txt}, {@code .xml}, {@code .nitf}, {@code .json},
 * {@code .rss}, {@code .atom}), {@code .jsonl} files with one per line, any of them gzipped ({@code .txt.gz},
 * {@code .jsonl.gz}), {@code .zip},
 * {@code .tar.gz} and {@code .tgz} archives of such files, directories searched recursively for all of these,
 * and stdin ({@code -}). Records come in a stable order, and anything unreadable — a missing file, a broken line —
 * yields a record saying why rather than disappearing. No more than the size limit is read of any one dispatch,
 * so an oversized input cannot exhaust memory; the parser then refuses it as too large.
 */
public final class DispatchInputs {

    /** Stands for stdin among the paths. */
    public static final Path STDIN = Path.of("-");
    /** A .jsonl line may be longer than its dispatch: JSON escapes and Base64 grow the text. */
    private static final int JSON_OVERHEAD_FACTOR = 6;

    private final Instant fixedReceivedAt;
    private final Instant fallbackReceivedAt;
    private final int maxBytes;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param fixedReceivedAt received time for every record, or null to take it from each input
     * @param maxBytes        the parser's size limit: a dispatch is read up to one byte beyond it
     */
    public DispatchInputs(Instant fixedReceivedAt, int maxBytes) {
        this(fixedReceivedAt, null, maxBytes);
    }

    /**
     * @param fallbackReceivedAt received time for inputs that carry none ({@code .jsonl} lines without
     *                           {@code received_at}, text files) instead of the file's modification time; or null
     */
    public DispatchInputs(Instant fixedReceivedAt, Instant fallbackReceivedAt, int maxBytes) {
        this.fixedReceivedAt = fixedReceivedAt;
        this.fallbackReceivedAt = fallbackReceivedAt;
        this.maxBytes = maxBytes;
    }

    /** Reads {@code paths} in order ({@code -} is stdin), handing each record to {@code sink} as it is read. */
    public void read(List<Path> paths, InputStream stdin, boolean stdinJsonl, Consumer<InputRecord> sink) {
        for (Path path : paths) {
            if (path.equals(STDIN)) {
                readStdin(stdin, stdinJsonl, sink);
            } else if (Files.isDirectory(path)) {
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
                readJsonLines("stdin", in, now, sink);
            } else {
                sink.accept(new InputRecord("stdin", null, in.readNBytes(maxBytes + 1), now, null));
            }
        } catch (IOException e) {
            sink.accept(InputRecord.unreadable("stdin", "cannot read stdin: " + e));
        }
    }

    /** Reads JSON lines from a stream, e.g. a resource in the jar, named {@code name} in origins. */
    public void readJsonLines(String name, InputStream in, Consumer<InputRecord> sink) {
        try {
            readJsonLines(name, in, fixedReceivedAt != null ? fixedReceivedAt : Instant.now(), sink);
        } catch (IOException e) {
            sink.accept(InputRecord.unreadable(name, "cannot read: " + e));
        }
    }

    private void readDirectory(Path dir, Consumer<InputRecord> sink) {
        List<Path> files = new ArrayList<>();
        List<InputRecord> failures = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && isDispatchFile(file)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    failures.add(InputRecord.unreadable(file.toString(), "cannot read: " + e));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            failures.add(InputRecord.unreadable(dir.toString(), "cannot list directory: " + e));
        }
        files.sort(null);
        files.forEach(file -> readFile(file, sink));
        failures.forEach(sink);
    }

    private static boolean isDispatchFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return isDispatchName(name) || name.endsWith(".zip") || name.endsWith(".tar.gz") || name.endsWith(".tgz");
    }

    /** The names of one document in a format wirestream reads (see docs/formats.md), or of a .jsonl of them. */
    private static final List<String> DISPATCH_EXTENSIONS = List.of(".txt", ".jsonl", ".xml", ".json", ".rss",
            ".atom", ".nitf");

    private static boolean isDispatchName(String lowerName) {
        String name = lowerName.endsWith(".gz") ? lowerName.substring(0, lowerName.length() - 3) : lowerName;
        return DISPATCH_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private void readFile(Path file, Consumer<InputRecord> sink) {
        String origin = file.toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            Instant receivedAt = fixedReceivedAt != null ? fixedReceivedAt
                    : fallbackReceivedAt != null ? fallbackReceivedAt : Files.getLastModifiedTime(file).toInstant();
            String name = origin.toLowerCase(Locale.ROOT);
            if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
                TarEntries.read(new GZIPInputStream(in), (entry, content) -> readEntry(origin, entry, content, receivedAt, sink));
            } else if (name.endsWith(".zip")) {
                ZipInputStream zip = new ZipInputStream(in);
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (!entry.isDirectory()) {
                        readEntry(origin, entry.getName(), zip, receivedAt, sink);
                    }
                }
            } else {
                readStream(origin, name, in, receivedAt, sink);
            }
        } catch (IOException | RuntimeException e) {
            sink.accept(InputRecord.unreadable(origin, "cannot read file: " + e));
        }
    }

    /** One file inside an archive, named {@code archive!entry} in origins; files of other kinds are skipped. */
    private void readEntry(String archive, String entry, InputStream content, Instant receivedAt,
            Consumer<InputRecord> sink) throws IOException {
        String name = entry.toLowerCase(Locale.ROOT);
        if (isDispatchName(name)) {
            readStream(archive + "!" + entry, name, content, receivedAt, sink);
        }
    }

    /** A text or JSON-lines stream, gunzipped first when its name ends in {@code .gz}. */
    private void readStream(String origin, String lowerName, InputStream in, Instant receivedAt,
            Consumer<InputRecord> sink) throws IOException {
        if (lowerName.endsWith(".gz")) {
            readStream(origin, lowerName.substring(0, lowerName.length() - 3), new GZIPInputStream(in), receivedAt, sink);
        } else if (lowerName.endsWith(".jsonl")) {
            readJsonLines(origin, in, receivedAt, sink);
        } else {
            sink.accept(new InputRecord(origin, null, in.readNBytes(maxBytes + 1), receivedAt, null));
        }
    }

    private void readJsonLines(String name, InputStream in, Instant defaultReceivedAt, Consumer<InputRecord> sink)
            throws IOException {
        long lineLimit = (long) maxBytes * JSON_OVERHEAD_FACTOR + 1024;
        ByteLines lines = new ByteLines(in, (int) Math.min(Integer.MAX_VALUE - 16, lineLimit));
        ByteLines.Line line;
        int number = 0;
        while ((line = lines.next()) != null) {
            number++;
            String origin = name + ":" + number;
            if (line.overLimit()) {
                sink.accept(InputRecord.unreadable(origin, "line is over " + lineLimit + " bytes"));
                continue;
            }
            String text;
            try {
                text = strictUtf8(line.bytes());
            } catch (CharacterCodingException e) {
                sink.accept(InputRecord.unreadable(origin, "line is not valid UTF-8, so not JSON"));
                continue;
            }
            if (number == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (!text.isBlank()) {
                sink.accept(jsonLine(origin, text, defaultReceivedAt));
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
        byte[] bytes;
        if (node.hasNonNull("text_base64")) {
            try {
                bytes = Base64.getDecoder().decode(node.get("text_base64").asText().replaceAll("\\s+", ""));
            } catch (IllegalArgumentException e) {
                return failed(origin, id, "text_base64 is not Base64: " + e.getMessage());
            }
        } else if (node.has("text") && node.get("text").isTextual()) {
            try {
                bytes = strictUtf8(node.get("text").asText());
            } catch (CharacterCodingException e) {
                return failed(origin, id, "text holds an unpaired surrogate escape; send raw bytes as text_base64");
            }
        } else {
            return failed(origin, id, "no string field text or text_base64");
        }
        Instant receivedAt = defaultReceivedAt;
        if (fixedReceivedAt == null && node.hasNonNull("received_at")) {
            try {
                receivedAt = Timestamps.parse(node.get("received_at"));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                return failed(origin, id, "received_at " + node.get("received_at")
                        + " is neither an ISO-8601 date-time nor epoch milliseconds");
            }
        }
        return new InputRecord(origin, id, bytes, receivedAt, null);
    }

    private static InputRecord failed(String origin, String id, String error) {
        return new InputRecord(origin, id, null, null, error);
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static byte[] strictUtf8(String text) throws CharacterCodingException {
        ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(CharBuffer.wrap(text));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
