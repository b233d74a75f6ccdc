package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** replay, tail and reprocess take the security settings from the same environment variables as run. */
class ClusterOptionsTest {

    @Test
    void shouldTakeKafkaAndRegistrySecurityFromTheEnvironment() {
        ClusterOptions cluster = new ClusterOptions();
        cluster.bootstrapServers = "kafka:9093";
        cluster.registryUrl = "https://registry:8081";
        Map<String, String> env = Map.of("WIRESTREAM_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "WIRESTREAM_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "WIRESTREAM_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO",
                "WIRESTREAM_BASIC_AUTH_USER_INFO", "wire:secret");

        assertThat(cluster.kafka(env)).containsEntry("bootstrap.servers", "kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(cluster.registry(env)).containsEntry("schema.registry.url", "https://registry:8081")
                .containsEntry("basic.auth.user.info", "wire:secret");
        assertThat(cluster.kafka(Map.of())).containsOnlyKeys("bootstrap.servers");
    }
}
