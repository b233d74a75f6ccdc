package io.wirestream.cli;

import io.wirestream.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the commands that talk to a running wirestream find Kafka and the schema registry. The defaults are
 * the embedded ones of {@code wirestream run}; {@code WIRESTREAM_BOOTSTRAP_SERVERS} and
 * {@code WIRESTREAM_SCHEMA_REGISTRY_URL} override them, and the security settings come from the same environment
 * variables as for {@code run} ({@code WIRESTREAM_KAFKA_SASL_JAAS_CONFIG}, {@code WIRESTREAM_BASIC_AUTH_USER_INFO}, …).
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
        return kafka(System.getenv());
    }

    Map<String, Object> kafka(Map<String, String> env) {
        Map<String, Object> config = new HashMap<>(settings(env).kafkaClient());
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    Map<String, Object> registry() {
        return registry(System.getenv());
    }

    Map<String, Object> registry(Map<String, String> env) {
        return new HashMap<>(settings(env).registry());
    }

    private Settings settings(Map<String, String> env) {
        try {
            return Settings.resolve(null, env, Map.of(Settings.BOOTSTRAP_SERVERS, bootstrapServers,
                    Settings.SCHEMA_REGISTRY_URL, registryUrl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
