package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A drop folder: complete files once, partial ones never, changed ones again, read ones moved to done/. */
class DropFolderTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Duration SETTLE = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private DropFolder folder() {
        return new DropFolder(dir, SETTLE, 1024, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Path write(String name, String text, Instant modified) throws IOException {
        Path path = Files.writeString(dir.resolve(name), text);
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }

    @Test
    void shouldReadACompleteFileOnceAndAgainOnlyWhenItChanges() throws IOException {
        // Given a file left untouched for longer than the settle time
        DropFolder drop = folder();
        write("a.xml", "<a/>", NOW.minusSeconds(60));

        // When the folder is listed, the file marked read, and the folder listed again
        DropFolder.Listing first = drop.list();
        first.complete().forEach(file -> done(drop, file, false));
        DropFolder.Listing second = drop.list();
        write("a.xml", "<a>changed</a>", NOW.minusSeconds(30));
        DropFolder.Listing third = drop.list();

        // Then it is read the first time, not the second, and again once changed
        assertThat(first.complete()).extracting(f -> new String(f.bytes())).containsExactly("<a/>");
        assertThat(second.complete()).isEmpty();
        assertThat(third.complete()).extracting(f -> new String(f.bytes())).containsExactly("<a>changed</a>");
    }

    @Test
    void shouldNotReadAFileStillBeingWrittenUntilItSettles() throws IOException {
        // Given a file modified a moment ago, as a writer at work leaves it
        DropFolder drop = folder();
        Path path = write("b.xml", "<b>half", NOW.minusMillis(500));

        // When the folder is listed, then listed again once the file has been left alone
        DropFolder.Listing during = drop.list();
        Files.writeString(path, "<b>whole</b>");
        Files.setLastModifiedTime(path, FileTime.from(NOW.minusSeconds(5)));
        DropFolder.Listing after = drop.list();

        // Then it is counted as unsettled, and read whole later
        assertThat(during.complete()).isEmpty();
        assertThat(during.unsettled()).isEqualTo(1);
        assertThat(after.complete()).extracting(f -> new String(f.bytes())).containsExactly("<b>whole</b>");
    }

    @Test
    void shouldNeverReadAFileUnderATemporaryNameButReadItOnceRenamed() throws IOException {
        // Given files under the names uploaders use on their way, however old
        DropFolder drop = folder();
        Path partial = write("c.xml.part", "<c/>", NOW.minusSeconds(60));
        write(".d.xml", "<d/>", NOW.minusSeconds(60));
        write("e.xml.tmp", "<e/>", NOW.minusSeconds(60));
        write("f.xml.filepart", "<f/>", NOW.minusSeconds(60));

        // When the folder is listed, then the first is renamed to its final name and it is listed again
        DropFolder.Listing before = drop.list();
        Files.move(partial, dir.resolve("c.xml"));
        DropFolder.Listing after = drop.list();

        // Then none is read before, and the renamed one after
        assertThat(before.complete()).isEmpty();
        assertThat(before.unsettled()).isZero();
        assertThat(after.complete()).extracting(f -> f.path().getFileName().toString()).containsExactly("c.xml");
    }

    @Test
    void shouldMoveAReadFileToDoneAndSkipFilesOverTheLimitWithAProblem() throws IOException {
        // Given a complete file and one larger than the limit
        DropFolder drop = folder();
        write("g.xml", "<g/>", NOW.minusSeconds(60));
        write("huge.xml", "x".repeat(2000), NOW.minusSeconds(60));

        // When the folder is listed and the file moved to done/ once read
        DropFolder.Listing listing = drop.list();
        listing.complete().forEach(file -> done(drop, file, true));

        // Then it is in done/ and not in the folder, and the large one is named as a problem
        assertThat(dir.resolve("done/g.xml")).hasContent("<g/>");
        assertThat(dir.resolve("g.xml")).doesNotExist();
        assertThat(listing.problems()).singleElement().asString().contains("huge.xml", "1024");
        assertThat(drop.list().complete()).isEmpty();
    }

    @Test
    void shouldSayAMissingFolderIsMissing() {
        // Given a folder that does not exist
        DropFolder missing = new DropFolder(dir.resolve("nope"), SETTLE, 1024, Clock.systemUTC());

        // When it is listed, Then the problem names it
        assertThatThrownBy(missing::list).isInstanceOf(IOException.class).hasMessageContaining("nope");
    }

    private static void done(DropFolder drop, DropFolder.File file, boolean move) {
        try {
            drop.done(file, move);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
