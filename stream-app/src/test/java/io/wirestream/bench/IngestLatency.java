package io.wirestream.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.wirestream.config.ConfigLoader;
import io.wirestream.config.Setting;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.embedded.EmbeddedKafka;
import io.wirestream.embedded.Ports;
import io.wirestream.ingest.Auth;
import io.wirestream.ingest.Ingester;
import io.wirestream.ingest.Source;
import io.wirestream.kafka.TopicReader;
import io.wirestream.runtime.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * From a feed change to the item on the input topic: a feed on loopback gains an item at a random moment of the
 * polling interval, and the time until a {@code read_committed} reader sees it on {@code raw-feed} is taken, per
 * interval. Prints a table. Run with:
 * <pre>mvn -B -Pbench -pl stream-app -am verify -DskipTests -Dbench.main=io.wirestream.bench.IngestLatency
 *     -Dbench.args="20"</pre> (changes per interval).
 */
public final class IngestLatency {

    private static final List<Duration> INTERVALS = List.of(Duration.ofSeconds(2), Duration.ofSeconds(10));

    private IngestLatency() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("wirestream-ingest-bench");
        WireMockServer feeds = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        feeds.start();
        Random random = new Random(42);
        List<String> rows = new ArrayList<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), "127.0.0.1", Ports.freePort(),
                Ports.freePort())) {
            for (Duration interval : INTERVALS) {
                String run = "s" + interval.toSeconds();
                WirestreamConfig config = ConfigLoader.load(Map.of(), Map.of(), Map.of(
                        Setting.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                        Setting.INPUT_TOPIC, "raw-feed-" + run,
                        Setting.INGEST_STATE_TOPIC, "ingest-state-" + run,
                        Setting.INGEST_ID, "latency-" + run));
                Topics.ensure(config.kafkaClientConfig(), List.of(config.topics().input(),
                        config.ingest().stateTopic()), Set.of(config.ingest().stateTopic()), Topics.Layout.partitions(3));
                rows.add(measure(config, feeds, interval, changes, random));
            }
        } finally {
            feeds.stop();
        }
        System.out.println();
        System.out.println("| interval | changes | median | p95 | max | bound (interval + 1 s) | within |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static String measure(WirestreamConfig config, WireMockServer feeds, Duration interval, int changes,
            Random random) throws Exception {
        String path = "/feed-" + interval.toSeconds() + ".rss";
        List<String> items = new ArrayList<>(List.of(item("seed-" + interval.toSeconds())));
        serve(feeds, path, items);
        Source source = new Source("latency", URI.create(feeds.baseUrl() + path), null, interval, null, Auth.NONE,
                false);
        List<Long> millis = new ArrayList<>();
        try (Ingester ingester = Ingester.open(config, List.of(source), Duration.ZERO);
                TopicReader reader = TopicReader.open(config.kafkaClientConfig(), "ingest-latency")) {
            reader.assign(List.of(config.topics().input()), TopicReader.Position.beginning());
            ingester.start();
            awaitKey(reader, "seed-" + interval.toSeconds(), interval.multipliedBy(10));
            for (int n = 0; n < changes; n++) {
                // The change falls anywhere in the polling cycle, as a real feed's would.
                Thread.sleep((long) (random.nextDouble() * interval.toMillis()));
                String guid = "item-" + interval.toSeconds() + "-" + n;
                items.add(item(guid));
                long changed = System.nanoTime();
                serve(feeds, path, items);
                awaitKey(reader, guid, interval.multipliedBy(10));
                millis.add((System.nanoTime() - changed) / 1_000_000);
            }
        }
        millis.sort(Long::compare);
        long bound = interval.toMillis() + 1000;
        long within = millis.stream().filter(m -> m <= bound).count();
        return String.format(Locale.ROOT, "| %d s | %d | %.2f s | %.2f s | %.2f s | %.0f s | %d of %d |",
                interval.toSeconds(), changes, millis.get(millis.size() / 2) / 1000.0,
                millis.get((int) Math.ceil(millis.size() * 0.95) - 1) / 1000.0,
                millis.get(millis.size() - 1) / 1000.0, bound / 1000.0, within, millis.size());
    }

    private static void awaitKey(TopicReader reader, String key, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (var record : reader.poll(Duration.ofMillis(20))) {
                if (key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                    return;
                }
            }
        }
        throw new IllegalStateException(key + " did not arrive within " + timeout.toSeconds() + " s");
    }

    private static void serve(WireMockServer feeds, String path, List<String> items) {
        String feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Latency"
                + "</title><link>https://wire.example.org/</link><description>d</description>\n"
                + String.join("\n", items) + "\n</channel></rss>\n";
        feeds.stubFor(get(path).willReturn(ok(feed).withHeader("Content-Type", "application/rss+xml")));
    }

    private static String item(String guid) {
        return "<item><title>Story " + guid + "</title><guid isPermaLink=\"false\">" + guid + "</guid>"
                + "<description>SEOUL -- A story numbered " + guid + ".</description></item>";
    }
}
