package io.wirestream.cli;

import io.wirestream.registry.RegistryConfig;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the commands that talk to a running wirestream find Kafka and the schema registry. The defaults are
 * the embedded ones of {@code wirestream run}; {@code WIRESTREAM_BOOTSTRAP_SERVERS} and
 * {@code WIRESTREAM_SCHEMA_REGISTRY_URL} override them.
 */
final class ClusterOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            defaultValue = "${env:WIRESTREAM_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka cluster. Default: ${DEFAULT-VALUE} (the embedded broker of 'wirestream run').")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            defaultValue = "${env:WIRESTREAM_SCHEMA_REGISTRY_URL:-http://127.0.0.1:8081/apis/ccompat/v7}",
            description = "Schema registry. Default: ${DEFAULT-VALUE} (the embedded one).")
    String registryUrl;

    Map<String, Object> kafka() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    Map<String, Object> registry() {
        return Map.of(RegistryConfig.URL, registryUrl);
    }
}
