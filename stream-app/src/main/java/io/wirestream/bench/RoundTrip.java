package io.wirestream.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broker's own latency floor: Kafka's {@code org.apache.kafka.tools.EndToEndLatency}, run as it ships, in a
 * child process. It sends one record at a time (acks=all, no linger) and times until its consumer (no wait on
 * fetches) reads it back, then sends the next; it prints its percentiles in whole milliseconds.
 */
final class RoundTrip {

    private static final Pattern AVERAGE = Pattern.compile("Avg latency: ([0-9.]+) ms");
    private static final Pattern PERCENTILES = Pattern.compile(
            "Percentiles: 50th = (\\d+), 99th = (\\d+), 99\\.9th = (\\d+)");

    private final Map<String, Object> client;
    private final Path work;

    RoundTrip(Map<String, Object> client, Path work) {
        this.client = client;
        this.work = work;
    }

    BenchResults.RoundTrip measure(String topic, int records, int recordSize) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--bootstrap-server", (String) client.get("bootstrap.servers"),
                "--topic", topic, "--num-records", Integer.toString(records), "--producer-acks", "all",
                "--record-size", Integer.toString(recordSize)));
        if (client.size() > 1) {
            // Security and other client settings (kafka.* in the config file) reach the tool's clients too.
            Path config = work.resolve("round-trip.properties");
            Properties properties = new Properties();
            client.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
            try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                properties.store(writer, null);
            }
            args.add("--command-config");
            args.add(config.toString());
        }
        List<String> output;
        try (JavaProcess tool = JavaProcess.start("round-trip", List.of(), "org.apache.kafka.tools.EndToEndLatency",
                args, work)) {
            output = tool.awaitExit(Duration.ofSeconds(120 + records / 50));
        }
        String all = String.join("\n", output);
        Matcher average = AVERAGE.matcher(all);
        Matcher percentiles = PERCENTILES.matcher(all);
        if (!average.find() || !percentiles.find()) {
            throw new IllegalStateException("EndToEndLatency printed no result:\n" + all);
        }
        return new BenchResults.RoundTrip(records, recordSize, Double.parseDouble(average.group(1)),
                Double.parseDouble(percentiles.group(1)), Double.parseDouble(percentiles.group(2)),
                Double.parseDouble(percentiles.group(3)));
    }
}
