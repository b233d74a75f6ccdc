package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirestream.testing.ClusterServices;
import io.wirestream.testing.PipelineWatch;
import io.wirestream.testing.SteadyFeed;
import io.wirestream.testing.ThreeNodeCluster;
import io.wirestream.testing.TracedInputs;
import io.wirestream.testing.WirestreamProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * wirestream on a three-node cluster configured as production clusters are (three replicas, two in sync), while
 * dispatches flow: the node leading every input partition is SIGKILLed and brought back; the active controller is
 * SIGKILLed and brought back. Each time, read as a downstream consumer reads them ({@code read_committed}), the
 * outputs hold every input's expected outcomes exactly, and the test prints how long the pipeline stalled. And a
 * start against under-replicated topics warns, naming them.
 */
@Tag("cluster")
class ClusterFailuresIT {

    private static final String APPLICATION_ID = "cluster-failures-it";
    private static final String INPUT = TracedInputs.TOPICS.input();
    private static final int DISPATCHES = 6_000;
    private static final int PER_SECOND = 150;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static ClusterServices services;

    @BeforeEach
    void repairedCluster() throws Exception {
        services = ClusterServices.shared();
    }

    @Test
    void shouldRouteEachDispatchExactlyOnceWhenTheLeaderOfTheInputIsKilledAndBroughtBack() throws Exception {
        ThreeNodeCluster cluster = services.cluster();
        // Not the controller, so that this is about the partitions' leader alone.
        int leader = cluster.activeController() % ThreeNodeCluster.NODES + 1;
        cluster.lead(INPUT, leader);
        List<TracedInputs.Input> inputs = TracedInputs.wireFeed("leader-", DISPATCHES);
        try (WirestreamProcess app = services.run("leader", APPLICATION_ID);
                PipelineWatch watch = PipelineWatch.start(services.clientConfig(), APPLICATION_ID, INPUT)) {
            app.awaitStdout("Ctrl-C to stop.", Duration.ofMinutes(2));
            long before = watch.committed();
            try (SteadyFeed feed = SteadyFeed.start(services.clientConfig(), INPUT, inputs, PER_SECOND)) {
                watch.awaitCommitted(before + DISPATCHES / 4, PATIENCE);

                long kill = System.nanoTime();
                long routed = watch.committed() - before;
                Duration fenced = cluster.kill(leader);
                Map<Integer, Integer> leaders = cluster.leaders(INPUT);
                watch.awaitCommitting(PATIENCE);
                PipelineWatch.Recovery recovery = watch.recovery(kill);
                Duration back = cluster.restart(leader);
                Duration inSync = cluster.awaitInSync();
                say("SIGKILLed node %d, leader of all %d partitions of %s, at %,d of %,d dispatches routed; the cluster "
                        + "fenced it after %.1f s and the partitions moved to %s; %s. Node %d was back after %.1f s "
                        + "and in sync %.1f s later.", leader, leaders.size(), INPUT, routed,
                        DISPATCHES, seconds(fenced), leaders, recovery, leader, seconds(back), seconds(inSync));
                assertThat(leaders.values()).as("new leaders").doesNotContain(leader, -1);
                feed.awaitAcked(PATIENCE);
            }
            watch.awaitCaughtUp(PATIENCE);
            assertExactly(inputs, "leader-");
            app.stopAfterRunningThrough();
        }
    }

    @Test
    void shouldRouteEachDispatchExactlyOnceWhenTheActiveControllerIsKilled() throws Exception {
        ThreeNodeCluster cluster = services.cluster();
        int controller = cluster.activeController();
        // The input led elsewhere, so that this is about the controller (which still leads other partitions).
        cluster.lead(INPUT, controller % ThreeNodeCluster.NODES + 1);
        List<TracedInputs.Input> inputs = TracedInputs.wireFeed("controller-", DISPATCHES);
        try (WirestreamProcess app = services.run("controller", APPLICATION_ID);
                PipelineWatch watch = PipelineWatch.start(services.clientConfig(), APPLICATION_ID, INPUT)) {
            app.awaitStdout("Ctrl-C to stop.", Duration.ofMinutes(2));
            long before = watch.committed();
            try (SteadyFeed feed = SteadyFeed.start(services.clientConfig(), INPUT, inputs, PER_SECOND)) {
                watch.awaitCommitted(before + DISPATCHES / 4, PATIENCE);

                long kill = System.nanoTime();
                long routed = watch.committed() - before;
                cluster.node(controller).kill();
                int successor = await("a new active controller").atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(100)).until(cluster::activeController, id -> id != controller);
                Duration elected = Duration.ofNanos(System.nanoTime() - kill);
                watch.awaitCommitting(PATIENCE);
                PipelineWatch.Recovery recovery = watch.recovery(kill);
                cluster.awaitFenced(controller);
                Duration back = cluster.restart(controller);
                Duration inSync = cluster.awaitInSync();
                say("SIGKILLed node %d, the active controller, at %,d of %,d dispatches routed; node %d was "
                        + "controller %.1f s later; %s. Node %d was back after %.1f s and in sync %.1f s later.",
                        controller, routed, DISPATCHES, successor, seconds(elected), recovery,
                        controller, seconds(back), seconds(inSync));
                feed.awaitAcked(PATIENCE);
            }
            watch.awaitCaughtUp(PATIENCE);
            assertExactly(inputs, "controller-");
            app.stopAfterRunningThrough();
        }
    }

    @Test
    void shouldWarnAtStartOfTopicsWithFewerThanThreeReplicasOrTwoInSync() throws Exception {
        try (Admin admin = Admin.create(services.clientConfig())) {
            // Made by someone else: two replicas, and a write counts once the leader has it.
            admin.createTopics(List.of(new NewTopic("thin-feed", 3, (short) 2)
                    .configs(Map.of("min.insync.replicas", "1")))).all().get();
        }
        // The rest made by wirestream, with the one replica it is told to give them; deduplication on, so that Kafka
        // Streams makes its changelogs too (seen contents, stories, held dispatches). The subjects' topics exist already
        // with three replicas.
        try (WirestreamProcess app = services.run("thin", "thin-it", "--replication-factor", "1",
                "--input-topic", "thin-feed", "--unrouted-topic", "thin-unrouted", "--dead-letter-topic", "thin-feed.dlq",
                "--alerts-topic", "thin-alerts", "--alert-rules-topic", "thin-alert-rules", "--dedup-window", "1d")) {
            app.awaitStdout("Ctrl-C to stop.", Duration.ofMinutes(2));
            String log = app.stderr();
            say("wirestream run against topics with too few replicas logged:%n%s", log);

            assertThat(log).contains("WARN", "topics with fewer than 3 replicas on this cluster of 3 brokers: "
                    + "thin-alert-rules (1 replica), thin-alerts (1 replica), thin-feed (2 replicas), "
                    + "thin-feed.dlq (1 replica), thin-it-held-dispatches-changelog (1 replica), "
                    + "thin-it-seen-content-ids-changelog (1 replica), thin-it-story-states-changelog (1 replica), "
                    + "thin-unrouted (1 replica).")
                    .contains("topics with min.insync.replicas below 2: thin-feed (min.insync.replicas=1).")
                    .contains("topics with fewer replicas than their min.insync.replicas: thin-alert-rules (1 of 2 "
                            + "needed), thin-alerts (1 of 2 needed)")
                    .doesNotContain("alliance (", "raw-feed (");
            assertThat(replicas("thin-unrouted", "thin-it-seen-content-ids-changelog", "thin-it-story-states-changelog",
                    "thin-it-held-dispatches-changelog")).as("replicas")
                    .containsOnly(1);
            assertThat(app.stop()).isEqualTo(143);
        }
    }

    private static Set<Integer> replicas(String... topics) throws Exception {
        try (Admin admin = Admin.create(services.clientConfig())) {
            Map<String, TopicDescription> descriptions = new TreeMap<>(admin.describeTopics(List.of(topics))
                    .allTopicNames().get(30, TimeUnit.SECONDS));
            return Set.copyOf(descriptions.values().stream().flatMap(d -> d.partitions().stream())
                    .map(p -> p.replicas().size()).toList());
        }
    }

    private static void assertExactly(List<TracedInputs.Input> inputs, String prefix) {
        say("every one of the %,d inputs had exactly its %,d outcomes, read back read_committed", inputs.size(),
                services.assertExactly(inputs, prefix, PATIENCE));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static void say(String format, Object... args) {
        System.out.printf("[ClusterFailuresIT] " + format + "%n", args);
    }
}
