package io.wirestream.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A drop folder, as agencies deliver over FTP: each complete file read once, and again only when it changes. A file
 * is complete when it has been left untouched for the settle time and did not change while it was read (a writer
 * still at work moves its size or time); names that writers use while a file is on its way are never read
 * ({@code .name}, {@code *.tmp}, {@code *.part}, {@code *.partial}, {@code *.filepart}, {@code *.crdownload},
 * {@code name~}), so write-then-rename delivers atomically. Files are read from the folder itself, not its
 * subfolders; {@code done/} holds those moved once their items were committed.
 */
final class DropFolder {

    static final String DONE = "done";
    private static final Set<String> PARTIAL_SUFFIXES = Set.of(".tmp", ".part", ".partial", ".filepart",
            ".crdownload", "~");

    /** A complete file's bytes and its state when read. */
    record File(Path path, byte[] bytes, long size, Instant modified) {
    }

    /** What a look at the folder found: complete files, and how many others are still being written. */
    record Listing(List<File> complete, int unsettled, List<String> problems) {
    }

    private final Path folder;
    private final Duration settle;
    private final long maxBytes;
    private final Clock clock;
    /** Files already read and committed, by path: their size and time then. */
    private final Map<Path, String> read = new HashMap<>();

    DropFolder(Path folder, Duration settle, long maxBytes, Clock clock) {
        this.folder = folder;
        this.settle = settle;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** The complete files that were not read before, or changed since. */
    Listing list() throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("no such folder: " + folder);
        }
        List<File> complete = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int unsettled = 0;
        Instant settledBefore = clock.instant().minus(settle);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path path : entries) {
                String name = path.getFileName().toString();
                if (isPartialName(name)) {
                    continue;
                }
                BasicFileAttributes before;
                try {
                    before = Files.readAttributes(path, BasicFileAttributes.class);
                } catch (IOException e) {
                    continue; // Gone meanwhile: renamed or taken away.
                }
                if (!before.isRegularFile() || stamp(before).equals(read.get(path))) {
                    continue;
                }
                if (before.lastModifiedTime().toInstant().isAfter(settledBefore)) {
                    unsettled++;
                    continue;
                }
                if (before.size() > maxBytes) {
                    problems.add(name + " is larger than the limit of " + maxBytes + " bytes");
                    continue;
                }
                File file = readIfStill(path, before);
                if (file == null) {
                    unsettled++;
                } else {
                    complete.add(file);
                }
            }
        }
        complete.sort((a, b) -> a.path().compareTo(b.path()));
        return new Listing(complete, unsettled, problems);
    }

    /** The file's bytes, if it is the same size and time after reading as before; else null: still being written. */
    private File readIfStill(Path path, BasicFileAttributes before) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        BasicFileAttributes after = Files.readAttributes(path, BasicFileAttributes.class);
        if (bytes.length != before.size() || !stamp(before).equals(stamp(after))) {
            return null;
        }
        return new File(path, bytes, before.size(), before.lastModifiedTime().toInstant());
    }

    /** After its items were committed: moved to {@code done/} when asked, else remembered as read. */
    void done(File file, boolean moveToDone) throws IOException {
        if (moveToDone) {
            Path done = Files.createDirectories(folder.resolve(DONE));
            Files.move(file.path(), done.resolve(file.path().getFileName()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            read.remove(file.path());
        } else {
            read.put(file.path(), file.size() + "/" + file.modified().toEpochMilli());
        }
    }

    /** The name relative to the folder, for ids of items that carry none. */
    String relative(File file) {
        return folder.relativize(file.path()).toString();
    }

    static boolean isPartialName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith(".") || PARTIAL_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    private static String stamp(BasicFileAttributes attributes) {
        return attributes.size() + "/" + attributes.lastModifiedTime().toInstant().toEpochMilli();
    }
}
