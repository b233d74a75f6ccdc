package io.wirestream.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
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
    private static final java.time.Duration REACH_TIMEOUT = java.time.Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(Topics.class);

    private Topics() {
    }

    public static void ensure(Map<String, Object> adminConfig, Collection<String> names, int partitions)
            throws InterruptedException {
        try (Admin admin = Admin.create(adminConfig)) {
            try {
                admin.describeCluster().clusterId().get(REACH_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("Kafka at " + adminConfig.get("bootstrap.servers") + " did not answer within "
                        + REACH_TIMEOUT.toSeconds() + " s: is it running, and are bootstrap.servers and the security "
                        + "settings (kafka.*) right?");
            }
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String name : names) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, partitions, (short) -1)
                            .configs(Map.of("max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES),
                                    "retention.ms", "-1")));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
                LOG.info("created topics {} ({} partitions each)", missing.stream().map(NewTopic::name).toList(),
                        partitions);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics " + names + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
