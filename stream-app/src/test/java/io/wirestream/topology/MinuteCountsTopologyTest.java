package io.wirestream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The counting topology of {@code wirestream dashboard} on its own: it reads the pipeline's outputs, whatever is in
 * them, and counts records by topic and wall-clock minute.
 */
class MinuteCountsTopologyTest {

    private static final Instant START = Instant.parse("2026-11-27T09:00:00Z");

    private TopologyTestDriver driver;

    @BeforeEach
    void startDriver() {
        Topology counting = MinuteCounts.addTo(new Topology(), List.of("north-korea", "unrouted", "raw-feed.dlq"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "counts-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(counting, props, START);
    }

    @AfterEach
    void stopDriver() {
        driver.close();
    }

    @Test
    void shouldCountEachTopicsRecordsPerWallClockMinuteWhateverTheirTime() {
        send("north-korea", Instant.parse("2020-01-01T00:00:00Z"));
        send("unrouted", START);
        driver.advanceWallClockTime(Duration.ofSeconds(90));
        send("north-korea", START);
        send("north-korea", START.plus(Duration.ofDays(1)));
        send("raw-feed.dlq", START);

        Map<String, Map<Instant, Long>> counts = MinuteCounts.query(driver.getWindowStore(MinuteCounts.STORE), START,
                START.plus(Duration.ofMinutes(5)));

        assertThat(counts.get("north-korea")).containsExactly(Map.entry(START, 1L),
                Map.entry(START.plus(Duration.ofMinutes(1)), 2L));
        assertThat(counts.get("unrouted")).containsExactly(Map.entry(START, 1L));
        assertThat(counts.get("raw-feed.dlq")).containsExactly(Map.entry(START.plus(Duration.ofMinutes(1)), 1L));
    }

    @Test
    void shouldAnswerOnlyForTheMinutesAsked() {
        send("unrouted", START);
        driver.advanceWallClockTime(Duration.ofMinutes(10));
        send("unrouted", START);

        Map<String, Map<Instant, Long>> counts = MinuteCounts.query(driver.getWindowStore(MinuteCounts.STORE),
                START.plus(Duration.ofMinutes(5)), START.plus(Duration.ofMinutes(15)));

        assertThat(counts.get("unrouted")).containsExactly(Map.entry(START.plus(Duration.ofMinutes(10)), 1L));
    }

    @Test
    void shouldDescribeItselfLikeTheDesign() {
        String description = MinuteCounts.addTo(new Topology(), List.of("unrouted")).describe().toString();

        assertThat(description).contains("Source: read-outputs (topics: [unrouted])",
                "Processor: count-per-minute (stores: [dispatches-per-minute])");
    }

    private void send(String topic, Instant recordTime) {
        TestInputTopic<byte[], byte[]> input = driver.createInputTopic(topic, new ByteArraySerializer(),
                new ByteArraySerializer());
        input.pipeInput(null, "anything".getBytes(StandardCharsets.UTF_8), recordTime);
    }
}
