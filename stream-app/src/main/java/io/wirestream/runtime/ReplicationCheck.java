package io.wirestream.runtime;

import io.wirestream.config.Setting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at start when the topics wirestream uses are less safe than the cluster could make them. On three brokers or
 * more, a topic should have three replicas (one broker lost and another restarting, every record still has a copy)
 * and {@code min.insync.replicas} of two (a record acknowledged to {@code acks=all} is on two brokers). A cluster left
 * at Kafka's defaults gives one replica and a minimum of one: a lost disk then loses routed news for good, silently.
 * Fewer brokers cannot give that, so they are not warned about.
 */
public final class ReplicationCheck {

    static final int CLUSTER = 3;
    static final int REPLICAS = 3;
    static final int MIN_IN_SYNC = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationCheck.class);
    private static final long TIMEOUT_SECONDS = 15;

    private ReplicationCheck() {
    }

    /** What a topic has: the fewest replicas of any of its partitions, and its {@code min.insync.replicas}. */
    record Replication(int replicas, int minInSync) {
    }

    /**
     * Logs a warning, naming the topics, for each way the existing ones of {@code names} and the internal topics of
     * {@code applicationId} fall short. Never fails: a cluster that does not let wirestream look is only noted.
     */
    public static void warnIfWeak(Map<String, Object> adminConfig, Collection<String> names, String applicationId)
            throws InterruptedException {
        try (Admin admin = Admin.create(adminConfig)) {
            int brokers = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
            if (brokers < CLUSTER) {
                return;
            }
            Set<String> used = new TreeSet<>(names);
            Predicate<String> internal = name -> name.startsWith(applicationId + "-")
                    && (name.endsWith("-changelog") || name.endsWith("-repartition"));
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            existing.stream().filter(internal).forEach(used::add);
            used.retainAll(existing);
            warnings(brokers, replication(admin, used)).forEach(LOG::warn);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.info("could not check the replication of the topics wirestream uses: {}", e.toString());
        }
    }

    private static Map<String, Replication> replication(Admin admin, Set<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<ConfigResource, Config> configs = admin.describeConfigs(topics.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList()).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, Replication> replication = new TreeMap<>();
        descriptions.forEach((name, description) -> {
            int replicas = description.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
            ConfigEntry minInSync = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name))
                    .get("min.insync.replicas");
            int minimum = minInSync == null ? 1 : Integer.parseInt(minInSync.value());
            replication.put(name, new Replication(replicas, minimum));
        });
        return replication;
    }

    /** The warnings for {@code topics} on a cluster of {@code brokers}; none when all is well or cannot be. */
    static List<String> warnings(int brokers, Map<String, Replication> topics) {
        List<String> warnings = new ArrayList<>();
        if (brokers < CLUSTER) {
            return warnings;
        }
        String few = list(topics, r -> r.replicas() < REPLICAS, r -> r.replicas() + (r.replicas() == 1 ? " replica"
                : " replicas"));
        if (!few.isEmpty()) {
            warnings.add("topics with fewer than " + REPLICAS + " replicas on this cluster of " + brokers + " brokers: "
                    + few + ". One broker lost can lose their records for good, or stop the pipeline until it is "
                    + "back. Give them " + REPLICAS + " replicas: " + Setting.REPLICATION_FACTOR.key() + "="
                    + REPLICAS + " (--replication-factor) for the topics wirestream creates and for Kafka Streams' "
                    + "internal ones, kafka-reassign-partitions for those that exist.");
        }
        String lax = list(topics, r -> r.minInSync() < MIN_IN_SYNC, r -> "min.insync.replicas=" + r.minInSync());
        if (!lax.isEmpty()) {
            warnings.add("topics with min.insync.replicas below " + MIN_IN_SYNC + ": " + lax + ". A record counts as "
                    + "written once the leader alone has it, and is lost if that broker fails before a follower "
                    + "copies it. Set min.insync.replicas=" + MIN_IN_SYNC + " on them (kafka-configs --alter "
                    + "--add-config) or as the brokers' default.");
        }
        String stuck = list(topics, r -> r.replicas() < r.minInSync(), r -> r.replicas() + " of "
                + r.minInSync() + " needed");
        if (!stuck.isEmpty()) {
            warnings.add("topics with fewer replicas than their min.insync.replicas: " + stuck + ". No write with "
                    + "acks=all can succeed there: wirestream will wait on them.");
        }
        return warnings;
    }

    private static String list(Map<String, Replication> topics, Predicate<Replication> weak,
            Function<Replication, String> what) {
        return new TreeMap<>(topics).entrySet().stream().filter(e -> weak.test(e.getValue()))
                .map(e -> e.getKey() + " (" + what.apply(e.getValue()) + ")").collect(Collectors.joining(", "));
    }
}
