package io.wirestream.bench;

import java.util.List;

/** What one run of the bench measured. */
record BenchResults(Machine machine, BenchOptions options, Input input, List<Throughput> limits,
        List<Throughput> floors, List<Throughput> pipelines, List<Latency> latencies, RoundTrip roundTrip) {

    /** The generated input: how many dispatches, their sizes, how fast the broker took them. */
    record Input(int count, double meanBytes, int minBytes, int maxBytes, double loadedPerSecond) {
    }

    /**
     * One throughput run.
     *
     * @param name       e.g. {@code pipeline, exactly-once}
     * @param guarantee  {@code exactly_once_v2} or {@code at_least_once}
     * @param alerts     extra alert queries (0: the bundled rules alone)
     * @param memory     of the app's process; null for the copies
     */
    record Throughput(String name, String guarantee, int alerts, long records, double seconds,
            double secondHalfSeconds, MemoryProbe.Memory memory) {

        /** Over the whole run, from a cold start. */
        double perSecond() {
            return records / seconds;
        }

        /** Over the second half of the input, warm. */
        double secondHalfPerSecond() {
            return records / 2.0 / secondHalfSeconds;
        }
    }

    /** One latency run: percentiles in milliseconds. */
    record Latency(String guarantee, int rate, int samples, long missing, double p50, double p99, double p999) {
    }

    /** Kafka's EndToEndLatency: serial round trips of records of {@code recordSize} bytes; milliseconds. */
    record RoundTrip(int records, int recordSize, double average, double p50, double p99, double p999) {
    }

    /** The mean rate of the copy runs with {@code guarantee}. */
    double limit(String guarantee) {
        return limits.stream().filter(l -> l.guarantee().equals(guarantee)).mapToDouble(Throughput::perSecond)
                .average().orElse(Double.NaN);
    }

    /** The mean second-half rate of the copy runs with {@code guarantee}. */
    double secondHalfLimit(String guarantee) {
        return limits.stream().filter(l -> l.guarantee().equals(guarantee))
                .mapToDouble(Throughput::secondHalfPerSecond).average().orElse(Double.NaN);
    }
}
