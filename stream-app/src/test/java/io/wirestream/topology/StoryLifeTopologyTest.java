package io.wirestream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.classify.Classifier;
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
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A story's life through the topology, on the test driver: updates that stay with their story, kills that follow
 * it, stale versions dropped, embargoes held until their time on the driver's wall clock, withheld items until a
 * later version. The stories are ninjs items, which carry a guid, a version, a status and an embargo.
 */
class StoryLifeTopologyTest {

    private static final String SCOPE = "story-life-test";
    private static final Classifier KEYWORDS = KeywordClassifier.of("alliance", "troops", "defense-cost", "cost",
            "north-korea", "missile");
    private static final Instant WALL_CLOCK = Instant.parse("2024-10-04T00:00:00Z");
    private static final String GUID = "urn:example:story:1";
    private static final List<String> TOPICS = List.of("alliance", "defense-cost", "north-korea", "unrouted");

    private final List<String> outcomes = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> rawFeed;
    private Serde<Dispatch> dispatches;

    @BeforeEach
    void startDriver() {
        startDriver(new Lifecycle(true, EmbargoMode.HOLD));
    }

    private void startDriver(Lifecycle lifecycle) {
        if (driver != null) {
            driver.close();
        }
        AvroSerdes serdes = new AvroSerdes(Map.of(RegistryConfig.URL, "mock://" + SCOPE));
        dispatches = serdes.valueSerde(Dispatch.class);
        RoutingListener listener = new RoutingListener() {
            @Override
            public void outcome(Outcome outcome, String detail, long inputTimestamp) {
                outcomes.add(outcome + (detail == null ? "" : "/" + detail));
            }
        };
        Collaborators collaborators = Collaborators.of(new FormatParser(), KEYWORDS, serdes).withListener(listener);
        RoutingConfig config = RoutingConfig.of(TopicConfig.DEFAULTS).withDeduplicationWindow(Duration.ofDays(1))
                .withLifecycle(lifecycle);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "story-life-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(RoutingTopology.build(config, collaborators), props, WALL_CLOCK);
        rawFeed = driver.createInputTopic("raw-feed", new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stopDriver() {
        driver.close();
        InMemorySchemaRegistry.drop(SCOPE);
    }

    @Test
    void shouldKeepAnUpdateWhoseTextNoLongerMatchesInItsStorysTopics() {
        // Given a first version about a missile, routed to north-korea
        pipe(ninjs(GUID, 1, "usable", null, "N. Korea fires missile", "SEOUL -- North Korea fired a missile."));
        assertThat(readAll("north-korea")).hasSize(1);

        // When its update no longer says missile, but speaks of troops
        pipe(ninjs(GUID, 2, "usable", null, "N. Korea launch: latest", "SEOUL -- Troops were put on alert."));

        // Then it goes where the story went, and where its own text sends it, keyed by the guid
        List<TestRecord<String, Dispatch>> northKorea = readAll("north-korea");
        assertThat(northKorea).singleElement().satisfies(update -> {
            assertThat(update.key()).isEqualTo(GUID);
            assertThat(update.value().getProviderVersion()).isEqualTo("2");
            assertThat(update.value().getRouting().getSubjects()).containsExactly("alliance", "north-korea");
        });
        assertThat(readAll("alliance")).hasSize(1);
        assertThat(readAll("unrouted")).isEmpty();
    }

    @Test
    void shouldRouteEachVersionByItsOwnTextWhenRoutingIsNotStickyButKillsStillFollow() {
        // Given routing.sticky=false
        startDriver(new Lifecycle(false, EmbargoMode.HOLD));

        // When a story's update no longer matches its first version's subject
        pipe(ninjs(GUID, 1, "usable", null, "N. Korea fires missile", "SEOUL -- North Korea fired a missile."));
        pipe(ninjs(GUID, 2, "usable", null, "N. Korea launch: latest", "SEOUL -- Nothing more was said."));

        // Then the update is unrouted, as its text alone says
        assertThat(readAll("north-korea")).hasSize(1);
        assertThat(readAll("unrouted")).hasSize(1);

        // And a kill still follows the story where it went
        pipe(ninjs(GUID, 3, "canceled", null, "Withdrawn", "Do not use."));
        assertThat(readAll("north-korea")).singleElement()
                .satisfies(kill -> assertThat(kill.value().getPubStatus()).isEqualTo("canceled"));
        assertThat(readAll("unrouted")).isEmpty();
    }

    @Test
    void shouldSendAKillToEveryTopicItsStoryWentToWhateverItsText() {
        // Given a story routed to alliance and defense-cost
        pipe(ninjs(GUID, 1, "usable", null, "Deal on troops", "SEOUL -- A deal on the cost of troops."));
        assertThat(readAll("alliance")).hasSize(1);
        assertThat(readAll("defense-cost")).hasSize(1);

        // When it is killed by a notice that names neither
        pipe(ninjs(GUID, 2, "canceled", null, "Withdrawn", "This story is withdrawn. Do not use."));

        // Then the kill follows it to both, with its status and guid, and nowhere else
        for (String topic : List.of("alliance", "defense-cost")) {
            assertThat(readAll(topic)).singleElement().satisfies(kill -> {
                assertThat(kill.key()).isEqualTo(GUID);
                assertThat(kill.value().getPubStatus()).isEqualTo("canceled");
                assertThat(kill.value().getGuid()).isEqualTo(GUID);
            });
        }
        assertThat(readAll("north-korea")).isEmpty();
        assertThat(readAll("unrouted")).isEmpty();
        assertThat(outcomes).containsExactly("ROUTED/alliance", "ROUTED/defense-cost", "CANCELED/alliance",
                "CANCELED/defense-cost");
    }

    @Test
    void shouldSendAKillOfAStoryNeverSeenToUnroutedWithItsStatus() {
        // When a story never routed is killed
        pipe(ninjs(GUID, 3, "canceled", null, "Missile story withdrawn", "Do not use the missile story."));

        // Then the kill is unrouted, canceled, though its text names a subject
        assertThat(readAll("unrouted")).singleElement()
                .satisfies(kill -> assertThat(kill.value().getPubStatus()).isEqualTo("canceled"));
        assertThat(readAll("north-korea")).isEmpty();
    }

    @Test
    void shouldForgetAStoryQuietForLongerThanTheDeduplicationWindow() {
        // Given a story routed, then quiet for longer than the window of a day
        pipe(ninjs(GUID, 1, "usable", null, "N. Korea fires missile", "SEOUL -- North Korea fired a missile."));
        assertThat(readAll("north-korea")).hasSize(1);
        driver.advanceWallClockTime(Duration.ofDays(1).plusMinutes(1));

        // When it is killed
        pipe(ninjs(GUID, 2, "canceled", null, "Withdrawn", "Do not use."));

        // Then the kill finds no story to follow
        assertThat(readAll("north-korea")).isEmpty();
        assertThat(readAll("unrouted")).hasSize(1);
    }

    @Test
    void shouldDropAndCountAStaleVersionAndDropAnExactRepeatAsDuplicate() {
        // Given version 2 of a story, routed
        pipe(ninjs(GUID, 2, "usable", null, "Missile launch: update", "SEOUL -- A second missile was fired."));

        // When version 1 comes late, and version 2 comes again
        pipe(ninjs(GUID, 1, "usable", null, "Missile launch", "SEOUL -- A missile was fired."));
        pipe(ninjs(GUID, 2, "usable", null, "Missile launch: update", "SEOUL -- A second missile was fired."));

        // Then only version 2 was routed, once; the late one is stale, the repeat a duplicate
        assertThat(readAll("north-korea")).singleElement()
                .satisfies(routed -> assertThat(routed.value().getProviderVersion()).isEqualTo("2"));
        assertThat(readAll("unrouted")).isEmpty();
        assertThat(outcomes).containsExactly("ROUTED/north-korea", "STALE", "DUPLICATE");
    }

    @Test
    void shouldHoldAnEmbargoedDispatchUntilItsTimeThenRouteItOnce() {
        // Given a story embargoed for an hour
        Instant until = WALL_CLOCK.plus(Duration.ofHours(1));
        pipe(ninjs(GUID, 1, "usable", until, "Missile test planned", "SEOUL -- A missile test is planned."));

        // When the clock nears the end of the embargo, it is nowhere but in the list of held dispatches
        driver.advanceWallClockTime(Duration.ofMinutes(59));
        assertThat(TOPICS).allSatisfy(topic -> assertThat(readAll(topic)).isEmpty());
        assertThat(HeldList.of(driver.getKeyValueStore(RoutingTopology.HELD_STORE))).singleElement()
                .isEqualTo(new HeldList.Entry(GUID, "Missile test planned", until, false, List.of("north-korea")));

        // Then once it passes, it is routed, once, with its embargo time and the headers it came with
        driver.advanceWallClockTime(Duration.ofMinutes(2));
        List<TestRecord<String, Dispatch>> released = readAll("north-korea");
        assertThat(released).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(GUID);
            assertThat(record.value().getEmbargoedUntil()).isEqualTo(until);
            assertThat(new String(record.headers().lastHeader("trace-id").value(), StandardCharsets.UTF_8))
                    .isEqualTo("t-1");
        });
        driver.advanceWallClockTime(Duration.ofHours(1));
        assertThat(readAll("north-korea")).isEmpty();
        assertThat(HeldList.of(driver.getKeyValueStore(RoutingTopology.HELD_STORE))).isEmpty();
        assertThat(outcomes).containsExactly("HELD", "RELEASED/north-korea");
    }

    @Test
    void shouldRouteAnEmbargoedDispatchAtOnceWhenEmbargoesPass() {
        // Given embargo.mode=pass
        startDriver(new Lifecycle(true, EmbargoMode.PASS));
        Instant until = WALL_CLOCK.plus(Duration.ofHours(1));

        // When an embargoed story comes
        pipe(ninjs(GUID, 1, "usable", until, "Missile test planned", "SEOUL -- A missile test is planned."));

        // Then it is routed at once, its embargo time set for consumers to honour
        assertThat(readAll("north-korea")).singleElement()
                .satisfies(record -> assertThat(record.value().getEmbargoedUntil()).isEqualTo(until));
    }

    @Test
    void shouldCancelAHeldEmbargoWhenAKillComesFirst() {
        // Given a story embargoed for an hour
        pipe(ninjs(GUID, 1, "usable", WALL_CLOCK.plus(Duration.ofHours(1)), "Missile test planned",
                "SEOUL -- A missile test is planned."));

        // When it is killed before its time
        pipe(ninjs(GUID, 2, "canceled", null, "Withdrawn", "Do not use."));
        driver.advanceWallClockTime(Duration.ofHours(2));

        // Then it never goes out; the kill, of a story never routed, is unrouted
        assertThat(readAll("north-korea")).isEmpty();
        assertThat(readAll("unrouted")).singleElement()
                .satisfies(kill -> assertThat(kill.value().getPubStatus()).isEqualTo("canceled"));
        assertThat(outcomes).containsExactly("HELD", "UNROUTED", "CANCELED");
    }

    @Test
    void shouldHoldAWithheldDispatchUntilALaterVersionReleasesIt() {
        // Given a withheld first version
        pipe(ninjs(GUID, 1, "withheld", null, "Missile launch", "SEOUL -- A missile was fired."));
        driver.advanceWallClockTime(Duration.ofHours(1));
        assertThat(readAll("north-korea")).isEmpty();

        // When a usable second version comes
        pipe(ninjs(GUID, 2, "usable", null, "Missile launch: update", "SEOUL -- A second missile was fired."));

        // Then the first goes out, then the second, to the story's topic
        assertThat(readAll("north-korea")).extracting(record -> record.value().getProviderVersion())
                .containsExactly("1", "2");
        assertThat(outcomes).containsExactly("HELD", "RELEASED/north-korea", "ROUTED/north-korea");
    }

    @Test
    void shouldDropAWithheldVersionWhenTheSameVersionComesUsable() {
        // Given a withheld version 2
        pipe(ninjs(GUID, 2, "withheld", null, "Missile launch", "SEOUL -- A missile was fired, sources said."));

        // When version 2 comes again, usable
        pipe(ninjs(GUID, 2, "usable", null, "Missile launch", "SEOUL -- A missile was fired, the military said."));

        // Then only the usable one goes out; the withheld one leaves the hold as stale
        assertThat(readAll("north-korea")).singleElement()
                .satisfies(record -> assertThat(record.value().getPubStatus()).isEqualTo("usable"));
        assertThat(outcomes).containsExactly("HELD", "STALE", "ROUTED/north-korea");
    }

    private void pipe(String item) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace-id", "t-1".getBytes(StandardCharsets.UTF_8));
        rawFeed.pipeInput(new TestRecord<>(null, item.getBytes(StandardCharsets.UTF_8), headers, WALL_CLOCK));
    }

    private List<TestRecord<String, Dispatch>> readAll(String topic) {
        TestOutputTopic<String, Dispatch> output = driver.createOutputTopic(topic, new StringDeserializer(),
                dispatches.deserializer());
        return output.readRecordsToList();
    }

    private static String ninjs(String uri, int version, String status, Instant embargoed, String headline,
            String body) {
        return """
                {"uri": "%s", "type": "text", "version": "%d", "versioncreated": "2024-10-03T23:00:00Z",
                 "pubstatus": "%s", %s"headline": "%s", "body_text": "%s"}
                """.formatted(uri, version, status, embargoed == null ? "" : "\"embargoed\": \"" + embargoed + "\", ",
                headline, body);
    }
}
