package io.wirestream.bench;

import io.wirestream.dispatch.RawDispatch;
import io.wirestream.format.FormatParser;
import io.wirestream.format.ParsedDocument;
import io.wirestream.format.SeedTemplates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to read one story through the format layer, sniffing included, on one thread: the seed story (2.7 KB of
 * text) in each format, rendered by hand as the templates {@code formats/<format>/00-seed.*.template} and filled
 * with it (1.9 to 3.4 KB); yonhap-text is the seed itself, or its bundled stand-in, as in {@link ParserBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FormatParserBenchmark {

    private static final Instant RECEIVED = Instant.parse("2021-02-06T23:10:00Z");
    static final Map<String, String> FIXTURES = Map.of(
            "iptc7901", "iptc7901/00-seed.txt",
            "anpa1312", "anpa1312/00-seed.txt",
            "newsml-g2", "newsml-g2/00-seed.xml",
            "nitf", "nitf/00-seed.nitf",
            "ninjs", "ninjs/00-seed.json",
            "rss", "rss/00-seed.rss",
            "atom", "atom/00-seed.atom");

    @Param({"yonhap-text", "iptc7901", "anpa1312", "newsml-g2", "nitf", "ninjs", "rss", "atom"})
    public String format;

    private final FormatParser parser = new FormatParser();
    private byte[] bytes;

    @Setup(Level.Trial)
    public void load() throws IOException {
        bytes = input(format);
        ParsedDocument document = parser.parseAll(RawDispatch.of(bytes, RECEIVED), null);
        if (document.format() == null || !document.format().id().equals(format) || document.dispatches().size() != 1) {
            throw new IllegalStateException("benchmark input does not read as one " + format + " story");
        }
    }

    @Benchmark
    public ParsedDocument parseAll() {
        return parser.parseAll(RawDispatch.of(bytes, RECEIVED), null);
    }

    /** The seed story (or its stand-in) in {@code format}: the format's seed template filled with it. */
    static byte[] input(String format) throws IOException {
        String story = ParserBenchmark.seedText();
        return format.equals("yonhap-text") ? story.getBytes(StandardCharsets.UTF_8)
                : SeedTemplates.of(story, RECEIVED).render(FIXTURES.get(format));
    }
}
