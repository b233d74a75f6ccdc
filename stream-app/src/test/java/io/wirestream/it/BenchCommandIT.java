package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.bench.BenchReport;
import io.wirestream.embedded.ChildProcesses;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wirestream bench} as a user runs it, from the jar, in a tiny configuration so that it stays quick: every
 * run measured with positive numbers, the table printed, the report section and the chart written where asked.
 */
class BenchCommandIT {

    private static final List<String> THROUGHPUT_ROWS = List.of("limit: copy, exactly-once",
            "limit: copy, at-least-once", "limit: copy, exactly-once, again", "pipeline, exactly-once",
            "pipeline, at-least-once", "pipeline, exactly-once, +100 alerts",
            "floor: Kafka Streams copy, exactly-once, no store", "floor: Kafka Streams copy, exactly-once, 1 store",
            "floor: Kafka Streams copy, exactly-once, 2 stores", "floor: Kafka Streams copy, at-least-once, no store",
            "floor: Kafka Streams copy, at-least-once, 2 stores");

    @TempDir
    Path dir;

    @Test
    void shouldMeasureEveryRunAndWriteTheReportSectionAndChart() throws Exception {
        Path report = dir.resolve("docs").resolve("benchmarks.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "# Benchmarks\n\nWritten by hand.\n");
        // Commits every 200 ms instead of every 30 s under at-least-once: the bench waits for the last commit.
        Path config = dir.resolve("quick.properties");
        Files.writeString(config, "kafka.commit.interval.ms=200\n");
        Process bench = new ProcessBuilder(ChildProcesses.javaBinary(), "-jar", Path.of("target", "wirestream.jar").toString(),
                "bench", "--count", "300", "--rates", "100,1000", "--warmup", "1s", "--latency-duration", "2s",
                "--round-trips", "200", "--alerts", "100", "--floors", "--config", config.toString(), "--report",
                report.toString(), "--note", "Tiny run of BenchCommandIT.")
                .redirectErrorStream(true).redirectOutput(dir.resolve("bench.log").toFile()).start();
        boolean finished = bench.waitFor(8, TimeUnit.MINUTES);
        if (!finished) {
            bench.destroyForcibly();
        }
        String output = Files.readString(dir.resolve("bench.log"), StandardCharsets.UTF_8);
        assertThat(finished).as("finished within eight minutes; output:\n%s", output).isTrue();
        assertThat(bench.exitValue()).as("exit code; output:\n%s", output).isZero();

        String markdown = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(markdown).startsWith("# Benchmarks\n\nWritten by hand.\n").contains(BenchReport.BEGIN)
                .contains(BenchReport.END).contains("Tiny run of BenchCommandIT.")
                .contains("![throughput and latency](benchmarks.png)");
        for (String row : THROUGHPUT_ROWS) {
            String[] cells = row(markdown, row);
            for (int c = 1; c <= 4; c++) {
                assertThat(number(cells[c])).as("rate or ratio to the limit of %s", row).isPositive();
            }
            if (row.startsWith("pipeline")) {
                for (int c = 5; c <= 7; c++) {
                    assertThat(cells[c]).as("memory of %s", row).endsWith(" MB");
                    assertThat(number(cells[c])).as("memory of %s", row).isPositive();
                }
            }
        }
        for (String guarantee : List.of("exactly-once", "at-least-once")) {
            for (String rate : List.of("100/s", "1,000/s")) {
                String[] cells = row(markdown, "pipeline, " + guarantee + " | " + rate);
                for (int c = 2; c <= 4; c++) {
                    assertThat(number(cells[c])).as("latency percentile of %s at %s", guarantee, rate).isPositive();
                }
                assertThat(cells[5]).doesNotContain("missing");
            }
        }
        String[] roundTrip = row(markdown, "limit: Kafka EndToEndLatency,");
        assertThat(number(roundTrip[4])).isPositive(); // p99.9; the median can round to 0 ms
        assertThat(output).contains("pipeline, exactly-once, +100 alerts").contains("goal");

        BufferedImage chart = ImageIO.read(report.resolveSibling("benchmarks.png").toFile());
        assertThat(chart).isNotNull();
        assertThat(chart.getWidth()).isGreaterThan(chart.getHeight());
    }

    /**
     * The cells of the Markdown table row that starts with {@code start}, first cell first: a whole first cell, or
     * one ending in a comma for a prefix of it.
     */
    private static String[] row(String markdown, String start) {
        String prefix = "| " + start + (start.endsWith(",") ? "" : " |");
        String line = markdown.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + start + "' in:\n" + markdown));
        return line.substring(2, line.length() - 2).split(" \\| ", -1);
    }

    private static double number(String cell) {
        String digits = cell.replaceAll("[^0-9.]", "");
        assertThat(digits).as("a number in '%s'", cell).isNotEmpty();
        return Double.parseDouble(digits);
    }

}
