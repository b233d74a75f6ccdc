package io.wirestream.testing;

import static org.awaitility.Awaitility.await;

import io.wirestream.embedded.Ports;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * Three Kafka nodes, each a {@link ChildBroker} (KRaft, broker and controller combined, a static quorum of the three),
 * configured as a production cluster is: three replicas and two in sync for every topic by default, the transaction
 * log and group offsets likewise. Nodes are numbered 1 to 3 and can be SIGKILLed, stopped and started again one by
 * one; the cluster says who leads a partition and who the active controller is.
 *
 * <p>The test's own clients (feeding inputs, reading outcomes, these questions) reach the nodes directly. An
 * application that the test will cut off reaches them only through a {@link Route}: for each route every node has a
 * listener of its own, advertised at the address of a {@link TcpProxy} in front of it, so that a client that
 * bootstraps through the route's proxies learns the proxies' addresses, never the nodes', and cutting the route cuts
 * it off from the whole cluster. Two routes let two application instances be cut off apart.
 */
public final class ThreeNodeCluster implements AutoCloseable {

    public static final int NODES = 3;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final List<ChildBroker> nodes;
    private final List<Route> routes;
    private final Admin admin;

    private ThreeNodeCluster(List<ChildBroker> nodes, List<Route> routes) {
        this.nodes = nodes;
        this.routes = routes;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** The proxies through which one application instance reaches the cluster, one per node. */
    public static final class Route implements AutoCloseable {
        private final List<TcpProxy> proxies;

        private Route(List<TcpProxy> proxies) {
            this.proxies = proxies;
        }

        /** The bootstrap servers to give the application: the proxies. */
        public String bootstrapServers() {
            return proxies.stream().map(TcpProxy::address).collect(Collectors.joining(","));
        }

        /** Cuts the application off from every node. */
        public void cut() {
            proxies.forEach(TcpProxy::cut);
        }

        public void heal() {
            proxies.forEach(TcpProxy::heal);
        }

        @Override
        public void close() {
            proxies.forEach(TcpProxy::close);
        }
    }

    /** Formats and starts three nodes under {@code dir}, with {@code routes} proxied routes for applications. */
    public static ThreeNodeCluster start(Path dir, int routes) throws IOException, InterruptedException {
        String clusterId = Uuid.randomUuid().toString();
        int[] direct = new int[NODES];
        int[] controller = new int[NODES];
        for (int i = 0; i < NODES; i++) {
            direct[i] = Ports.freePort();
            controller[i] = Ports.freePort();
        }
        String voters = IntStream.range(0, NODES).mapToObj(i -> (i + 1) + "@127.0.0.1:" + controller[i])
                .collect(Collectors.joining(","));
        List<List<TcpProxy>> proxies = new ArrayList<>();
        int[][] routePorts = new int[routes][NODES];
        for (int r = 0; r < routes; r++) {
            proxies.add(new ArrayList<>());
            for (int i = 0; i < NODES; i++) {
                routePorts[r][i] = Ports.freePort();
                proxies.get(r).add(TcpProxy.start(routePorts[r][i]));
            }
        }
        List<Callable<ChildBroker>> formats = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            StringBuilder listeners = new StringBuilder("DIRECT://127.0.0.1:" + direct[i] + ",CONTROLLER://127.0.0.1:"
                    + controller[i]);
            StringBuilder advertised = new StringBuilder("DIRECT://127.0.0.1:" + direct[i]);
            StringBuilder protocols = new StringBuilder("DIRECT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            for (int r = 0; r < routes; r++) {
                listeners.append(",ROUTE").append(r).append("://127.0.0.1:").append(routePorts[r][i]);
                advertised.append(",ROUTE").append(r).append("://").append(proxies.get(r).get(i).address());
                protocols.append(",ROUTE").append(r).append(":PLAINTEXT");
            }
            int id = i + 1;
            List<String> settings = List.of(
                    "controller.quorum.voters=" + voters,
                    "listeners=" + listeners,
                    "advertised.listeners=" + advertised,
                    "inter.broker.listener.name=DIRECT",
                    "listener.security.protocol.map=" + protocols,
                    "default.replication.factor=3",
                    "min.insync.replicas=2",
                    "offsets.topic.replication.factor=3",
                    "transaction.state.log.replication.factor=3",
                    "transaction.state.log.min.isr=2",
                    // Fewer than the default 50 each: a restarted node recovers and catches up in seconds, not half a
                    // minute, on a shared test machine. Replication, which is what the tests are about, is untouched.
                    "offsets.topic.num.partitions=12",
                    "transaction.state.log.num.partitions=12");
            formats.add(() -> ChildBroker.format(dir.resolve("node-" + id), id, clusterId, direct[id - 1], settings));
        }
        List<ChildBroker> nodes = new ArrayList<>();
        List<Route> routeList = proxies.stream().map(Route::new).toList();
        ExecutorService formatting = Executors.newFixedThreadPool(NODES);
        try {
            for (Future<ChildBroker> node : formatting.invokeAll(formats)) {
                nodes.add(node.get());
            }
            for (ChildBroker node : nodes) {
                node.launch();
            }
            nodes.forEach(ChildBroker::awaitReady);
        } catch (ExecutionException | RuntimeException e) {
            routeList.forEach(Route::close);
            nodes.forEach(ChildBroker::close);
            throw new IOException("the cluster did not start", e);
        } finally {
            formatting.shutdownNow();
        }
        return new ThreeNodeCluster(nodes, routeList);
    }

    /** Every node's direct address: for the test's own clients, which no fault of a route touches. */
    public String bootstrapServers() {
        return nodes.stream().map(ChildBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    public Map<String, Object> clientConfig() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    /** Route {@code r}, from 0. */
    public Route route(int r) {
        return routes.get(r);
    }

    public ChildBroker node(int id) {
        return nodes.get(id - 1);
    }

    /** SIGKILLs node {@code id}; returns once the cluster has noticed and fenced it, with how long that took. */
    public Duration kill(int id) throws InterruptedException {
        int exit = node(id).kill();
        if (exit != 137) {
            throw new IllegalStateException("node " + id + " exited with " + exit + " rather than by SIGKILL");
        }
        return awaitFenced(id);
    }

    /** Stops node {@code id} as an operator does (SIGTERM: a controlled shutdown); returns how long it took. */
    public Duration stop(int id) throws InterruptedException {
        long start = System.nanoTime();
        int exit = node(id).stop();
        if (exit != 143 && exit != 0) {
            throw new IllegalStateException("node " + id + " exited with " + exit + " on SIGTERM");
        }
        awaitFenced(id);
        return since(start);
    }

    /** Starts node {@code id} again; returns once it is back in the cluster, with how long that took. */
    public Duration restart(int id) throws IOException, InterruptedException {
        long start = System.nanoTime();
        node(id).start();
        return since(start);
    }

    /** Waits until the cluster has fenced node {@code id}, no longer counting it in; how long that took. */
    public Duration awaitFenced(int id) {
        long start = System.nanoTime();
        await("the cluster has fenced node " + id).atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> liveNodes().map(ids -> !ids.contains(id)).orElse(false));
        return since(start);
    }

    private Optional<Set<Integer>> liveNodes() {
        try {
            return Optional.of(admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).stream().map(Node::id)
                    .collect(Collectors.toSet()));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The leader of each partition of {@code topic}, by partition; -1 for a partition with none. */
    public Map<Integer, Integer> leaders(String topic) {
        Map<Integer, Integer> leaders = new TreeMap<>();
        for (TopicPartitionInfo partition : describe(topic).partitions()) {
            leaders.put(partition.partition(), partition.leader() == null ? -1 : partition.leader().id());
        }
        return leaders;
    }

    /** The node the metadata quorum follows now. */
    public int activeController() {
        return await("the metadata quorum has a leader").atMost(TIMEOUT).until(() -> {
            try {
                return admin.describeMetadataQuorum().quorumInfo().get(5, TimeUnit.SECONDS).leaderId();
            } catch (ExecutionException | TimeoutException e) {
                return -1;
            }
        }, id -> id > 0);
    }

    /**
     * Makes node {@code id} the leader of every partition of {@code topic}, as an operator would: the same replicas,
     * {@code id} first, then a preferred leader election.
     */
    public void lead(String topic, int id) throws InterruptedException, ExecutionException {
        Map<TopicPartition, Optional<NewPartitionReassignment>> order = new TreeMap<>(
                (a, b) -> Integer.compare(a.partition(), b.partition()));
        for (TopicPartitionInfo partition : describe(topic).partitions()) {
            List<Integer> replicas = new ArrayList<>(List.of(id));
            partition.replicas().stream().map(Node::id).filter(n -> n != id).forEach(replicas::add);
            order.put(new TopicPartition(topic, partition.partition()),
                    Optional.of(new NewPartitionReassignment(replicas)));
        }
        admin.alterPartitionReassignments(order).all().get();
        await("reassignment of " + topic).atMost(TIMEOUT).until(() -> admin.listPartitionReassignments().reassignments()
                .get().isEmpty());
        await(topic + " led by node " + id).atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            try {
                admin.electLeaders(ElectionType.PREFERRED, order.keySet()).all().get();
            } catch (ExecutionException e) {
                // ELECTION_NOT_NEEDED for partitions led so already; the leaders below decide.
            }
            return leaders(topic).values().stream().allMatch(l -> l == id);
        });
    }

    /**
     * Undoes what a test left behind, so that the next finds a whole cluster: every route healed, every node that is
     * down started again, every partition in sync.
     */
    public void repair() throws IOException, InterruptedException {
        routes.forEach(Route::heal);
        for (ChildBroker node : nodes) {
            if (!node.isAlive()) {
                awaitFenced(node.nodeId());
                node.start();
            }
        }
        awaitInSync();
    }

    /** Waits until every partition of every topic has all its replicas in sync again; how long that took. */
    public Duration awaitInSync() {
        long start = System.nanoTime();
        await("every partition has all its replicas in sync").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> underReplicated().isEmpty());
        return since(start);
    }

    /** Partitions with fewer replicas in sync than they have. */
    public Set<String> underReplicated() throws InterruptedException, ExecutionException {
        Set<String> lagging = new TreeSet<>();
        Set<String> topics = admin.listTopics().names().get();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                .stream().filter(p -> p.isr().size() < p.replicas().size())
                .forEach(p -> lagging.add(name + "-" + p.partition())));
        return lagging;
    }

    private TopicDescription describe(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        routes.forEach(Route::close);
        nodes.forEach(ChildBroker::closeAndDeleteData);
    }
}
