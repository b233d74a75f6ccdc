package io.wirestream.bench;

import io.wirestream.classify.RoutingRecords;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RulesLoader;
import io.wirestream.registry.AvroSerdes;
import io.wirestream.registry.InMemorySchemaRegistry;
import io.wirestream.registry.RegistryConfig;
import io.wirestream.schema.Dispatch;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to write one routed {@code Dispatch} of about 3 KB in the Confluent wire format with our serde, as the
 * pipeline does for each outcome, and to read it back, as a consumer does. The registry is the in-memory one: after
 * the first record the serde makes no registry call, so this is the Avro work alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.wirestream.schema")
public class AvroSerdeBenchmark {

    private static final String SCOPE = "avro-serde-benchmark";
    private static final int DISPATCHES = 64;

    private List<Dispatch> dispatches;
    private byte[][] serialized;
    private Serializer<Dispatch> serializer;
    private Deserializer<Dispatch> deserializer;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        dispatches = BenchmarkCorpus.dispatches(DISPATCHES, 3 * 1024);
        RuleClassifier classifier = new RuleClassifier(RulesLoader.loadDefault());
        for (Dispatch dispatch : dispatches) {
            dispatch.setRouting(RoutingRecords.toAvro(classifier.classify(dispatch), classifier.ruleSet()));
        }
        Serde<Dispatch> serde = new AvroSerdes(Map.of(RegistryConfig.URL, "mock://" + SCOPE))
                .valueSerde(Dispatch.class);
        serializer = serde.serializer();
        deserializer = serde.deserializer();
        serialized = new byte[DISPATCHES][];
        for (int i = 0; i < DISPATCHES; i++) {
            serialized[i] = serializer.serialize("alliance", dispatches.get(i));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        InMemorySchemaRegistry.drop(SCOPE);
    }

    @Benchmark
    public byte[] serialize() {
        return serializer.serialize("alliance", dispatches.get(next++ & (DISPATCHES - 1)));
    }

    @Benchmark
    public Dispatch deserialize() {
        return deserializer.deserialize("alliance", serialized[next++ & (DISPATCHES - 1)]);
    }
}
