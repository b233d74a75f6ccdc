package io.wirestream.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.classify.Classifier;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RulesLoader;
import io.wirestream.config.WirestreamConfig.EmbargoMode;
import io.wirestream.config.WirestreamConfig.Lifecycle;
import io.wirestream.format.FormatParser;
import io.wirestream.registry.AvroSerdes;
import io.wirestream.registry.InMemorySchemaRegistry;
import io.wirestream.registry.RegistryConfig;
import io.wirestream.schema.Dispatch;
import io.wirestream.testing.KeywordClassifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every route of the topology, on the test driver with the in-memory schema registry. The subjects are those of
 * the bundled rules, but decided by keyword: what is under test is delivery, not the rules (which have tests of
 * their own); one test routes with the bundled rules end to end.
 */
class RoutingTopologyTest {

    private static final String SCOPE = "routing-topology-test";
    private static final Classifier KEYWORDS = KeywordClassifier.of("alliance", "troops", "defense-cost", "cost",
            "north-korea", "missile");
    private static final Instant WALL_CLOCK = Instant.parse("2024-10-04T00:00:00Z");
    private static final String SMA = """
            S. Korea, U.S. agree on new defense cost-sharing deal
            By Kim Eun-jung
            WASHINGTON, Oct. 4 (Yonhap) -- South Korea and the United States agreed on a new Special Measures Agreement on the cost of keeping 28,500 U.S. troops here, officials said Friday.
            ejkim@yna.co.kr
            (END)
            """;
    private static final String KPOP = """
            K-pop group tops Billboard chart
            SEOUL, Oct. 4 (Yonhap) -- A K-pop group topped the Billboard 200 chart for the first time, its agency said.
            (END)
            """;
    private static final String FLASH = "(URGENT) N. Korea fires ballistic missile into East Sea: JCS\n(END)\n";

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> rawFeed;
    private Serde<Dispatch> dispatches;

    @BeforeEach
    void startDriver() {
        startDriver(RoutingConfig.of(TopicConfig.DEFAULTS), collaborators(KEYWORDS));
    }

    private void startDriver(RoutingConfig config, Collaborators collaborators) {
        if (driver != null) {
            driver.close();
        }
        Topology topology = RoutingTopology.build(config, collaborators);
        driver = new TopologyTestDriver(topology, props("routing-test"), WALL_CLOCK);
        rawFeed = driver.createInputTopic("raw-feed", new ByteArraySerializer(), new ByteArraySerializer());
    }

    private Collaborators collaborators(Classifier classifier) {
        AvroSerdes serdes = new AvroSerdes(Map.of(RegistryConfig.URL, "mock://" + SCOPE));
        dispatches = serdes.valueSerde(Dispatch.class);
        return Collaborators.of(new FormatParser(), classifier, serdes);
    }

    @AfterEach
    void stopDriver() {
        driver.close();
        InMemorySchemaRegistry.drop(SCOPE);
    }

    @Test
    void shouldRouteSmaStoryToAllianceAndDefenseCostWithTheStoryKeyAndPublishTime() {
        Classifier bundled = new RuleClassifier(RulesLoader.loadDefault());
        startDriver(RoutingConfig.of(TopicConfig.DEFAULTS), collaborators(bundled));
        Instant received = Instant.parse("2024-10-04T22:00:00Z");
        rawFeed.pipeInput(new TestRecord<>(null, bytes(SMA), headers("trace-id", "abc"), received));

        TestRecord<String, Dispatch> alliance = output("alliance").readRecord();
        TestRecord<String, Dispatch> cost = output("defense-cost").readRecord();
        assertThat(alliance.key()).isEqualTo(alliance.value().getStoryKey()).isEqualTo(cost.key());
        assertThat(alliance.value().getRouting().getSubjects()).containsExactly("alliance", "defense-cost");
        assertThat(alliance.value().getSource().getTopic()).isEqualTo("raw-feed");
        assertThat(alliance.getRecordTime()).isEqualTo(received);
        assertThat(header(alliance.headers().lastHeader("trace-id"))).isEqualTo("abc");
        assertThat(header(cost.headers().lastHeader("trace-id"))).isEqualTo("abc");
        assertThat(output("north-korea").isEmpty()).isTrue();
        assertThat(output("unrouted").isEmpty()).isTrue();
        assertThat(deadLetters().isEmpty()).isTrue();
    }

    @Test
    void shouldSendADispatchOfNoSubjectToUnroutedOnce() {
        rawFeed.pipeInput(new TestRecord<>(null, bytes(KPOP), headers(), Instant.parse("2024-10-04T03:00:00Z")));
        TestRecord<String, Dispatch> unrouted = output("unrouted").readRecord();
        assertThat(unrouted.value().getHeadline()).isEqualTo("K-pop group tops Billboard chart");
        assertThat(unrouted.value().getRouting().getSubjects()).isEmpty();
        assertThat(output("unrouted").isEmpty()).isTrue();
        assertThat(output("alliance").isEmpty()).isTrue();
    }

    @Test
    void shouldGiveEachItemOfAFeedRecordItsOwnOutcomeAndTheRecordAFormatByItsHeader() {
        // Given one RSS record of three items (a missile story, a K-pop story, an item with nothing in it)
        String feed = """
                <rss version="2.0"><channel><title>Wire</title>
                <item><title>N. Korea fires missile</title><guid>w-1</guid>
                <description>SEOUL, Oct. 4 (Yonhap) -- North Korea fired a missile on Friday.</description></item>
                <item><title>K-pop group tops Billboard chart</title><guid>w-2</guid>
                <description>SEOUL, Oct. 4 (Yonhap) -- A K-pop group topped the chart.</description></item>
                <item><guid>w-3</guid></item>
                </channel></rss>
                """;

        // When it arrives, and then a Yonhap text story whose header says it is ninjs
        rawFeed.pipeInput(new TestRecord<>(null, bytes(feed), headers(), Instant.parse("2024-10-04T03:00:00Z")));
        rawFeed.pipeInput(new TestRecord<>(null, bytes(KPOP), headers("wirestream.format", "ninjs"),
                Instant.parse("2024-10-04T03:00:00Z")));

        // Then every item has its fate, once
        Dispatch missile = output("north-korea").readValue();
        assertThat(missile.getGuid()).isEqualTo("w-1");
        assertThat(missile.getFormat()).isEqualTo("rss");
        assertThat(output("unrouted").readValue().getGuid()).isEqualTo("w-2");
        TestRecord<byte[], byte[]> empty = deadLetters().readRecord();
        assertThat(empty.value()).isEqualTo(bytes(feed));
        assertThat(header(empty.headers().lastHeader(DeadLetterHeaders.MESSAGE))).startsWith("item 3 of 3");
        // and the record the header names as ninjs is read as JSON, which it is not
        TestRecord<byte[], byte[]> notJson = deadLetters().readRecord();
        assertThat(header(notJson.headers().lastHeader(DeadLetterHeaders.REASON))).isEqualTo("MALFORMED_JSON");
        assertThat(output("north-korea").isEmpty()).isTrue();
        assertThat(output("unrouted").isEmpty()).isTrue();
        assertThat(deadLetters().isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterUnparseableInputWithItsOriginalBytesAndTheReason() {
        byte[] bad = {'H', 'i', '\n', (byte) 0x92, '\n'};
        rawFeed.pipeInput(new TestRecord<>("key-1".getBytes(StandardCharsets.UTF_8), bad, headers("trace-id", "x"),
                Instant.parse("2024-10-04T03:00:00Z")));

        TestRecord<byte[], byte[]> dead = deadLetters().readRecord();
        assertThat(dead.value()).isEqualTo(bad);
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("key-1");
        assertThat(header(dead.headers().lastHeader(DeadLetterHeaders.REASON))).isEqualTo("INVALID_UTF8");
        assertThat(header(dead.headers().lastHeader(DeadLetterHeaders.MESSAGE))).contains("0x92");
        assertThat(header(dead.headers().lastHeader(DeadLetterHeaders.EXCEPTION))).isEqualTo(DeadLetterHeaders.PARSE_FAILURE);
        assertThat(header(dead.headers().lastHeader(DeadLetterHeaders.TOPIC))).isEqualTo("raw-feed");
        assertThat(header(dead.headers().lastHeader(DeadLetterHeaders.PARTITION))).isEqualTo("0");
        assertThat(header(dead.headers().lastHeader(DeadLetterHeaders.OFFSET))).isEqualTo("0");
        assertThat(header(dead.headers().lastHeader("trace-id"))).isEqualTo("x");
        assertThat(output("unrouted").isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterATombstoneAsEmpty() {
        rawFeed.pipeInput(new TestRecord<>(null, null, headers(), Instant.parse("2024-10-04T03:00:00Z")));
        TestRecord<byte[], byte[]> dead = deadLetters().readRecord();
        assertThat(dead.value()).isNull();
        assertThat(header(dead.headers().lastHeader(DeadLetterHeaders.REASON))).isEqualTo("EMPTY");
    }

    @Test
    void shouldKeepTheInputTimeForAFlashWithoutADateAndGiveUpdatesOneKey() {
        Instant received = Instant.parse("2024-10-04T03:00:00Z");
        rawFeed.pipeInput(new TestRecord<>(null, bytes(FLASH), headers(), received));
        rawFeed.pipeInput(new TestRecord<>(null, bytes(FLASH.replace("(URGENT)", "(LEAD)")
                .replace("(END)", "SEOUL, Oct. 4 (Yonhap) -- North Korea fired a ballistic missile into the East Sea on Friday, the JCS said. The North's launch was its first in a month.\n(END)")),
                headers(), received.plusSeconds(600)));
        List<TestRecord<String, Dispatch>> versions = output("north-korea").readRecordsToList();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).getRecordTime()).isEqualTo(received);
        assertThat(versions.get(0).key()).isEqualTo(versions.get(1).key());
        assertThat(versions).extracting(r -> r.value().getVersion()).containsExactly(0, 1);
    }

    @Test
    void shouldGiveEveryInputExactlyOneFate() {
        List<String> inputs = List.of(SMA, KPOP, FLASH, "", "<html><body>page</body></html>", KPOP.replace("K-pop", "Band"));
        for (String input : inputs) {
            rawFeed.pipeInput(new TestRecord<>(null, bytes(input), headers(), Instant.parse("2024-10-04T03:00:00Z")));
        }
        int routed = output("alliance").readRecordsToList().size() + output("defense-cost").readRecordsToList().size()
                + output("north-korea").readRecordsToList().size();
        assertThat(routed).isEqualTo(3); // SMA twice, the flash once
        assertThat(output("unrouted").readRecordsToList()).hasSize(2);
        assertThat(deadLetters().readRecordsToList()).hasSize(2);
    }

    @Test
    void shouldRouteARepeatOnceAndCountItAsADuplicateUntilTheWindowPasses() {
        startDriver(RoutingConfig.of(TopicConfig.DEFAULTS).withDeduplicationWindow(Duration.ofHours(1)),
                collaborators(KEYWORDS));
        Instant at = Instant.parse("2024-10-04T03:00:00Z");
        rawFeed.pipeInput(new TestRecord<>(null, bytes(KPOP), headers(), at));
        rawFeed.pipeInput(new TestRecord<>(null, bytes(KPOP.replace("\n", "\r\n")), headers(), at));
        rawFeed.pipeInput(new TestRecord<>(null, bytes("(LEAD) " + KPOP), headers(), at));
        assertThat(output("unrouted").readRecordsToList()).hasSize(2);
        assertThat(duplicateTotal()).isEqualTo(1.0);

        driver.advanceWallClockTime(Duration.ofHours(2));
        rawFeed.pipeInput(new TestRecord<>(null, bytes(KPOP), headers(), at));
        assertThat(output("unrouted").readRecordsToList()).as("routed again after the window").hasSize(1);
        assertThat(duplicateTotal()).isEqualTo(1.0);
    }

    private double duplicateTotal() {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(RoutingTopology.DUPLICATE_TOTAL))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    @Test
    void shouldKeepTheInputTimeWhenADatelineResolvesBefore1970() {
        String story = "Old story\nSEOUL, Dec. 25 (Yonhap) -- Something happened long ago.\n(END)";
        rawFeed.pipeInput(new TestRecord<>(null, bytes(story), headers(), Instant.EPOCH));
        TestRecord<String, Dispatch> routed = output("unrouted").readRecord();
        assertThat(routed.getRecordTime()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void shouldCutADeadLetterTooLargeForItsTopicAndSaySo() {
        byte[] huge = new byte[RoutingTopology.MAX_DEAD_LETTER_BYTES + 10];
        rawFeed.pipeInput(new TestRecord<>(null, huge, headers(), Instant.parse("2024-10-04T03:00:00Z")));
        TestRecord<byte[], byte[]> dead = deadLetters().readRecord();
        assertThat(dead.value()).hasSize(RoutingTopology.MAX_DEAD_LETTER_BYTES);
        assertThat(header(dead.headers().lastHeader(DeadLetterHeaders.ORIGINAL_LENGTH)))
                .isEqualTo(Integer.toString(huge.length));
        assertThat(header(dead.headers().lastHeader(DeadLetterHeaders.REASON))).isEqualTo("TOO_LARGE");
    }

    @Test
    void shouldCutADeadLetterSoThatItFitsWithTheHeadersItCarries() {
        byte[] large = new byte[RoutingTopology.MAX_DEAD_LETTER_BYTES - 10];
        RecordHeaders headers = headers("trace-id", "t");
        headers.add("x-fill", new byte[100 * 1024]);
        rawFeed.pipeInput(new TestRecord<>(null, large, headers, Instant.parse("2024-10-04T03:00:00Z")));
        TestRecord<byte[], byte[]> dead = deadLetters().readRecord();
        long carried = "trace-id".length() + 1 + "x-fill".length() + 100 * 1024;
        assertThat(dead.value()).hasSize((int) (RoutingTopology.MAX_DEAD_LETTER_BYTES - carried));
        assertThat(header(dead.headers().lastHeader(DeadLetterHeaders.ORIGINAL_LENGTH)))
                .isEqualTo(Integer.toString(large.length));
        assertThat(dead.headers().lastHeader("x-fill").value()).hasSize(100 * 1024);
    }

    @Test
    void shouldLeaveTheLargestHeadersBehindWhenTheyWouldNotFitAndSaySo() {
        RecordHeaders headers = headers("trace-id", "t");
        headers.add("x-big", new byte[2 << 20]);
        headers.add("x-medium", new byte[600 * 1024]);
        rawFeed.pipeInput(new TestRecord<>(null, bytes(KPOP), headers, Instant.parse("2024-10-04T03:00:00Z")));
        TestRecord<String, Dispatch> routed = output("unrouted").readRecord();
        assertThat(header(routed.headers().lastHeader("trace-id"))).isEqualTo("t");
        assertThat(routed.headers().lastHeader("x-medium").value()).hasSize(600 * 1024);
        assertThat(routed.headers().lastHeader("x-big")).isNull();
        assertThat(header(routed.headers().lastHeader(CarriedHeaders.DROPPED)))
                .isEqualTo("1 headers of " + (5 + (2 << 20)) + " bytes, over the 1048576 carried: x-big");

        rawFeed.pipeInput(new TestRecord<>(null, new byte[0], headers, Instant.parse("2024-10-04T03:00:00Z")));
        TestRecord<byte[], byte[]> dead = deadLetters().readRecord();
        assertThat(dead.headers().lastHeader("x-big")).isNull();
        assertThat(header(dead.headers().lastHeader(CarriedHeaders.DROPPED))).endsWith(": x-big");
        assertThat(header(dead.headers().lastHeader(DeadLetterHeaders.REASON))).isEqualTo("EMPTY");
    }

    @Test
    void shouldNotCarryAnOldVerdictOntoARoutedCopy() {
        rawFeed.pipeInput(new TestRecord<>(null, bytes(KPOP), headers(DeadLetterHeaders.REASON, "NO_BODY",
                "__streams.errors.message", "old", "trace-id", "t"), Instant.parse("2024-10-04T03:00:00Z")));
        TestRecord<String, Dispatch> routed = output("unrouted").readRecord();
        assertThat(routed.headers().lastHeader(DeadLetterHeaders.REASON)).isNull();
        assertThat(routed.headers().lastHeader("__streams.errors.message")).isNull();
        assertThat(header(routed.headers().lastHeader("trace-id"))).isEqualTo("t");
    }

    @Test
    void shouldDescribeItselfLikeTheDesign() {
        String description = RoutingTopology.build(RoutingConfig.of(TopicConfig.DEFAULTS),
                collaborators(new RuleClassifier(RulesLoader.loadDefault()))).describe().toString();
        assertThat(description).contains("Source: read-raw-feed (topics: [raw-feed])", "Processor: parse-classify-route",
                "Sink: to-alliance (topic: alliance)", "Sink: to-defense-cost (topic: defense-cost)",
                "Sink: to-north-korea (topic: north-korea)", "Sink: to-unrouted (topic: unrouted)",
                "Sink: to-dead-letters (topic: raw-feed.dlq)");
    }

    @Test
    void shouldLeaveRecordsAtOrPastTheEndOfABoundedRunAlone() {
        List<String> heard = new ArrayList<>();
        RoutingListener listener = new RoutingListener() {
            @Override
            public void outcome(Outcome outcome, String detail, long inputTimestamp) {
                heard.add(outcome.name());
            }
        };
        startDriver(RoutingConfig.of(TopicConfig.DEFAULTS).withEndOffsets(Map.of(0, 2L)),
                collaborators(KEYWORDS).withListener(listener));

        for (String band : List.of("K-pop", "Band", "Trio")) {
            rawFeed.pipeInput(new TestRecord<>(null, bytes(KPOP.replace("K-pop", band)), headers(),
                    Instant.parse("2024-10-04T03:00:00Z")));
        }

        assertThat(output("unrouted").readValuesToList()).extracting(Dispatch::getHeadline)
                .containsExactly("K-pop group tops Billboard chart", "Band group tops Billboard chart");
        assertThat(heard).as("the listener hears only of records within the run").hasSize(2);
    }

    @Test
    void shouldRefuseASubjectTopicThatWouldTakeTheNameOfAnotherSink() {
        TopicConfig elsewhere = new TopicConfig("raw-feed", "unrouted-dispatches", "raw-feed.dlq");
        Classifier clashing = KeywordClassifier.of("north-korea", "missile", "unrouted", "nothing");

        assertThatThrownBy(() -> RoutingTopology.build(RoutingConfig.of(elsewhere), collaborators(clashing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic 'unrouted' of subject unrouted")
                .hasMessageContaining("sink 'to-unrouted', a name kept for unrouted dispatches")
                .hasMessageContaining("keyword classifier");
        assertThatThrownBy(() -> RoutingConfig.of(TopicConfig.DEFAULTS)
                .validate(KeywordClassifier.of("dead-letters", "anything").ruleSet()))
                .hasMessageContaining("sink 'to-dead-letters', a name kept for dead letters");
        assertThatThrownBy(() -> RoutingConfig.of(TopicConfig.DEFAULTS)
                .validate(KeywordClassifier.of("alerts", "anything").ruleSet()))
                .as("kept whether or not this run alerts: a rules file fit for one command is fit for all")
                .hasMessageContaining("sink 'to-alerts', a name kept for alerts");
    }

    @Test
    void shouldRefuseAlertTopicsThatAreAlsoRoutingTopics() {
        RoutingConfig config = RoutingConfig.of(TopicConfig.DEFAULTS)
                .withAlerts(new RoutingConfig.AlertTopics("alert-rules", "unrouted"));

        assertThatThrownBy(() -> RoutingTopology.build(config, collaborators(KEYWORDS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("topic 'unrouted' is used twice: by alerts and before");
    }

    @Test
    void shouldHaveOnlyTheOptionalPartsItsConfigTurnsOn() {
        String plain = RoutingTopology.build(RoutingConfig.of(TopicConfig.DEFAULTS)
                .withLifecycle(new Lifecycle(true, EmbargoMode.PASS)), collaborators(KEYWORDS)).describe().toString();
        String whole = RoutingTopology.build(RoutingConfig.of(TopicConfig.DEFAULTS)
                .withDeduplicationWindow(Duration.ofDays(1))
                .withAlerts(new RoutingConfig.AlertTopics("alert-rules", "alerts"))
                .withOutputCounts(true), collaborators(KEYWORDS)).describe().toString();

        // Sticky routing follows stories for the deduplication window: without one, there is nothing to keep
        assertThat(plain).doesNotContain(RoutingTopology.SEEN_STORE, RoutingTopology.ALERT_RULES_STORE, "to-alerts",
                MinuteCounts.STORE, RoutingTopology.STORY_STORE, RoutingTopology.HELD_STORE);
        assertThat(whole).contains(RoutingTopology.SEEN_STORE, RoutingTopology.STORY_STORE, RoutingTopology.HELD_STORE,
                "Sink: to-alerts (topic: alerts)", "Processor: update-alert-rules (stores: [alert-rules-store])",
                "Source: read-outputs (topics: [",
                "Processor: count-per-minute (stores: [dispatches-per-minute])");
    }

    private static Properties props(String applicationId) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return props;
    }

    private TestOutputTopic<String, Dispatch> output(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), dispatches.deserializer());
    }

    private TestOutputTopic<byte[], byte[]> deadLetters() {
        return driver.createOutputTopic("raw-feed.dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static RecordHeaders headers(String... keyValues) {
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < keyValues.length; i += 2) {
            headers.add(keyValues[i], keyValues[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static String header(Header header) {
        assertThat(header).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
