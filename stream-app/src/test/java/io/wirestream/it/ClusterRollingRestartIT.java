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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart of a three-node cluster, as an upgrade does it, while 20,000 dispatches flow: each node in turn
 * stopped (SIGTERM, a controlled shutdown), started again and waited for until every partition is in sync, then the
 * next. Meanwhile a second wirestream instance joins (while the second node restarts) and leaves again (while the
 * third does). Read as a downstream consumer reads them ({@code read_committed}), the outputs hold every input's
 * expected outcomes exactly; the test prints how long each restart held the pipeline up. About four minutes: "long",
 * so CI leaves it out (see docs/testing.md).
 */
@Tag("cluster")
@Tag("long")
class ClusterRollingRestartIT {

    private static final String APPLICATION_ID = "rolling-restart-it";
    private static final String INPUT = TracedInputs.TOPICS.input();
    private static final int DISPATCHES = 20_000;
    private static final int PER_SECOND = 150;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void shouldRouteEachOf20000DispatchesExactlyOnceThroughARollingRestartOfAllThreeNodes() throws Exception {
        rollingRestart(ClusterServices.shared());
    }

    private static void rollingRestart(ClusterServices services) throws Exception {
        ThreeNodeCluster cluster = services.cluster();
        List<TracedInputs.Input> inputs = TracedInputs.wireFeed("rolling-", DISPATCHES);
        try (WirestreamProcess first = services.run("first", APPLICATION_ID);
                PipelineWatch watch = PipelineWatch.start(services.clientConfig(), APPLICATION_ID, INPUT)) {
            first.awaitStdout("Ctrl-C to stop.", Duration.ofMinutes(2));
            long start = System.nanoTime();
            WirestreamProcess second = null;
            long joined = 0;
            CompletableFuture<Void> leaving = CompletableFuture.completedFuture(null);
            try (SteadyFeed feed = SteadyFeed.start(services.clientConfig(), INPUT, inputs, PER_SECOND)) {
                watch.awaitCommitted(DISPATCHES / 20, PATIENCE);
                for (int id = 1; id <= ThreeNodeCluster.NODES; id++) {
                    if (id == 2) {
                        second = services.run("second", APPLICATION_ID);
                        joined = System.nanoTime();
                    } else if (id == 3) {
                        leaving = leave(second, joined, services);
                    }
                    // As an operator does: the next node only once no partition is short of a replica.
                    Duration before = cluster.awaitInSync();
                    long stop = System.nanoTime();
                    long routed = watch.committed();
                    Duration stopped = cluster.stop(id);
                    Duration back = cluster.restart(id);
                    Duration inSync = cluster.awaitInSync();
                    watch.awaitCommitting(PATIENCE);
                    say("node %d (every partition in sync after %.1f s) stopped (SIGTERM) at %,d of %,d dispatches "
                            + "routed, in %.1f s; back after %.1f s, every partition in sync %.1f s later; %s.", id,
                            seconds(before), routed, DISPATCHES, seconds(stopped), seconds(back), seconds(inSync),
                            watch.recovery(stop));
                }
                leaving.join();
                feed.awaitAcked(PATIENCE);
            } finally {
                if (second != null) {
                    second.close();
                }
            }
            watch.awaitCaughtUp(PATIENCE);
            say("all %,d dispatches routed %.0f s after the feed began", DISPATCHES,
                    seconds(Duration.ofNanos(System.nanoTime() - start)));
            say("every one of the %,d inputs had exactly its %,d outcomes, read back read_committed", inputs.size(),
                    services.assertExactly(inputs, "rolling-", PATIENCE));
            first.stopAfterRunningThrough();
        }
    }

    /**
     * Once the second instance has joined - it has input partitions, and so has the first - it leaves (SIGTERM) in
     * the background, while the next node restarts.
     */
    private static CompletableFuture<Void> leave(WirestreamProcess second, long joined, ClusterServices services)
            throws InterruptedException {
        second.awaitStdout("Ctrl-C to stop.", Duration.ofMinutes(2));
        await("both instances have input partitions").atMost(PATIENCE).untilAsserted(() -> assertThat(
                Outcomes.assignments(services.clientConfig(), APPLICATION_ID, INPUT)).hasSize(2).allMatch(n -> n > 0));
        say("a second instance joined while node 2 restarted: both had input partitions %.1f s after it was started",
                seconds(Duration.ofNanos(System.nanoTime() - joined)));
        return CompletableFuture.runAsync(() -> {
            try {
                long leave = System.nanoTime();
                second.stopAfterRunningThrough();
                Duration exited = Duration.ofNanos(System.nanoTime() - leave);
                await("the first instance has all input partitions").atMost(PATIENCE).until(() -> Outcomes
                        .assignments(services.clientConfig(), APPLICATION_ID, INPUT).equals(List.of(ClusterServices.PARTITIONS)));
                say("the second instance left while node 3 restarted: it exited %.1f s after its SIGTERM, and the "
                        + "first had all partitions again %.1f s after it", seconds(exited),
                        seconds(Duration.ofNanos(System.nanoTime() - leave)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static void say(String format, Object... args) {
        System.out.printf("[ClusterRollingRestartIT] " + format + "%n", args);
    }
}
