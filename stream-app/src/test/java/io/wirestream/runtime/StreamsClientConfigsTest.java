package io.wirestream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.config.ConfigLoader;
import io.wirestream.config.Setting;
import io.wirestream.config.WirestreamConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's client settings: Streams' own, wirestream's defaults, and what the user set winning over both. */
class StreamsClientConfigsTest {

    @TempDir
    Path dir;

    @Test
    void shouldLingerBrieflyInLargeBatchesTransactionallyUnderExactlyOnce() throws Exception {
        WirestreamConfig settings = ConfigLoader.load(Map.of(), Map.of(), Map.of(Setting.BOOTSTRAP_SERVERS, "127.0.0.1:9092"));

        Map<String, Object> producer = StreamsClientConfigs.producer(settings, "p");
        Map<String, Object> consumer = StreamsClientConfigs.consumer(settings, "g", "c");

        assertThat(producer).containsEntry("linger.ms", "5").containsEntry("batch.size", "131072")
                .containsEntry("enable.idempotence", true).containsEntry("max.request.size", "8388608");
        assertThat(consumer).containsEntry("isolation.level", "read_committed").containsEntry("group.id", "g")
                .doesNotContainKey("partition.assignment.strategy");
        assertThat(StreamsClientConfigs.commitIntervalMs(settings)).isEqualTo(100);
    }

    @Test
    void shouldKeepWhatTheUserSetPlainOrForTheProducerOnly() throws Exception {
        Path config = dir.resolve("wirestream.properties");
        Files.writeString(config, "kafka.linger.ms=50\nkafka.producer.batch.size=16384\nkafka.commit.interval.ms=30\n");
        WirestreamConfig settings = ConfigLoader.load(config, Map.of(), Map.of(Setting.BOOTSTRAP_SERVERS, "127.0.0.1:9092",
                Setting.PROCESSING_GUARANTEE, "at_least_once"));

        Map<String, Object> producer = StreamsClientConfigs.producer(settings, "p");

        assertThat(producer).containsEntry("linger.ms", "50").containsEntry("batch.size", "16384");
        assertThat(StreamsClientConfigs.consumer(settings, "g", "c")).doesNotContainKey("isolation.level");
        assertThat(StreamsClientConfigs.commitIntervalMs(settings)).isEqualTo(30);
    }
}
