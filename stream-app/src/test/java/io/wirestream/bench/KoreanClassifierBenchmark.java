package io.wirestream.bench;

import io.wirestream.classify.Classification;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RuleSet;
import io.wirestream.classify.RulesLoader;
import io.wirestream.schema.Dispatch;
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
 * Time to classify one 2 KB Korean dispatch (UTF-8) on one thread with the bundled rules, Korean analysis
 * included: the Korean analyzer's words of each run of Hangul, remembered as the pipeline remembers them, then the
 * Korean rules, and the learned Korean model the rules count ({@code model} {@code on}; {@code off} times the rules
 * alone, side by side). Dispatches are parsed beforehand. {@code io.wirestream.classify.KoreanTermsBenchmark} times the
 * analysis without the memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class KoreanClassifierBenchmark {

    private static final int DISPATCHES = 64;

    /** With the bundled learned model ({@code on}) or the same rules without it ({@code off}). */
    @Param({"on", "off"})
    public String model;

    private List<Dispatch> dispatches;
    private RuleClassifier classifier;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        dispatches = KoreanBenchmarkCorpus.dispatches(DISPATCHES, 2 * 1024);
        RuleSet rules = RulesLoader.loadDefault();
        classifier = new RuleClassifier("on".equals(model) ? rules
                : new RuleSet(rules.subjects(), rules.source(), rules.digest()));
    }

    @Benchmark
    public Classification classify() {
        return classifier.classify(dispatches.get(next++ & (DISPATCHES - 1)));
    }
}
