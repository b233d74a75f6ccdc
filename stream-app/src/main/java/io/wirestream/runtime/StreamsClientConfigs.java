package io.wirestream.runtime;

import io.wirestream.config.WirestreamConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The producer and consumer config Kafka Streams gives the pipeline's own clients for given config: Streams'
 * defaults and overrides (linger, max.poll.records, idempotence and read_committed under exactly-once), then the
 * {@code kafka.*} config. For a plain client that must behave like the pipeline's, such as the copy that
 * {@code wirestream bench} measures the pipeline against.
 */
public final class StreamsClientConfigs {

    private StreamsClientConfigs() {
    }

    /** The config of the pipeline's producer (without a transactional id: Streams makes its own). */
    public static Map<String, Object> producer(WirestreamConfig config, String clientId) {
        Map<String, Object> clientConfig = new HashMap<>(streamsConfig(config).getProducerConfigs(clientId));
        clientConfig.keySet().retainAll(ProducerConfig.configNames());
        return clientConfig;
    }

    /** The config of the pipeline's main consumer, but for Streams' own partition assignor. */
    public static Map<String, Object> consumer(WirestreamConfig config, String groupId, String clientId) {
        Map<String, Object> clientConfig = new HashMap<>(streamsConfig(config).getMainConsumerConfigs(groupId, clientId, 0));
        clientConfig.keySet().retainAll(ConsumerConfig.configNames());
        clientConfig.remove(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
        return clientConfig;
    }

    /** Settings for any other client of the same cluster: the bootstrap servers and the {@code kafka.*} config. */
    public static Map<String, Object> common(WirestreamConfig config) {
        return config.kafkaClientConfig();
    }

    /** How often the pipeline commits (and so, under exactly-once, how often its output becomes visible). */
    public static long commitIntervalMs(WirestreamConfig config) {
        return streamsConfig(config).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    }

    private static StreamsConfig streamsConfig(WirestreamConfig config) {
        return new StreamsConfig(StreamsRunner.properties(config));
    }
}
