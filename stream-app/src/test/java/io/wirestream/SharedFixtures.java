package io.wirestream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the {@code shared/} folder that sits beside a developer's or CI's checkout (not a user's clone).
 * Tests that read it skip, with a message that says so, when it is absent.
 */
public final class SharedFixtures {

    private SharedFixtures() {
    }

    /** The seed dispatch; skips the calling test when {@code shared/} is not beside the checkout. */
    public static Path seed() {
        return require("seed/000_201fdd3c2376f08c.txt");
    }

    /** The labelled samples; skips the calling test when {@code shared/} is not beside the checkout. */
    public static Path samples() {
        return require("samples/dispatches.jsonl");
    }

    private static Path require(String relative) {
        Path found = find(relative);
        assumeTrue(found != null, "skipped: ../shared/" + relative + " is not beside this checkout "
                + "(it exists only in the team's workspace and CI; set WIRESTREAM_SHARED_DIR to point at a copy)");
        return found;
    }

    private static Path find(String relative) {
        String configured = System.getenv("WIRESTREAM_SHARED_DIR");
        if (configured != null && Files.isRegularFile(Path.of(configured, relative))) {
            return Path.of(configured, relative);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve(relative);
            if (dir.getParent() != null && Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
