package io.wirestream.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.embedded.EmbeddedKafka;
import io.wirestream.embedded.Ports;
import io.wirestream.replay.Rate;
import io.wirestream.replay.Replayer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Replay's throughput into the input topic beside Kafka's own producer benchmark ({@code ProducerPerformance}),
 * in one run on one embedded broker: the same generated 3 KB dispatches, the same partitions, acks=all and an
 * idempotent producer on both sides. Prints a table. Run with:
 * <pre>mvn -B -Pbench -pl stream-app -am verify -DskipTests -Dbench.main=io.wirestream.bench.ReplayThroughput
 *     -Dbench.args="50000 4"</pre> (dispatches per run, reported rounds after one warm-up round).
 */
public final class ReplayThroughput {

    private static final String DELIMITER = "\u0001\u0001";

    private ReplayThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("wirestream-replay-bench");
        List<String> texts = dispatches(count, 3 * 1024, 42);
        Path jsonl = dir.resolve("feed.jsonl");
        Path payloads = dir.resolve("payloads.txt");
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (String text : texts) {
            lines.add(json.writeValueAsString(Map.of("text", text, "received_at", "2024-06-01T00:00:00Z")));
        }
        Files.write(jsonl, lines);
        Files.writeString(payloads, String.join(DELIMITER, texts));
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), "127.0.0.1", Ports.freePort(), Ports.freePort())) {
            List<String[]> rows = new ArrayList<>();
            // Round 0 warms up both sides (the JIT, the broker's page cache) and is not reported.
            for (int round = 0; round <= rounds; round++) {
                String perfTopic = "perf-" + round;
                String replayTopic = "replay-" + round;
                createTopics(kafka.bootstrapServers(), perfTopic, replayTopic);
                double perf = producerPerformance(kafka.bootstrapServers(), perfTopic, payloads, count);
                long started = System.nanoTime();
                Replayer.Summary summary = new Replayer(new Replayer.Options(replayTopic, Rate.MAX, null, null, null,
                        false, 1 << 20, null)).run(List.of(jsonl), null, Map.of("bootstrap.servers", kafka.bootstrapServers()),
                        new PrintWriter(new StringWriter()), false);
                double replay = summary.sent() / ((System.nanoTime() - started) / 1e9);
                if (round == 0) {
                    continue;
                }
                rows.add(new String[] {Integer.toString(round), String.format(Locale.ROOT, "%,.0f", perf),
                    String.format(Locale.ROOT, "%,.0f", replay), String.format(Locale.ROOT, "%.2f", replay / perf)});
            }
            System.out.printf("%n%d dispatches of ~3 KB per run, 3 partitions, acks=all, idempotent producers%n", count);
            System.out.printf("%-6s %22s %18s %8s%n", "round", "ProducerPerformance/s", "wirestream replay/s", "ratio");
            for (String[] row : rows) {
                System.out.printf("%-6s %22s %18s %8s%n", (Object[]) row);
            }
        }
    }

    private static double producerPerformance(String bootstrap, String topic, Path payloads, int count) throws Exception {
        String classpath = System.getProperty("java.class.path");
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp", classpath,
                "org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records", Integer.toString(count),
                "--throughput", "-1", "--payload-file", payloads.toString(), "--payload-delimiter", DELIMITER,
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true",
                "linger.ms=10", "batch.size=262144")
                .redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains("records sent")) {
                    last = line;
                }
            }
        }
        process.waitFor();
        Matcher m = Pattern.compile("([0-9.]+) records/sec").matcher(last == null ? "" : last);
        if (!m.find()) {
            throw new IllegalStateException("no result from ProducerPerformance: " + last);
        }
        return Double.parseDouble(m.group(1));
    }

    private static void createTopics(String bootstrap, String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (String topic : topics) {
                newTopics.add(new NewTopic(topic, 3, (short) 1).configs(Map.of("retention.ms", "-1")));
            }
            admin.createTopics(newTopics).all().get();
        }
    }

    /** Wire-style dispatches of about {@code bytes} each, varied by a fixed seed. */
    static List<String> dispatches(int count, int bytes, long seed) {
        Random random = new Random(seed);
        String[] subjects = {"N. Korea fires ballistic missile", "S. Korea, U.S. hold combined drills",
            "Defense ministry seeks budget increase", "Seoul shares close higher", "K-pop group tops chart",
            "Exports rise for third month"};
        String[] sentences = {"Officials said the move was expected to continue through the year.",
            "The ministry said in a statement that talks would resume next week.",
            "Analysts said the figures reflected strong demand for semiconductors.",
            "The Joint Chiefs of Staff said the military was on alert.",
            "Lawmakers called for a review of the plan at the National Assembly.",
            "The agency said it would release further details on Monday."};
        List<String> texts = new ArrayList<>(count);
        LocalDate start = LocalDate.of(2023, 1, 1);
        for (int i = 0; i < count; i++) {
            LocalDate date = start.plusDays(random.nextInt(730));
            StringBuilder text = new StringBuilder(bytes + 200).append(subjects[i % subjects.length]).append(' ')
                    .append(i).append("\nBy Kim Min-ji\nSEOUL, ")
                    .append(date.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT)).append(". ")
                    .append(date.getDayOfMonth()).append(" (Yonhap) -- ");
            while (text.length() < bytes) {
                text.append(sentences[random.nextInt(sentences.length)]).append(random.nextInt(3) == 0 ? "\n" : " ");
            }
            texts.add(text.append("\nmjkim@yna.co.kr\n(END)").toString());
        }
        return texts;
    }

}
