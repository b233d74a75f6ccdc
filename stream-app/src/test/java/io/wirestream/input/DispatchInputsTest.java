package io.wirestream.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DispatchInputsTest {

    @TempDir
    Path dir;

    private final List<InputRecord> records = new ArrayList<>();

    @Test
    void shouldReportABadLineOfAJsonLinesFileAloneAndKeepTheOthers() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write("\uFEFF{\"id\":\"1\",\"text\":\"one\"}\n".getBytes(StandardCharsets.UTF_8));
        file.write(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'});
        file.write("{\"id\":\"3\",\"text\":\"three\"}\r\n{\"id\":\"4\",\"text\":\"\\ud800\"}\n".getBytes(StandardCharsets.UTF_8));
        file.write("{\"id\":\"5\",\"text_base64\":\"!!!SGVsbG8K\"}".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("feed.jsonl"), file.toByteArray());

        read(List.of(dir.resolve("feed.jsonl")), 1024);

        assertThat(records).extracting(InputRecord::id).containsExactly("1", null, "3", "4", "5");
        assertThat(new String(records.get(0).bytes(), StandardCharsets.UTF_8)).isEqualTo("one");
        assertThat(records.get(1).error()).contains("not valid UTF-8");
        assertThat(records.get(1).origin()).endsWith("feed.jsonl:2");
        assertThat(records.get(2).readable()).isTrue();
        assertThat(records.get(3).error()).contains("unpaired surrogate");
        assertThat(records.get(4).error()).contains("not Base64");
    }

    @Test
    void shouldReadNoMoreThanOneByteBeyondTheLimit() throws IOException {
        Files.write(dir.resolve("big.txt"), new byte[10_000]);
        read(List.of(dir.resolve("big.txt")), 100);
        assertThat(records).singleElement().satisfies(r -> assertThat(r.bytes()).hasSize(101));
    }

    @Test
    void shouldReadStdinWhereverTheDashStands() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "file");
        InputStream stdin = new ByteArrayInputStream("piped".getBytes(StandardCharsets.UTF_8));
        new DispatchInputs(null, 1024).read(List.of(dir.resolve("a.txt"), DispatchInputs.STDIN), stdin, false,
                records::add);
        assertThat(records).extracting(InputRecord::origin).containsExactly(dir.resolve("a.txt").toString(), "stdin");
        assertThat(new String(records.get(1).bytes(), StandardCharsets.UTF_8)).isEqualTo("piped");
    }

    @Test
    void shouldReadGzippedFilesAndZipAndTarArchives() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("a.txt"), "Headline A\nSEOUL -- Text.\n(END)");
        Files.writeString(src.resolve("b.jsonl"), "{\"id\":\"b1\",\"text\":\"Headline B\"}\n{\"id\":\"b2\",\"text\":\"x\"}\n");
        Files.writeString(src.resolve("notes.md"), "not a dispatch");
        try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(dir.resolve("c.txt.gz")))) {
            gz.write("Headline C\nSEOUL -- Text.\n(END)".getBytes(StandardCharsets.UTF_8));
        }
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(dir.resolve("d.zip")))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("inner/d.txt"));
            zip.write("Headline D\nSEOUL -- Text.\n(END)".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("skip.md"));
            zip.write("skip".getBytes(StandardCharsets.UTF_8));
        }
        Process tar = new ProcessBuilder("tar", "-czf", dir.resolve("e.tar.gz").toString(), "-C", src.toString(),
                "a.txt", "b.jsonl", "notes.md").start();
        org.junit.jupiter.api.Assumptions.assumeTrue(tar.waitFor() == 0, "skipped: no tar command to build an archive");

        read(List.of(dir.resolve("c.txt.gz"), dir.resolve("d.zip"), dir.resolve("e.tar.gz")), 1024);

        assertThat(records).extracting(InputRecord::origin).containsExactly(
                dir.resolve("c.txt.gz").toString(), dir.resolve("d.zip") + "!inner/d.txt",
                dir.resolve("e.tar.gz") + "!a.txt", dir.resolve("e.tar.gz") + "!b.jsonl:1",
                dir.resolve("e.tar.gz") + "!b.jsonl:2");
        assertThat(records).allSatisfy(r -> assertThat(r.readable()).isTrue());
        assertThat(new String(records.get(0).bytes(), StandardCharsets.UTF_8)).startsWith("Headline C");
        assertThat(records.get(3).id()).isEqualTo("b1");
    }

    private void read(List<Path> paths, int maxBytes) {
        new DispatchInputs(null, maxBytes).read(paths, InputStream.nullInputStream(), false, records::add);
    }
}
