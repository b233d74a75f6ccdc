package io.wirestream.runtime;

import io.wirestream.config.Settings;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The producer and consumer settings Kafka Streams gives the pipeline's own clients for given settings: Streams'
 * defaults and overrides (linger, max.poll.records, idempotence and read_committed under exactly-once), then the
 * {@code kafka.*} settings. For a plain client that must behave like the pipeline's, such as the copy that
 * {@code wirestream bench} measures the pipeline against.
 */
public final class StreamsClientConfigs {

    private StreamsClientConfigs() {
    }

    /** The settings of the pipeline's producer (without a transactional id: Streams makes its own). */
    public static Map<String, Object> producer(Settings settings, String clientId) {
        Map<String, Object> config = new HashMap<>(streamsConfig(settings).getProducerConfigs(clientId));
        config.keySet().retainAll(ProducerConfig.configNames());
        return config;
    }

    /** The settings of the pipeline's main consumer, but for Streams' own partition assignor. */
    public static Map<String, Object> consumer(Settings settings, String groupId, String clientId) {
        Map<String, Object> config = new HashMap<>(streamsConfig(settings).getMainConsumerConfigs(groupId, clientId, 0));
        config.keySet().retainAll(ConsumerConfig.configNames());
        config.remove(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
        return config;
    }

    /** Settings for any other client of the same cluster: the bootstrap servers and the {@code kafka.*} settings. */
    public static Map<String, Object> common(Settings settings) {
        return StreamsRunner.clientConfig(settings);
    }

    /** How often the pipeline commits (and so, under exactly-once, how often its output becomes visible). */
    public static long commitIntervalMs(Settings settings) {
        return streamsConfig(settings).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    }

    private static StreamsConfig streamsConfig(Settings settings) {
        return new StreamsConfig(StreamsRunner.properties(settings));
    }
}
