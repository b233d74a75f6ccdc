package io.wirestream.classify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the learned models a rules file names under {@code models}: a path is read relative to the rules file's
 * directory; a bare name found nowhere there is taken from the jar's {@code /rules/}, so a copy of the bundled
 * rules edited elsewhere keeps the bundled model. Bundled models are read once per process.
 */
final class ModelFiles {

    /** A model read, and its bytes' contribution to the rules digest. */
    record Found(TextModel model, byte[] bytes, String where) {
    }

    private static final String BUNDLED = "/rules/";
    private static final long MAX_BYTES = 64L << 20;
    private static final Map<String, Found> BUNDLED_READ = new ConcurrentHashMap<>();

    private final Path directory;

    /** Models beside a rules file in {@code directory}, or only bundled ones when it is null. */
    ModelFiles(Path directory) {
        this.directory = directory;
    }

    /** The model {@code name} refers to; an {@link IOException} says why it could not be read. */
    Found find(String name) throws IOException {
        if (directory != null) {
            Path file = directory.resolve(name);
            if (Files.isRegularFile(file)) {
                if (Files.size(file) > MAX_BYTES) {
                    throw new IOException(file + " is larger than " + (MAX_BYTES >> 20) + " MiB");
                }
                byte[] bytes = Files.readAllBytes(file);
                return new Found(TextModel.read(bytes, file.toString()), bytes, file.toString());
            }
        }
        if (name.contains("/") || name.contains("\\")) {
            throw new IOException("no file " + (directory == null ? name : directory.resolve(name)));
        }
        Found found = BUNDLED_READ.get(name);
        if (found == null) {
            found = readBundled(name);
            BUNDLED_READ.putIfAbsent(name, found);
        }
        return found;
    }

    private static Found readBundled(String name) throws IOException {
        String resource = BUNDLED + name;
        try (InputStream in = ModelFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no file " + name + " beside the rules, and no bundled model of that name");
            }
            byte[] bytes = in.readAllBytes();
            return new Found(TextModel.read(bytes, "bundled " + resource), bytes, "bundled " + resource);
        }
    }
}
