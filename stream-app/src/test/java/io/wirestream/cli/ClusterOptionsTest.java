package io.wirestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.config.WirestreamConfig;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** replay, tail and reprocess take the security settings from the same environment variables as run. */
class ClusterOptionsTest {

    @Test
    void shouldTakeKafkaAndRegistrySecurityFromTheEnvironment() throws IOException {
        Map<String, String> env = Map.of("WIRESTREAM_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "WIRESTREAM_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "WIRESTREAM_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO",
                "WIRESTREAM_BASIC_AUTH_USER_INFO", "wire:secret");

        WirestreamConfig config = cluster("--bootstrap-servers", "kafka:9093", "--schema-registry-url",
                "https://registry:8081").load(env);

        assertThat(config.kafkaClientConfig()).containsEntry("bootstrap.servers", "kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(config.registryClientConfig()).containsEntry("schema.registry.url", "https://registry:8081")
                .containsEntry("basic.auth.user.info", "wire:secret");
        assertThat(cluster("--bootstrap-servers", "kafka:9093").load(Map.of()).kafkaClientConfig())
                .containsOnlyKeys("bootstrap.servers");
    }

    @Test
    void shouldFindTheEmbeddedServicesOfRunWhenNoneIsGiven() throws IOException {
        WirestreamConfig config = cluster().load(Map.of());
        assertThat(config.kafkaClientConfig()).containsEntry("bootstrap.servers", "127.0.0.1:9092");
        assertThat(config.registryClientConfig()).containsEntry("schema.registry.url",
                "http://127.0.0.1:8081/apis/ccompat/v7");
        WirestreamConfig fromEnv = cluster().load(Map.of("WIRESTREAM_BOOTSTRAP_SERVERS", "kafka:9094"));
        assertThat(fromEnv.kafkaClientConfig()).containsEntry("bootstrap.servers", "kafka:9094");
    }

    @Test
    void shouldTurnStickyRoutingOffAndPassEmbargoesWhenRunIsToldTo() throws IOException {
        assertThat(run().load(Map.of()).lifecycle()).isEqualTo(new WirestreamConfig.Lifecycle(true,
                WirestreamConfig.EmbargoMode.HOLD));
        assertThat(run("--no-sticky-routing", "--embargo-mode", "pass").load(Map.of()).lifecycle())
                .isEqualTo(new WirestreamConfig.Lifecycle(false, WirestreamConfig.EmbargoMode.PASS));
        assertThat(run("--sticky-routing").load(Map.of("WIRESTREAM_ROUTING_STICKY", "false")).lifecycle().sticky())
                .as("the option over the environment").isTrue();
    }

    @Test
    void shouldTurnTheDashboardOffWithNoDashboardAndOnWithDashboard() throws IOException {
        assertThat(run().load(Map.of()).dashboard().enabled()).isTrue();
        assertThat(run("--no-dashboard").load(Map.of()).dashboard().enabled()).isFalse();
        assertThat(run("--dashboard").load(Map.of("WIRESTREAM_DASHBOARD_ENABLED", "false")).dashboard().enabled())
                .as("the option over the environment").isTrue();
    }

    /** The cluster mixin as run has it, after parsing {@code args}: it loads run's other options too. */
    private static ClusterOptions run(String... args) {
        CommandLine wirestream = WirestreamCommand.newCommandLine();
        String[] line = new String[args.length + 1];
        line[0] = "run";
        System.arraycopy(args, 0, line, 1, args.length);
        wirestream.parseArgs(line);
        return ((RunCommand) wirestream.getSubcommands().get("run").getCommand()).cluster;
    }

    /** The mixin as tail has it, after parsing {@code args}. */
    private static ClusterOptions cluster(String... args) {
        CommandLine wirestream = WirestreamCommand.newCommandLine();
        String[] line = new String[args.length + 2];
        line[0] = "tail";
        System.arraycopy(args, 0, line, 1, args.length);
        line[args.length + 1] = "alliance";
        wirestream.parseArgs(line);
        return ((TailCommand) wirestream.getSubcommands().get("tail").getCommand()).cluster;
    }
}
