package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.testing.ClusterServices;
import io.wirestream.testing.Outcomes;
import io.wirestream.testing.PipelineWatch;
import io.wirestream.testing.SteadyFeed;
import io.wirestream.testing.ThreeNodeCluster;
import io.wirestream.testing.TracedInputs;
import io.wirestream.testing.WirestreamProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The network between wirestream and a three-node cluster cut for longer than the application's session (10 s here)
 * and its transactions' timeout (10 s), then healed, while dispatches flow: through fault-injecting proxies that are
 * the application's only way to the brokers. Alone, the instance is dropped from its group and its open transaction
 * aborted; healed, it must rejoin and go on by itself. With a second instance running, the second takes over the
 * first's partitions while it is cut off, and the first, back as a zombie, must be fenced rather than commit what it
 * had; then the second leaves and the first takes everything back. Each time the outputs, read as a downstream
 * consumer reads them ({@code read_committed}), hold every input's expected outcomes exactly.
 */
@Tag("cluster")
class ClusterNetworkCutIT {

    private static final String APPLICATION_ID = "network-cut-it";
    private static final String INPUT = TracedInputs.TOPICS.input();
    private static final Duration CUT = Duration.ofSeconds(25);
    private static final int PER_SECOND = 150;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static ClusterServices services;

    @BeforeEach
    void repairedCluster() throws Exception {
        services = ClusterServices.shared();
    }

    @Test
    void shouldReachTheBrokersOnlyThroughItsProxies() throws Exception {
        for (int route = 0; route < 2; route++) {
            ThreeNodeCluster.Route proxies = services.cluster().route(route);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", proxies.bootstrapServers()))) {
                Set<String> advertised = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream()
                        .map(n -> n.host() + ":" + n.port()).collect(Collectors.toSet());
                assertThat(advertised).as("brokers as a client of route %d sees them", route)
                        .containsExactlyInAnyOrder(proxies.bootstrapServers().split(","));
            }
        }
    }

    @Test
    void shouldGoOnByItselfAfterBeingCutOffFromTheWholeClusterForLongerThanItsSession() throws Exception {
        List<TracedInputs.Input> inputs = TracedInputs.wireFeed("cut-", 6_000);
        ThreeNodeCluster.Route route = services.cluster().route(0);
        try (WirestreamProcess app = services.runThrough(0, "alone", APPLICATION_ID);
                PipelineWatch watch = PipelineWatch.start(services.clientConfig(), APPLICATION_ID, INPUT)) {
            app.awaitStdout("Ctrl-C to stop.", Duration.ofMinutes(2));
            long before = watch.committed();
            try (SteadyFeed feed = SteadyFeed.start(services.clientConfig(), INPUT, inputs, PER_SECOND)) {
                watch.awaitCommitted(before + inputs.size() / 5, PATIENCE);
                long routed = watch.committed() - before;
                long cut = System.nanoTime();
                route.cut();
                Duration dropped = awaitAssignments(List.of(), cut);
                holdCut(watch, cut);
                route.heal();
                long heal = System.nanoTime();
                Duration rejoined = awaitAssignments(List.of(ClusterServices.PARTITIONS), heal);
                watch.awaitCommitting(PATIENCE);
                PipelineWatch.Recovery recovery = watch.recovery(cut);
                say("cut wirestream off from all three nodes for %.0f s at %,d of %,d dispatches routed: its group "
                        + "dropped it after %.1f s and nothing was committed until the network healed; %.1f s after "
                        + "the heal it had its partitions again, and every partition was committed again %.1f s "
                        + "after the heal (%s).", seconds(CUT), routed, inputs.size(), seconds(dropped),
                        seconds(rejoined), seconds(recovery.resumed()) - seconds(Duration.ofNanos(heal - cut)),
                        recovery);
                feed.awaitAcked(PATIENCE);
            }
            watch.awaitCaughtUp(PATIENCE);
            assertExactly(inputs, "cut-");
            app.stopAfterRunningThrough();
        }
    }

    @Test
    void shouldHandTheInputToASecondInstanceWhileTheFirstIsCutOffAndTakeItBackWhenTheSecondLeaves()
            throws Exception {
        List<TracedInputs.Input> inputs = TracedInputs.wireFeed("handover-", 9_000);
        ThreeNodeCluster.Route route = services.cluster().route(0);
        try (WirestreamProcess first = services.runThrough(0, "first", APPLICATION_ID);
                PipelineWatch watch = PipelineWatch.start(services.clientConfig(), APPLICATION_ID, INPUT)) {
            first.awaitStdout("Ctrl-C to stop.", Duration.ofMinutes(2));
            long before = watch.committed();
            try (SteadyFeed feed = SteadyFeed.start(services.clientConfig(), INPUT, inputs, PER_SECOND);
                    WirestreamProcess second = services.runThrough(1, "second", APPLICATION_ID)) {
                long joining = System.nanoTime();
                second.awaitStdout("Ctrl-C to stop.", Duration.ofMinutes(2));
                await("both instances have input partitions").atMost(PATIENCE).untilAsserted(() -> assertThat(
                        assignments()).hasSize(2).allMatch(n -> n > 0));
                say("a second instance joined mid-stream: both had input partitions %.1f s after it was started",
                        seconds(Duration.ofNanos(System.nanoTime() - joining)));

                long routed = watch.committed() - before;
                long cut = System.nanoTime();
                route.cut();
                Duration handedOver = awaitAssignments(List.of(ClusterServices.PARTITIONS), cut);
                watch.awaitCommitting(PATIENCE);
                PipelineWatch.Recovery takeover = watch.recovery(cut);
                holdCut(null, cut);
                route.heal();
                long heal = System.nanoTime();
                await("the first instance has partitions again").atMost(PATIENCE).untilAsserted(() -> assertThat(
                        assignments()).hasSize(2).allMatch(n -> n > 0));
                Duration rejoined = Duration.ofNanos(System.nanoTime() - heal);
                say("cut the first instance off for %.0f s at %,d of %,d dispatches routed: the second had all "
                        + "partitions %.1f s later and %s; healed, the first had partitions again after %.1f s.",
                        seconds(CUT), routed, inputs.size(), seconds(handedOver), takeover, seconds(rejoined));

                long leave = System.nanoTime();
                second.stopAfterRunningThrough();
                Duration takenBack = awaitAssignments(List.of(ClusterServices.PARTITIONS), leave);
                watch.awaitCommitting(PATIENCE);
                say("the second instance left (SIGTERM): the first had all partitions again after %.1f s, and %s.",
                        seconds(takenBack), watch.recovery(leave));
                feed.awaitAcked(PATIENCE);
            }
            watch.awaitCaughtUp(PATIENCE);
            assertExactly(inputs, "handover-");
            first.stopAfterRunningThrough();
        }
    }

    /**
     * Keeps the route cut until {@link #CUT} has passed since {@code cut}, checking all along that the cut-off instance
     * does nothing: alone ({@code watch} given), that nothing is committed (a commit in flight at the cut has landed
     * by the time this begins); beside another, that the other keeps every partition.
     */
    private static void holdCut(PipelineWatch watch, long cut) {
        Duration remaining = Duration.ofNanos(Math.max(0, CUT.toNanos() - (System.nanoTime() - cut)));
        if (watch == null) {
            await("the other instance keeps every partition").during(remaining).atMost(CUT.plusSeconds(10))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> assignments().equals(List.of(ClusterServices.PARTITIONS)));
        } else {
            long frozen = watch.committed();
            await("nothing committed while cut off").during(remaining).atMost(CUT.plusSeconds(10))
                    .until(() -> watch.committed() == frozen);
        }
    }

    /** Waits until the group's assignment is {@code expected}; how long since {@code sinceNanos}. */
    private static Duration awaitAssignments(List<Integer> expected, long sinceNanos) {
        await("assignment " + expected).atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> assignments().equals(expected));
        return Duration.ofNanos(System.nanoTime() - sinceNanos);
    }

    private static List<Integer> assignments() {
        return Outcomes.assignments(services.clientConfig(), APPLICATION_ID, INPUT);
    }

    private static void assertExactly(List<TracedInputs.Input> inputs, String prefix) {
        say("every one of the %,d inputs had exactly its %,d outcomes, read back read_committed", inputs.size(),
                services.assertExactly(inputs, prefix, PATIENCE));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static void say(String format, Object... args) {
        System.out.printf("[ClusterNetworkCutIT] " + format + "%n", args);
    }
}
