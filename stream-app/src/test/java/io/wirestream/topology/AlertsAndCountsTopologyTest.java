package io.wirestream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.classify.Classifier;
import io.wirestream.format.FormatParser;
import io.wirestream.registry.AvroSerdes;
import io.wirestream.registry.InMemorySchemaRegistry;
import io.wirestream.registry.RegistryConfig;
import io.wirestream.schema.Alert;
import io.wirestream.schema.AlertRule;
import io.wirestream.schema.Dispatch;
import io.wirestream.testing.KeywordClassifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routing topology whole: users' alert rules, the metrics listener and the per-minute counts, on the test
 * driver. Subjects are decided by keyword; alert rules are matched by the real matcher.
 */
class AlertsAndCountsTopologyTest {

    private static final String SCOPE = "alerts-test";
    private static final Classifier KEYWORDS = KeywordClassifier.of("alliance", "alliance", "north-korea", "missile");
    private static final Instant START = Instant.parse("2026-11-27T09:00:00Z");
    private static final String HUMPHREYS = """
            USFK marks 10 years at Camp Humphreys
            PYEONGTAEK, Nov. 27 (Yonhap) -- U.S. Forces Korea marked ten years at Camp Humphreys on Friday, with the alliance chiefs of both countries attending.
            (END)
            """;
    private static final String MISSILE = """
            N. Korea fires ballistic missile into East Sea
            SEOUL, Nov. 27 (Yonhap) -- North Korea fired a ballistic missile into the East Sea on Friday, the Joint Chiefs of Staff said.
            (END)
            """;
    private static final String KPOP = """
            K-pop group tops Billboard chart
            SEOUL, Nov. 27 (Yonhap) -- A K-pop group topped the Billboard 200 chart for the first time, its agency said.
            (END)
            """;

    private final AlertBook book = new AlertBook();
    private final List<String> heard = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> rawFeed;
    private TestInputTopic<String, AlertRule> rules;
    private TestOutputTopic<String, Alert> alerts;

    private Serde<Dispatch> dispatches;

    @BeforeEach
    void startDriver() {
        startDriver(new AvroSerdes(Map.of(RegistryConfig.URL, "mock://" + SCOPE)).valueSerde(Alert.class));
    }

    private void startDriver(Serde<Alert> alertSerde) {
        AvroSerdes serdes = new AvroSerdes(Map.of(RegistryConfig.URL, "mock://" + SCOPE));
        dispatches = serdes.valueSerde(Dispatch.class);
        Serde<AlertRule> ruleSerde = serdes.valueSerde(AlertRule.class);
        RoutingListener listener = new RoutingListener() {
            @Override
            public void outcome(Outcome outcome, String detail, long inputTimestamp) {
                heard.add(outcome + (detail == null ? "" : ":" + detail));
            }

            @Override
            public void alert(String ruleId) {
                heard.add("ALERT:" + ruleId);
            }

            @Override
            public void alertFailed() {
                heard.add("ALERT_FAILED");
            }
        };
        RoutingConfig config = RoutingConfig.of(TopicConfig.DEFAULTS).withDeduplicationWindow(Duration.ofDays(1))
                .withAlerts(new RoutingConfig.AlertTopics("alert-rules", "alerts")).withOutputCounts(true);
        Topology topology = RoutingTopology.build(config, Collaborators.of(new FormatParser(), KEYWORDS, serdes)
                .withAlertSerde(alertSerde).withAlertBook(book).withListener(listener));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(topology, props, START);
        rawFeed = driver.createInputTopic("raw-feed", new ByteArraySerializer(), new ByteArraySerializer());
        rules = driver.createInputTopic("alert-rules", new StringSerializer(), ruleSerde.serializer());
        alerts = driver.createOutputTopic("alerts", new StringDeserializer(), alertSerde.deserializer());
    }

    @AfterEach
    void stopDriver() {
        driver.close();
        InMemorySchemaRegistry.drop(SCOPE);
    }

    @Test
    void shouldRaiseAnAlertForAMatchingDispatchOnceTheRuleIsStoredAndStopOnceDeleted() {
        send(HUMPHREYS);
        assertThat(alerts.isEmpty()).as("no rule yet").isTrue();

        rules.pipeInput("humphreys-1", rule("humphreys-1", "Camp Humphreys", "\"Camp Humphreys\"", null));
        assertThat(book.isInEffect("humphreys-1", rule("humphreys-1", "Camp Humphreys", "\"Camp Humphreys\"", null)))
                .isTrue();
        send(HUMPHREYS.replace("ten years", "a decade"));
        var alert = alerts.readRecord();
        assertThat(alert.key()).isEqualTo("humphreys-1");
        assertThat(alert.value().getRuleName()).isEqualTo("Camp Humphreys");
        assertThat(alert.value().getTerms()).containsExactly("Camp Humphreys");
        assertThat(alert.value().getDispatch().getHeadline()).isEqualTo("USFK marks 10 years at Camp Humphreys");
        assertThat(alert.value().getDispatch().getRouting()).isNotNull();
        send(MISSILE);
        assertThat(alerts.isEmpty()).as("no alert for a dispatch the query does not match").isTrue();

        rules.pipeInput("humphreys-1", (AlertRule) null);
        send(HUMPHREYS.replace("ten years", "ten full years"));
        assertThat(alerts.isEmpty()).as("deleted rules do not fire").isTrue();
        assertThat(heard).contains("ALERT:humphreys-1").containsOnlyOnce("ALERT:humphreys-1");
    }

    @Test
    void shouldLeaveEveryDispatchItsOwnOutcomeWhetherItAlertsOrNot() {
        rules.pipeInput("usfk", rule("usfk", "USFK", "USFK OR missile", null));
        send(HUMPHREYS);
        send(MISSILE);
        send(KPOP);
        assertThat(alerts.readKeyValuesToList()).hasSize(2);
        assertThat(outcomes("alliance")).containsExactly("USFK marks 10 years at Camp Humphreys");
        assertThat(outcomes("north-korea")).containsExactly("N. Korea fires ballistic missile into East Sea");
        assertThat(outcomes("unrouted")).containsExactly("K-pop group tops Billboard chart");
    }

    @Test
    void shouldKeepTheDispatchsOutcomeAndTheStreamWhenItsAlertCannotBeMade() {
        driver.close();
        Serde<Alert> broken = Serdes.serdeFrom((topic, alert) -> {
            throw new IllegalStateException("the registry refuses alerts-value");
        }, (topic, bytes) -> null);
        startDriver(broken);
        rules.pipeInput("usfk", rule("usfk", "USFK", "USFK", null));
        send(HUMPHREYS);
        send(MISSILE);
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(outcomes("alliance")).containsExactly("USFK marks 10 years at Camp Humphreys");
        assertThat(outcomes("north-korea")).containsExactly("N. Korea fires ballistic missile into East Sea");
        assertThat(heard).contains("ALERT_FAILED").doesNotContain("ALERT:usfk");
    }

    private List<String> outcomes(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), dispatches.deserializer()).readValuesToList()
                .stream().map(Dispatch::getHeadline).toList();
    }

    @Test
    void shouldFireARuleWithASubjectOnlyForDispatchesRoutedToIt() {
        rules.pipeInput("friday-nk", rule("friday-nk", "Friday NK", "Friday", "north-korea"));
        send(KPOP.replace("for the first time", "on Friday"));
        send(MISSILE);
        List<String> headlines = alerts.readValuesToList().stream().map(a -> a.getDispatch().getHeadline()).toList();
        assertThat(headlines).containsExactly("N. Korea fires ballistic missile into East Sea");
    }

    @Test
    void shouldSkipAnUnreadableOrInvalidRuleAndKeepTheOthers() {
        driver.createInputTopic("alert-rules", new StringSerializer(), new ByteArraySerializer())
                .pipeInput("garbage", "not avro".getBytes(StandardCharsets.UTF_8));
        rules.pipeInput("broken", rule("broken", "Broken", "\"Camp Humphreys", null));
        rules.pipeInput("usfk", rule("usfk", "USFK", "USFK", null));
        send(HUMPHREYS);
        assertThat(alerts.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("usfk");
        assertThat(book.matcher().size()).isEqualTo(1);
    }

    @Test
    void shouldTellTheListenerEveryOutcome() {
        send(MISSILE);
        send(KPOP);
        send(KPOP);
        driver.createInputTopic("raw-feed", new ByteArraySerializer(), new ByteArraySerializer())
                .pipeInput(new byte[] {'H', 'i', '\n', (byte) 0x92});
        assertThat(heard).containsExactly("ROUTED:north-korea", "UNROUTED", "DUPLICATE", "DEAD_LETTER:INVALID_UTF8");
    }

    @Test
    void shouldCountEachOutputTopicPerWallClockMinute() {
        send(MISSILE);
        send(KPOP);
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        send(MISSILE.replace("Friday", "Saturday"));
        send(MISSILE.replace("Friday", "Sunday"));
        ReadOnlyWindowStore<String, Long> store = driver.getWindowStore(MinuteCounts.STORE);
        Map<String, Map<Instant, Long>> counts = MinuteCounts.query(store, START, START.plus(Duration.ofMinutes(5)));
        assertThat(counts.get("north-korea")).containsExactly(Map.entry(START, 1L),
                Map.entry(START.plus(Duration.ofMinutes(1)), 2L));
        assertThat(counts.get("unrouted")).containsExactly(Map.entry(START, 1L));
        assertThat(counts).doesNotContainKey("alliance");
    }

    private void send(String text) {
        rawFeed.pipeInput(null, text.getBytes(StandardCharsets.UTF_8));
    }

    private static AlertRule rule(String id, String name, String query, String subject) {
        return new AlertRule(id, name, query, subject, Instant.parse("2026-11-27T08:00:00Z"));
    }
}
