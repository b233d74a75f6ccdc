package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.testing.Outcomes;
import io.wirestream.testing.RealServices;
import io.wirestream.testing.TracedInputs;
import io.wirestream.testing.WirestreamProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Three embargoed stories held by a wirestream instance, its own JVM, among ordinary dispatches; the instance is
 * killed with SIGKILL while they are held, and another takes its place with an empty state directory, so that the
 * held dispatches come back from the store's changelog alone. Read as a downstream consumer reads them
 * ({@code read_committed}), nothing was out before the kill; afterwards each embargoed story is out exactly once,
 * and every other input has exactly its outcomes.
 */
class EmbargoCrashIT {

    private static final String APPLICATION_ID = "embargo-crash-it";
    private static final int DISPATCHES = 300;
    /** Long enough for the kill and the restart on a loaded machine; the test lasts about as long. */
    private static final Duration EMBARGO = Duration.ofSeconds(150);

    @Test
    void shouldReleaseEachHeldEmbargoExactlyOnceAfterTheInstanceHoldingItWasKilled() throws Exception {
        try (RealServices services = RealServices.start()) {
            Map<String, Object> client = Map.of("bootstrap.servers", services.bootstrapServers());
            List<TracedInputs.Input> inputs = new ArrayList<>(TracedInputs.wireFeed("e", DISPATCHES));
            Instant firstEmbargo;
            try (WirestreamProcess first = instance(services, "first")) {
                first.awaitStdout("Ctrl-C to stop.", Duration.ofMinutes(2));
                // Given three embargoed stories among the dispatches, all read and committed by the first instance
                firstEmbargo = Instant.now().plus(EMBARGO);
                List<TracedInputs.Input> embargoed = embargoed(firstEmbargo);
                inputs.addAll(embargoed);
                TracedInputs.produce(client, TracedInputs.TOPICS.input(), inputs);
                await("every input read and committed").atMost(Duration.ofMinutes(2))
                        .until(() -> Outcomes.committed(client, APPLICATION_ID, "raw-feed") >= inputs.size());
                Outcomes before = Outcomes.read(client, "e", expected(inputs.subList(0, DISPATCHES)),
                        Duration.ofMinutes(1));
                assertThat(Instant.now()).as("still under embargo when looked at").isBefore(firstEmbargo);
                assertThat(embargoed).allSatisfy(input -> assertThat(before.of(input.trace())).isEmpty());

                // When the instance holding them is killed, and another starts with no state of its own
                assertThat(first.kill()).as("exit code of the killed instance").isEqualTo(137);
            }
            try (WirestreamProcess second = instance(services, "second")) {
                second.awaitStdout("Ctrl-C to stop.", Duration.ofMinutes(2));

                // Then, once their time has passed, each embargoed story is out exactly once, and nothing else
                // was lost or repeated
                Outcomes after = Outcomes.read(client, "e", expected(inputs),
                        Duration.between(Instant.now(), firstEmbargo).plus(Duration.ofMinutes(3)));
                after.assertExactly(inputs);
                for (TracedInputs.Input input : inputs.subList(DISPATCHES, inputs.size())) {
                    assertThat(after.of(input.trace())).isNotEmpty().allSatisfy(record -> assertThat(
                            new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(guid(input.trace())));
                }
                assertThat(Instant.now()).as("released only after the embargo").isAfter(firstEmbargo);
                assertThat(second.stop()).as("exit code on SIGTERM").isEqualTo(143);
                assertThat(second.stderr()).doesNotContain("Exception in thread").doesNotContain("processing stopped");
            }
        }
    }

    /** Three ninjs stories of missiles, embargoed until {@code first} and five and ten seconds later. */
    private static List<TracedInputs.Input> embargoed(Instant first) {
        List<TracedInputs.Input> inputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String trace = "e-held-" + i;
            String item = """
                    {"uri": "%s", "type": "text", "version": "1", "versioncreated": "%s", "pubstatus": "usable",
                     "embargoed": "%s", "headline": "N. Korea to test-fire ballistic missile %d",
                     "body_text": "SEOUL -- North Korea will test-fire a ballistic missile, the military said."}
                    """.formatted(guid(trace), Instant.now(), first.plusSeconds(5L * i), i);
            inputs.add(TracedInputs.predict(trace, null, item.getBytes(StandardCharsets.UTF_8),
                    System.currentTimeMillis(), List.of()));
        }
        assertThat(inputs).allSatisfy(input -> assertThat(input.expected()).as("routed somewhere").isNotEmpty()
                .doesNotContain(TracedInputs.TOPICS.deadLetter()));
        return inputs;
    }

    private static String guid(String trace) {
        return "urn:example:embargo-crash-it:" + trace;
    }

    private static long expected(List<TracedInputs.Input> inputs) {
        return inputs.stream().mapToLong(input -> input.expected().size()).sum();
    }

    /** {@code wirestream run} against the shared services, with its own state directory. */
    private static WirestreamProcess instance(RealServices services, String name) throws Exception {
        return WirestreamProcess.start("run", "--dashboard-port", "0",
                "--bootstrap-servers", services.bootstrapServers(),
                "--schema-registry-url", services.registryUrl(), "--application-id", APPLICATION_ID,
                "--data-dir", services.dir().resolve(name).toString(), "--partitions", "3",
                "--embargo-mode", "hold",
                // Off, so that exactly-once itself is under test: a release done twice would otherwise be dropped
                // as a repeat of itself, and the doubling go unseen.
                "--dedup-window", "0");
    }
}
