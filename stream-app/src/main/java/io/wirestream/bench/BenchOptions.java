package io.wirestream.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code wirestream bench} measures and where.
 *
 * @param bootstrapServers  a Kafka cluster to use; null: an embedded broker
 * @param registryUrl       a schema registry to use; null: an embedded one
 * @param config            a properties file for the pipeline and the copy, as {@code run --config}; may be null
 * @param rules             the pipeline's rules file; null: the bundled rules
 * @param count             dispatches in the throughput runs
 * @param partitions        partitions of every topic the bench creates
 * @param seed              of the generated dispatches
 * @param rates             dispatches per second of the latency runs
 * @param warmup            of each latency run, not counted
 * @param latencyDuration   counted part of each latency run
 * @param roundTrips        records of Kafka's own latency tool
 * @param alerts            extra alert queries of the rules run
 * @param floors            also measure Kafka Streams copies (no store, one, two): the floor of any Streams design
 * @param report            the Markdown file to write the results into; null: none
 * @param chart             the PNG chart; null: none
 * @param note              said of the machine in the report (e.g. "shared with other builds"); may be null
 * @param appJvmOptions     extra JVM options of the pipeline's and the copy's processes
 * @param appMainClass      the main class of the {@code wirestream} command line, which runs the pipeline
 */
public record BenchOptions(String bootstrapServers, String registryUrl, Path config, Path rules, int count,
        int partitions, long seed, List<Integer> rates, Duration warmup, Duration latencyDuration, int roundTrips,
        int alerts, boolean floors, Path report, Path chart, String note, List<String> appJvmOptions, String appMainClass) {

    public BenchOptions {
        rates = List.copyOf(rates);
        appJvmOptions = List.copyOf(appJvmOptions);
        if (count < 1 || partitions < 1 || roundTrips < 1 || alerts < 0) {
            throw new IllegalArgumentException("count, partitions and round trips must be positive, alerts not negative");
        }
        if (rates.isEmpty() || rates.stream().anyMatch(r -> r < 1)) {
            throw new IllegalArgumentException("rates must be positive");
        }
    }
}
