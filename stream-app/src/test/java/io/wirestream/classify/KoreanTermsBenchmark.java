package io.wirestream.classify;

import io.wirestream.bench.KoreanBenchmarkCorpus;
import io.wirestream.schema.Dispatch;
import java.util.ArrayList;
import java.util.List;
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
 * The Korean analysis of one 2 KB Korean dispatch alone: every run of Hangul and Hanja through Lucene's Korean
 * analyzer, {@code memo} as the classifier does it (each run's words remembered) and {@code nori} without the
 * memory, i.e. what a dispatch of words never seen before costs. Beside {@code KoreanClassifierBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class KoreanTermsBenchmark {

    private static final int DISPATCHES = 64;

    @Param({"memo", "nori"})
    public String analysis;

    private List<List<String>> runs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        runs = new ArrayList<>();
        for (Dispatch dispatch : KoreanBenchmarkCorpus.dispatches(DISPATCHES, 2 * 1024)) {
            List<String> of = new ArrayList<>();
            runs(dispatch.getHeadline(), of);
            dispatch.getParagraphs().forEach(p -> runs(p, of));
            runs.add(of);
        }
    }

    @Benchmark
    public int analyze() {
        int words = 0;
        boolean memo = analysis.equals("memo");
        for (String run : runs.get(next++ & (DISPATCHES - 1))) {
            words += (memo ? KoreanTerms.DEFAULT.words(run) : KoreanTerms.DEFAULT.analyzeUncached(run)).size();
        }
        return words;
    }

    private static void runs(String text, List<String> out) {
        int i = 0;
        while (i < text.length()) {
            if (!WireTerms.isKorean(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && WireTerms.isKorean(text.charAt(i))) {
                i++;
            }
            out.add(text.substring(start, i));
        }
    }
}
