package io.wirestream.bench;

import io.wirestream.dispatch.RawDispatch;
import io.wirestream.format.FormatParser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The same inputs as {@link FormatParserBenchmark}, timed by the CPU clock of the parsing thread instead of the
 * wall clock. On a shared machine the wall clock also counts the time other processes hold the core; the thread's
 * CPU time mostly does not, so this table moves less with the load (caches and JIT threads still compete). Prints a
 * Markdown table: per format the least and the median of the rounds, in microseconds per parse. Run with:
 * <pre>mvn -B -Pbench -pl stream-app -am verify -DskipTests -Dbench.main=io.wirestream.bench.FormatParserCpuTime
 *     -Dbench.args="20 10"</pre> (seconds of warm-up per format, rounds of 5,000 parses).
 */
public final class FormatParserCpuTime {

    private static final Instant RECEIVED = Instant.parse("2021-02-06T23:10:00Z");
    private static final int PARSES_PER_ROUND = 5_000;
    private static final List<String> FORMATS = List.of("yonhap-text", "iptc7901", "anpa1312", "newsml-g2", "nitf",
            "ninjs", "rss", "atom");

    private FormatParserCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        long warmUpNanos = (args.length > 0 ? Long.parseLong(args[0]) : 20) * 1_000_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        FormatParser parser = new FormatParser();
        StringBuilder table = new StringBuilder("| format | bytes | least µs | median µs |\n|---|---|---|---|\n");
        for (String format : FORMATS) {
            byte[] bytes = FormatParserBenchmark.input(format);
            RawDispatch raw = RawDispatch.of(bytes, RECEIVED);
            for (long end = System.nanoTime() + warmUpNanos; System.nanoTime() < end;) {
                parser.parseAll(raw, null);
            }
            double[] perParse = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < PARSES_PER_ROUND; i++) {
                    parser.parseAll(raw, null);
                }
                perParse[round] = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / PARSES_PER_ROUND;
            }
            Arrays.sort(perParse);
            table.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f |%n", format, bytes.length, perParse[0],
                    perParse[rounds / 2]));
        }
        System.out.print(table);
    }
}
