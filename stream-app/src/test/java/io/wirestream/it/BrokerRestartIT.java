package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.wirestream.config.ConfigLoader;
import io.wirestream.config.Setting;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.embedded.EmbeddedRegistry;
import io.wirestream.embedded.Ports;
import io.wirestream.runtime.StreamsRunner;
import io.wirestream.runtime.Topics;
import io.wirestream.testing.ChildBroker;
import io.wirestream.testing.Outcomes;
import io.wirestream.testing.TracedInputs;
import io.wirestream.topology.Collaborators;
import io.wirestream.topology.RoutingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * The broker - a child process on fixed ports - goes away while dispatches flow and comes back: first stopped
 * politely (SIGTERM), then killed (SIGKILL). wirestream, left running, must recover by itself and the accounting,
 * read as a downstream consumer reads it ({@code read_committed}), must be exact: every input with exactly its
 * outcomes, none lost, none doubled.
 */
class BrokerRestartIT {

    private static final String APPLICATION_ID = "broker-restart-it";
    private static final int PER_ROUND = 8_000;
    @Test
    void shouldRecoverByItselfWhenTheBrokerIsStoppedOrKilledMidStream() throws Exception {
        Path dir = Files.createTempDirectory("wirestream-broker-restart-it");
        try (ChildBroker broker = ChildBroker.start(dir.resolve("broker"));
                EmbeddedRegistry registry = EmbeddedRegistry.start(Path.of("target", "apicurio-registry"), "127.0.0.1",
                        Ports.freePort(), dir.resolve("registry"))) {
            restartMidStream(dir, broker, registry);
        }
    }

    private static void restartMidStream(Path dir, ChildBroker broker, EmbeddedRegistry registry) throws Exception {
        WirestreamConfig settings = ConfigLoader.load(Map.of(), Map.of(), Map.of(
                Setting.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                Setting.SCHEMA_REGISTRY_URL, registry.url(),
                Setting.APPLICATION_ID, APPLICATION_ID,
                Setting.DATA_DIR, dir.resolve("app").toString(),
                // Off, so that exactly-once itself is under test: with deduplication on, an input processed twice
                // would be dropped as a repeat of itself and the doubling would go unseen.
                Setting.DEDUP_WINDOW, "0"));
        Map<String, Object> client = settings.kafkaClientConfig();
        Topics.ensure(client, TracedInputs.TOPICS.all(TracedInputs.CLASSIFIER.ruleSet()), 3);
        List<TracedInputs.Input> inputs = new ArrayList<>();
        try (StreamsRunner runner = StreamsRunner.start(settings,
                RoutingConfig.of(settings).withTopics(TracedInputs.TOPICS),
                Collaborators.of(settings, TracedInputs.CLASSIFIER))) {
            assertThat(runner.awaitRunning(Duration.ofSeconds(120))).as("streams running").isTrue();
            for (boolean kill : new boolean[] {false, true}) {
                String round = kill ? "killed-" : "stopped-";
                List<TracedInputs.Input> before = TracedInputs.wireFeed(round, PER_ROUND);
                TracedInputs.produce(client, TracedInputs.TOPICS.input(), before);
                inputs.addAll(before);
                long start = inputs.size() - PER_ROUND;
                await("wirestream routes the " + round + " round").atMost(Duration.ofMinutes(2))
                        .until(() -> Outcomes.committed(client, APPLICATION_ID, "raw-feed") >= start + PER_ROUND / 8);
                assertThat(Outcomes.committed(client, APPLICATION_ID, "raw-feed")).as("mid-stream")
                        .isLessThan(inputs.size());
                int exit = kill ? broker.kill() : broker.stop();
                assertThat(exit).as("the broker's exit code").isEqualTo(kill ? 137 : 143);
                broker.start();

                List<TracedInputs.Input> after = TracedInputs.wireFeed(round + "after-", PER_ROUND / 4);
                TracedInputs.produce(client, TracedInputs.TOPICS.input(), after);
                inputs.addAll(after);
            }
            long expected = inputs.stream().mapToLong(i -> i.expected().size()).sum();
            Outcomes outcomes = Outcomes.read(client, "", expected, Duration.ofMinutes(3));
            outcomes.assertExactly(inputs);
            assertThat(runner.failure()).as("a failure that stopped the streams").isNull();
            await("streams running").atMost(Duration.ofMinutes(1)).until(runner::state,
                    equalTo(KafkaStreams.State.RUNNING));
        }
    }
}
