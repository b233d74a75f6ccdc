package io.wirestream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

    @TempDir
    Path dir;

    private final BenchResults results = results(10_000, 6_000, 90.0, 400L << 20);

    @Test
    void shouldReplaceOnlyItsOwnSectionOfTheReport() throws Exception {
        Path file = dir.resolve("benchmarks.md");
        Files.writeString(file, "# Benchmarks\n\nBefore.\n\n" + BenchReport.BEGIN + "\nold figures\n" + BenchReport.END
                + "\n\n## Parser\n\nAfter.\n");

        new BenchReport(results).writeInto(file, dir.resolve("benchmarks.png"));

        String written = Files.readString(file);
        assertThat(written).startsWith("# Benchmarks\n\nBefore.\n\n" + BenchReport.BEGIN).endsWith(BenchReport.END
                + "\n\n## Parser\n\nAfter.\n").doesNotContain("old figures").contains("![throughput and latency]"
                + "(benchmarks.png)");
        assertThat(written.indexOf(BenchReport.BEGIN)).isEqualTo(written.lastIndexOf(BenchReport.BEGIN));
    }

    @Test
    void shouldAppendTheSectionToAReportWithoutOneAndCreateAMissingReport() throws Exception {
        Path existing = dir.resolve("existing.md");
        Files.writeString(existing, "# Numbers\n\nKept.\n");
        new BenchReport(results).writeInto(existing, null);
        assertThat(Files.readString(existing)).startsWith("# Numbers\n\nKept.\n\n" + BenchReport.BEGIN)
                .doesNotContain("![");

        Path missing = dir.resolve("docs").resolve("new.md");
        new BenchReport(results).writeInto(missing, dir.resolve("charts").resolve("b.png"));
        assertThat(Files.readString(missing)).startsWith("# Benchmarks\n\n" + BenchReport.BEGIN)
                .contains("](../charts/b.png)");
    }

    @Test
    void shouldShowEachFloorBesideTheCopyOfItsGuaranteeAndTheOptionThatAskedForIt() {
        assertThat(new BenchReport(results).text())
                .containsPattern("floor: Kafka Streams copy, exactly-once, 2 stores\\s+2,500\\s+0.25\\s+2,500\\s+0.25");
        assertThat(new BenchReport(results).markdown(null)).contains("--alerts 10000 --floors`")
                .contains("| floor: Kafka Streams copy, exactly-once, 2 stores | 2,500 | 0.25 | 2,500 | 0.25 |");
    }

    @Test
    void shouldJudgeEachGoalFromTheMeasuredFigures() {
        String met = new BenchReport(results(10_000, 6_000, 90.0, 100L << 20)).text();
        assertThat(met).containsPattern("exactly-once, vs the copy\\s+≥ 0.50\\s+0.60\\s+met")
                .containsPattern("p99 latency at 1,000/s, exactly-once\\s+≤ 150 ms\\s+90 ms\\s+met")
                .containsPattern("p99 latency at 1,000/s, at-least-once\\s+≤ 30 ms\\s+20 ms\\s+met")
                .containsPattern("with 10,000 alerts vs without\\s+≥ 0.33\\s+0.50\\s+met")
                .containsPattern("steady-state heap.*≤ 256 MB\\s+100 MB\\s+met");

        String missed = new BenchReport(results(10_000, 4_000, 200.0, 400L << 20)).text();
        assertThat(missed).containsPattern("exactly-once, vs the copy\\s+≥ 0.50\\s+0.40\\s+MISSED")
                .containsPattern("p99 latency at 1,000/s, exactly-once\\s+≤ 150 ms\\s+200 ms\\s+MISSED")
                .containsPattern("steady-state heap.*≤ 256 MB\\s+400 MB\\s+MISSED");
    }

    /** 1,000 dispatches at {@code rate}, the second half as fast as the whole. */
    private static BenchResults.Throughput throughput(String name, String guarantee, int alerts, double rate,
            MemoryProbe.Memory memory) {
        return new BenchResults.Throughput(name, guarantee, alerts, 1_000, 1_000 / rate, 500 / rate, memory);
    }

    /** Fabricated figures: the copy at {@code limit}/s, the pipeline at {@code pipeline}/s, the alerts run at half. */
    private static BenchResults results(double limit, double pipeline, double p99, long heap) {
        MemoryProbe.Memory memory = new MemoryProbe.Memory(heap, heap * 2, heap * 3);
        BenchOptions options = new BenchOptions(null, null, null, null, 1_000, 3, 42, List.of(100, 1_000),
                Duration.ofSeconds(1), Duration.ofSeconds(2), 100, 10_000, true, null, null, "Noisy.", List.of(),
                "io.wirestream.cli.WirestreamCommand");
        return new BenchResults(new Machine(2, "Test CPU", 8L << 30, "JDK", "OS", 1.0, 2.0), options,
                new BenchResults.Input(1_000, 3_000, 2_100, 3_900, 5_000),
                List.of(throughput("limit: copy, exactly-once", Bench.EXACTLY_ONCE, 0, limit, null),
                    throughput("limit: copy, at-least-once", Bench.AT_LEAST_ONCE, 0, limit, null)),
                List.of(throughput("floor: Kafka Streams copy, exactly-once, 2 stores", Bench.EXACTLY_ONCE, 0,
                    limit / 4, null)),
                List.of(throughput("pipeline, exactly-once", Bench.EXACTLY_ONCE, 0, pipeline, memory),
                    throughput("pipeline, at-least-once", Bench.AT_LEAST_ONCE, 0, pipeline, memory),
                    throughput("pipeline, exactly-once, +10,000 alerts", Bench.EXACTLY_ONCE, 10_000, pipeline / 2,
                        memory)),
                List.of(new BenchResults.Latency(Bench.EXACTLY_ONCE, 1_000, 2_000, 0, 50, p99, p99 + 10),
                    new BenchResults.Latency(Bench.AT_LEAST_ONCE, 1_000, 2_000, 0, 5, 20, 25)),
                new BenchResults.RoundTrip(100, 3_000, 2.5, 2, 9, 15));
    }
}
