package io.wirestream.cli;

import io.wirestream.config.ConfigLoader;
import io.wirestream.config.WirestreamConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where wirestream's cluster and registry are, and the settings file: shared by every command that talks to them.
 * The config is loaded from all layers (defaults, {@code --config}, {@code WIRESTREAM_*}, the options of every
 * mixin of the command), so {@code tail} and {@code replay} find the cluster, and its credentials, exactly as
 * {@code run} does.
 */
final class ClusterOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (Java properties; kafka.* keys pass through to the Kafka clients, "
                    + "schema.registry.*, basic.auth.* and bearer.auth.* keys to the registry client). Every key is in "
                    + "docs/configuration.md.")
    Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", descriptionKey = "bootstrap.servers",
            description = "Kafka cluster. Default: the embedded broker ('run' starts it on embedded.bind:"
                    + "embedded.kafka.port, 127.0.0.1:9092; the other commands look for it there).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL", descriptionKey = "schema.registry.url",
            description = "Confluent-compatible schema registry. Default: the embedded one ('run' starts it on "
                    + "http://127.0.0.1:8081/apis/ccompat/v7; the other commands look for it there).")
    String registryUrl;

    /** The config of every layer, with the options of the command this is mixed into. */
    WirestreamConfig load() throws IOException {
        return load(System.getenv());
    }

    WirestreamConfig load(Map<String, String> env) throws IOException {
        return ConfigLoader.load(config, env, GivenOptions.of(spec));
    }
}
