package io.wirestream.bench;

import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.testing.SharedFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
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
 * Time to parse one dispatch on one thread. {@code seed} is the real dispatch in {@code ../shared/seed}
 * (2.7 KB, ten paragraphs and ten related headlines) when it is beside the checkout, else the bundled
 * stand-in of the same shape; {@code crlf} is the same text with CRLF endings and padded lines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParserBenchmark {

    private static final Instant RECEIVED = Instant.parse("2021-02-06T23:10:00Z");

    @Param({"seed", "crlf"})
    public String input;

    private final DispatchParser parser = new DispatchParser();
    private byte[] bytes;

    @Setup(Level.Trial)
    public void load() throws IOException {
        String text = seedText();
        if (input.equals("crlf")) {
            text = text.replace("\n", "  \r\n");
        }
        bytes = text.getBytes(StandardCharsets.UTF_8);
        if (!(parser.parse(RawDispatch.of(bytes, RECEIVED)) instanceof ParseResult.Parsed)) {
            throw new IllegalStateException("benchmark input does not parse");
        }
    }

    @Benchmark
    public ParseResult parse() {
        return parser.parse(RawDispatch.of(bytes, RECEIVED));
    }

    static String seedText() throws IOException {
        if (SharedFixtures.sharedDir() != null) {
            return Files.readString(SharedFixtures.seed());
        }
        try (InputStream in = ParserBenchmark.class.getResourceAsStream("/bench/seed-standin.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
