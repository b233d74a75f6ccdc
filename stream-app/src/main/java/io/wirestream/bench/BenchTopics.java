package io.wirestream.bench;

import io.wirestream.runtime.Topics;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** The bench's own topics, created as wirestream creates its topics, and ready before anything is sent to them. */
final class BenchTopics {

    private BenchTopics() {
    }

    /**
     * Creates the topics and returns once every partition's leader answers. A producer that starts sooner can meet a
     * leader that its metadata names but that does not lead yet, and an idempotent producer can then stall on
     * out-of-order sequence numbers.
     */
    static void create(Map<String, Object> client, Collection<String> topics, int partitions)
            throws InterruptedException {
        Topics.ensure(client, topics, partitions);
        try (Admin admin = Admin.create(client)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                    .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            // The admin client retries until the leaders answer (or its API timeout passes).
            admin.listOffsets(latest).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("topics " + topics + " did not become ready: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
