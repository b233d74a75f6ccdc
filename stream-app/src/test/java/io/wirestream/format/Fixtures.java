package io.wirestream.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The hand-written fixtures under {@code src/test/resources/formats/<format>/}. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String relative) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/formats/" + relative)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture formats/" + relative);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every fixture document, in name order: the expectation files left out, and the templates of the seed
     * ({@code *.template}), which are documents only once {@link SeedTemplates} fills them.
     */
    static List<Path> all() {
        try (Stream<Path> files = Files.walk(dir())) {
            return files.filter(Files::isRegularFile).filter(p -> isDocument(p.getFileName().toString())).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isDocument(String name) {
        return !name.endsWith(".expect.json") && !name.endsWith(".template");
    }

    static Path dir() {
        try {
            return Path.of(Fixtures.class.getResource("/formats").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
