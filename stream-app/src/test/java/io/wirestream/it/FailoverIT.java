package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.wirestream.testing.Outcomes;
import io.wirestream.testing.RealServices;
import io.wirestream.testing.TracedInputs;
import io.wirestream.testing.WirestreamProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two wirestream instances, each its own JVM started as a user starts it ({@code java -jar wirestream.jar run}),
 * share one application id and a 6-partition {@code raw-feed}: both get tasks. While 20,000 dispatches flow, one
 * is killed with SIGKILL - no shutdown hook, no commit, an open transaction left behind - and the survivor takes
 * over its partitions. Read as a downstream consumer reads them ({@code read_committed}), the outputs hold every
 * input's expected outcomes exactly: none lost, none doubled.
 */
class FailoverIT {

    private static final String APPLICATION_ID = "failover-it";
    private static final int DISPATCHES = 20_000;
    private static final int PARTITIONS = 6;
    @Test
    void shouldLoseNothingAndDoubleNothingWhenOneOfTwoInstancesIsKilled() throws Exception {
        try (RealServices services = RealServices.start()) {
            killOneOfTwo(services);
        }
    }

    private static void killOneOfTwo(RealServices services) throws Exception {
        Path config = services.dir().resolve("failover.properties");
        // A short session, so that the survivor takes over seconds after the kill rather than 45 s.
        Files.writeString(config, "kafka.session.timeout.ms=6000\nkafka.heartbeat.interval.ms=1000\n");
        Map<String, Object> client = Map.of("bootstrap.servers", services.bootstrapServers());
        try (WirestreamProcess first = instance(services, "first", config);
                WirestreamProcess second = instance(services, "second", config)) {
            first.awaitStdout("Ctrl-C to stop.", Duration.ofMinutes(2));
            second.awaitStdout("Ctrl-C to stop.", Duration.ofMinutes(2));
            await("both instances have input partitions").atMost(Duration.ofMinutes(2))
                    .untilAsserted(() -> assertThat(assignments(client)).hasSize(2).allMatch(n -> n > 0));

            List<TracedInputs.Input> inputs = TracedInputs.wireFeed("f", DISPATCHES);
            TracedInputs.produce(client, TracedInputs.TOPICS.input(), inputs);
            await("a fifth of the dispatches routed").atMost(Duration.ofMinutes(2))
                    .until(() -> Outcomes.committed(client, APPLICATION_ID, "raw-feed") >= DISPATCHES / 5);
            // Exit code 137 = 128 + 9: SIGKILL, not a polite stop.
            assertThat(second.kill()).as("exit code of the killed instance").isEqualTo(137);
            assertThat(Outcomes.committed(client, APPLICATION_ID, "raw-feed")).as("killed mid-stream")
                    .isLessThan(DISPATCHES);

            await("the survivor has all input partitions").atMost(Duration.ofMinutes(2))
                    .until(() -> assignments(client), equalTo(List.of(PARTITIONS)));
            long expected = inputs.stream().mapToLong(i -> i.expected().size()).sum();
            Outcomes outcomes = Outcomes.read(client, "f", expected, Duration.ofMinutes(3));
            outcomes.assertExactly(inputs);

            assertThat(first.isAlive()).as("the survivor runs on").isTrue();
            assertThat(first.stop()).as("exit code of the survivor on SIGTERM").isEqualTo(143);
            assertThat(first.stderr()).doesNotContain("Exception in thread").doesNotContain("processing stopped");
        }
    }

    /** {@code wirestream run} against the shared services, with its own state directory. */
    private static WirestreamProcess instance(RealServices services, String name, Path config) throws Exception {
        return WirestreamProcess.start("run", "--dashboard-port", "0",
                "--bootstrap-servers", services.bootstrapServers(),
                "--schema-registry-url", services.registryUrl(), "--application-id", APPLICATION_ID,
                "--data-dir", services.dir().resolve(name).toString(), "--partitions", Integer.toString(PARTITIONS),
                "--config", config.toString(),
                // Off, so that exactly-once itself is under test: with deduplication on, an input processed twice
                // would be dropped as a repeat of itself and the doubling would go unseen.
                "--dedup-window", "0");
    }

    /** The number of input partitions of each member of the application's group. */
    private static List<Integer> assignments(Map<String, Object> client) {
        return Outcomes.assignments(client, APPLICATION_ID, "raw-feed");
    }
}
