package io.wirestream.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the {@code shared/} folder that sits beside a developer's or CI's checkout (not a user's clone).
 * Test classes that read it are annotated {@link RequiresShared}.
 */
public final class SharedFixtures {

    private static final String SEED = "seed/000_201fdd3c2376f08c.txt";

    private SharedFixtures() {
    }

    /** The seed dispatch. */
    public static Path seed() {
        return require(SEED);
    }

    /** The labelled samples. */
    public static Path samples() {
        return require("samples/dispatches.jsonl");
    }

    /** The {@code shared/} folder: {@code WIRESTREAM_SHARED_DIR}, else a sibling of the checkout or its parents. */
    public static Path sharedDir() {
        String configured = System.getenv("WIRESTREAM_SHARED_DIR");
        if (configured != null && Files.isRegularFile(Path.of(configured, SEED))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir.getParent() != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isRegularFile(candidate.resolve(SEED))) {
                return candidate;
            }
        }
        return null;
    }

    private static Path require(String relative) {
        Path dir = sharedDir();
        if (dir == null || !Files.isRegularFile(dir.resolve(relative))) {
            throw new IllegalStateException("shared/" + relative + " not found; annotate the test @RequiresShared");
        }
        return dir.resolve(relative);
    }
}
