package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.config.ConfigLoader;
import io.wirestream.config.Setting;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.format.Format;
import io.wirestream.registry.AvroDeserializer;
import io.wirestream.runtime.StreamsRunner;
import io.wirestream.runtime.Topics;
import io.wirestream.schema.Dispatch;
import io.wirestream.testing.Outcomes;
import io.wirestream.testing.RealServices;
import io.wirestream.testing.TracedInputs;
import io.wirestream.topology.Collaborators;
import io.wirestream.topology.RoutingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/**
 * One record of every format the pipeline reads, on a real broker and registry: each item of each record reaches
 * exactly its topics (a feed of three items, three fates), every routed record decodes through the registry and
 * says the format it came in, and a record that names its format in a header is read as that format.
 */
class FormatsIT {

    private static final Instant RECEIVED = Instant.parse("2024-06-01T00:00:00Z");
    /** Fixtures of each format, written for the project (see stream-app/src/test/resources/formats). */
    private static final List<String> FIXTURES = List.of(
            "yonhap-text/03-yonhap-interview.txt", "iptc7901/01-basic-indented.txt", "anpa1312/01-regular-story.txt",
            "newsml-g2/01-message-two-items.xml", "nitf/01-basic.nitf", "ninjs/01-v1-headline-body-html.json",
            "rss/01-three-items.rss", "atom/01-feed-two-entries.atom", "rss/09-malformed.rss",
            "newsml-g2/03-canceled-kill.xml");

    @Test
    void shouldRouteEveryItemOfEveryFormatExactlyOnce() throws Exception {
        try (RealServices services = RealServices.start()) {
            WirestreamConfig config = ConfigLoader.load(Map.of(), Map.of(), Map.of(
                    Setting.BOOTSTRAP_SERVERS, services.bootstrapServers(),
                    Setting.SCHEMA_REGISTRY_URL, services.registryUrl(),
                    Setting.APPLICATION_ID, "formats-it",
                    // Each input is its own story, its fate predicted from its own text: no story is followed,
                    // and an embargo or a kill is delivered as it comes.
                    Setting.STICKY_ROUTING, "false",
                    Setting.EMBARGO_MODE, "pass",
                    Setting.DATA_DIR, services.dir().resolve("app").toString()));
            Map<String, Object> client = config.kafkaClientConfig();
            Topics.ensure(client, TracedInputs.TOPICS.all(TracedInputs.CLASSIFIER.ruleSet()), 3);
            List<TracedInputs.Input> inputs = inputs();
            try (StreamsRunner runner = StreamsRunner.start(config,
                    RoutingConfig.of(config).withTopics(TracedInputs.TOPICS),
                    Collaborators.of(config, TracedInputs.CLASSIFIER))) {
                assertThat(runner.awaitRunning(Duration.ofSeconds(120))).as("streams running").isTrue();
                TracedInputs.produce(client, TracedInputs.TOPICS.input(), inputs);

                long expected = inputs.stream().mapToLong(i -> i.expected().size()).sum();
                Outcomes outcomes = Outcomes.read(client, "format-", expected, Duration.ofMinutes(2));

                outcomes.assertExactly(inputs);
                assertThat(expected).as("a feed's items are several outcomes").isGreaterThan(inputs.size());
                assertEveryRoutedRecordDecodesWithItsFormat(services, inputs, outcomes);
                assertThat(runner.failure()).isNull();
            }
        }
    }

    /** Every fixture, traced by its index; and the plain story again, sent with a header that says it is NITF. */
    private static List<TracedInputs.Input> inputs() throws IOException {
        List<TracedInputs.Input> inputs = new ArrayList<>();
        for (int i = 0; i < FIXTURES.size(); i++) {
            inputs.add(TracedInputs.predict("format-" + i, null, fixture(FIXTURES.get(i)), RECEIVED.toEpochMilli(),
                    List.of()));
        }
        List<Header> named = List.of(new RecordHeader(Format.HEADER, "nitf".getBytes(StandardCharsets.UTF_8)));
        TracedInputs.Input misnamed = TracedInputs.predict("format-named", null, fixture(FIXTURES.get(0)),
                RECEIVED.toEpochMilli(), named);
        assertThat(misnamed.reason()).as("a text story read as NITF is malformed XML").isEqualTo("MALFORMED_XML");
        inputs.add(misnamed);
        return inputs;
    }

    private static void assertEveryRoutedRecordDecodesWithItsFormat(RealServices services,
            List<TracedInputs.Input> inputs, Outcomes outcomes) {
        AvroDeserializer<Dispatch> values = new AvroDeserializer<>(Dispatch.class);
        values.configure(Map.of("schema.registry.url", services.registryUrl()), false);
        Set<String> formats = new TreeSet<>();
        for (int i = 0; i < FIXTURES.size(); i++) {
            String expectedFormat = Format.fromId(FIXTURES.get(i).substring(0, FIXTURES.get(i).indexOf('/'))).id();
            for (ConsumerRecord<byte[], byte[]> record : outcomes.of(inputs.get(i).trace())) {
                if (record.topic().equals(TracedInputs.TOPICS.deadLetter())) {
                    continue;
                }
                Dispatch dispatch = values.deserialize(record.topic(), record.value());
                assertThat(dispatch.getFormat()).as(FIXTURES.get(i)).isEqualTo(expectedFormat);
                assertThat(dispatch.getHeadline()).as(FIXTURES.get(i)).isNotBlank();
                formats.add(dispatch.getFormat());
            }
        }
        assertThat(formats).as("every format reached an output").containsExactlyInAnyOrder("yonhap-text", "iptc7901",
                "anpa1312", "newsml-g2", "nitf", "ninjs", "rss", "atom");
    }

    private static byte[] fixture(String path) throws IOException {
        try (InputStream in = FormatsIT.class.getResourceAsStream("/formats/" + path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
