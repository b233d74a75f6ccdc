package io.wirestream.runtime;

import io.wirestream.config.WirestreamConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics the topology needs when they do not exist yet; existing ones are left as they are. New
 * topics take messages up to {@link #MAX_MESSAGE_BYTES}: a dispatch at the parser's 1 MiB limit becomes a
 * slightly larger Avro record, which the broker's default limit (1 MiB) would refuse, stopping the pipeline.
 * And they keep records without a time limit: record timestamps are publish times, so an archive's dispatches
 * are years old on arrival and the broker's default seven-day retention would delete them at once.
 */
public final class Topics {

    public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
    private static final Duration REACH_TIMEOUT = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(Topics.class);

    private Topics() {
    }

    /** Topics made by someone else that should keep the latest record per key, but would delete old ones. */
    private static void warnIfNotCompacted(Admin admin, List<String> names) throws InterruptedException,
            ExecutionException {
        if (names.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = names.stream()
                .map(n -> new ConfigResource(
                        ConfigResource.Type.TOPIC, n)).toList();
        admin.describeConfigs(resources).all().get().forEach((resource, config) -> {
            var policy = config.get("cleanup.policy");
            if (policy == null || !policy.value().contains("compact")) {
                LOG.warn("topic {} has cleanup.policy={}: its records (alert rules) will be deleted when they age; "
                        + "set cleanup.policy=compact", resource.name(), policy == null ? "?" : policy.value());
            }
        });
    }

    /**
     * How the topics wirestream creates are laid out.
     *
     * @param replicationFactor replicas of each partition; {@link WirestreamConfig.Topics#BROKER_DEFAULT} for the
     *                          broker's {@code default.replication.factor}
     */
    public record Layout(int partitions, int replicationFactor) {

        /** The layout the settings {@code topic.partitions} and {@code topic.replication-factor} ask for. */
        public static Layout of(WirestreamConfig.Topics topics) {
            return new Layout(topics.partitions(), topics.replicationFactor());
        }

        /** {@code partitions} each, replicated as the broker's default says. */
        public static Layout partitions(int partitions) {
            return new Layout(partitions, WirestreamConfig.Topics.BROKER_DEFAULT);
        }
    }

    /** Creates those of {@code names} that are missing, with {@code partitions} each and the broker's replication. */
    public static void ensure(Map<String, Object> adminConfig, Collection<String> names, int partitions)
            throws InterruptedException {
        ensure(adminConfig, names, Set.of(), Layout.partitions(partitions));
    }

    /** As above, laid out as {@code layout}; the topics in {@code compacted} keep the latest record per key instead. */
    public static void ensure(Map<String, Object> adminConfig, Collection<String> names, Set<String> compacted,
            Layout layout) throws InterruptedException {
        try (Admin admin = Admin.create(adminConfig)) {
            try {
                admin.describeCluster().clusterId().get(REACH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka at " + adminConfig.get("bootstrap.servers") + " did not answer within "
                        + REACH_TIMEOUT.toSeconds() + " s: is it running, and are bootstrap.servers and the security "
                        + "settings (kafka.*) right?");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof AuthenticationException) {
                    throw new IllegalStateException("Kafka at " + adminConfig.get("bootstrap.servers") + " refused to "
                            + "authenticate wirestream: " + e.getCause().getMessage() + " (check kafka.security.protocol, "
                            + "kafka.sasl.mechanism, kafka.sasl.jaas.config and the trust store)", e.getCause());
                }
                throw e;
            }
            Set<String> existing = createMissing(admin, names, compacted, layout);
            warnIfNotCompacted(admin, compacted.stream().filter(existing::contains).toList());
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics " + names + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Creates those of {@code names} that do not exist. Instances started together race to create the same topics:
     * a topic that another created meanwhile is as good as one this call created.
     */
    public static void createMissing(Admin admin, Collection<String> names, int partitions)
            throws InterruptedException, ExecutionException {
        createMissing(admin, names, Set.of(), Layout.partitions(partitions));
    }

    /** As above, the topics in {@code compacted} compacted; returns the names that existed before. */
    public static Set<String> createMissing(Admin admin, Collection<String> names, Set<String> compacted, Layout layout)
            throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        for (String name : names) {
            if (!existing.contains(name)) {
                NewTopic topic = new NewTopic(name, layout.partitions(), (short) layout.replicationFactor());
                missing.add(topic.configs(compacted.contains(name) ? Map.of("cleanup.policy", "compact")
                        : Map.of("max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES), "retention.ms", "-1")));
            }
        }
        if (missing.isEmpty()) {
            return existing;
        }
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, KafkaFuture<Void>> result : admin.createTopics(missing).values().entrySet()) {
            try {
                result.getValue().get();
                created.add(result.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                LOG.info("topic {} was created by another instance meanwhile", result.getKey());
            }
        }
        if (!created.isEmpty()) {
            LOG.debug("created topics {} ({} partitions each, replication factor {})", created, layout.partitions(),
                    layout.replicationFactor() == WirestreamConfig.Topics.BROKER_DEFAULT ? "the broker's default"
                            : layout.replicationFactor());
        }
        return existing;
    }
}
