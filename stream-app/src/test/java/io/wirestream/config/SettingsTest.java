package io.wirestream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.runtime.StreamsRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void shouldLayerDefaultsFileEnvironmentAndOptions() throws IOException {
        Path file = dir.resolve("w.properties");
        Files.writeString(file, """
                application.id=from-file
                topic.input=file-input
                topic.unrouted=file-unrouted
                kafka.security.protocol=SASL_SSL
                basic.auth.user.info=fred:secret
                """);
        Map<String, String> env = Map.of("WIRESTREAM_TOPIC_INPUT", "env-input", "WIRESTREAM_TOPIC_DEAD_LETTER", "env-dlq");
        Map<String, String> cli = new HashMap<>();
        cli.put(Settings.INPUT_TOPIC, "cli-input");
        cli.put(Settings.APPLICATION_ID, null);

        Settings settings = Settings.resolve(file, env, cli);

        assertThat(settings.get(Settings.INPUT_TOPIC)).isEqualTo("cli-input");
        assertThat(settings.get(Settings.DEAD_LETTER_TOPIC)).isEqualTo("env-dlq");
        assertThat(settings.get(Settings.UNROUTED_TOPIC)).isEqualTo("file-unrouted");
        assertThat(settings.get(Settings.APPLICATION_ID)).isEqualTo("from-file");
        assertThat(settings.get(Settings.PROCESSING_GUARANTEE)).isEqualTo("exactly_once_v2");
        assertThat(settings.get(Settings.BOOTSTRAP_SERVERS)).isNull();
        assertThat(settings.kafkaClient()).containsEntry("security.protocol", "SASL_SSL");
        assertThat(settings.registry()).containsEntry("basic.auth.user.info", "fred:secret");
    }

    @Test
    void shouldNeverPrintSecrets() throws IOException {
        Path file = dir.resolve("w.properties");
        Files.writeString(file, """
                kafka.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="hunter2";
                kafka.ssl.keystore.password=kspass
                kafka.ssl.truststore.location=/etc/trust.jks
                basic.auth.user.info=fred:secret
                bearer.auth.token=tok-123
                schema.registry.url=https://fred:secret@registry:8081
                """);
        String described = Settings.resolve(file, Map.of(), Map.of()).describe();
        assertThat(described).doesNotContain("hunter2", "kspass", "secret", "tok-123")
                .contains("kafka.ssl.truststore.location = /etc/trust.jks")
                .contains("schema.registry.url = https://[hidden]@registry:8081");
    }

    @Test
    void shouldPassKafkaAndRegistryKeysThroughFromTheEnvironmentOverTheFile() throws IOException {
        Path file = dir.resolve("w.properties");
        Files.writeString(file, """
                kafka.security.protocol=PLAINTEXT
                kafka.num.stream.threads=1
                basic.auth.user.info=file:secret
                """);
        Map<String, String> env = Map.of(
                "WIRESTREAM_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "WIRESTREAM_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "WIRESTREAM_KAFKA_NUM_STANDBY_REPLICAS", "1",
                "WIRESTREAM_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO",
                "WIRESTREAM_BASIC_AUTH_USER_INFO", "env:secret",
                "WIRESTREAM_SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE", "PKCS12",
                "WIRESTREAM_SCHEMA_REGISTRY_URL", "https://registry:8081",
                "WIRESTREAM_KAFKA_SASL_JAAS_CONFIG", "   ",
                "WIRESTREAM_NOT_A_SETTING", "x");

        Settings settings = Settings.resolve(file, env, Map.of(Settings.BOOTSTRAP_SERVERS, "kafka:9092"));

        assertThat(settings.kafkaClient()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "num.standby.replicas", "1",
                "num.stream.threads", "1"));
        assertThat(settings.registry()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "env:secret",
                "schema.registry.ssl.truststore.type", "PKCS12", "schema.registry.url", "https://registry:8081"));
        assertThat(StreamsRunner.properties(settings)).containsEntry("num.standby.replicas", "1")
                .containsEntry("num.stream.threads", "1");
    }

    @Test
    void shouldNeverPrintSecretsGivenInTheEnvironmentOrTheFile() throws IOException {
        Path file = dir.resolve("w.properties");
        Files.writeString(file, """
                kafka.ssl.truststore.password=file-trust-pw
                schema.registry.ssl.truststore.password=file-registry-trust-pw
                """);
        Map<String, String> env = Map.of(
                "WIRESTREAM_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"wire\" password=\"env-sasl-pw\";",
                "WIRESTREAM_KAFKA_SSL_KEY_PASSWORD", "env-key-pw",
                "WIRESTREAM_BASIC_AUTH_USER_INFO", "wire:env-basic-pw",
                "WIRESTREAM_BEARER_AUTH_TOKEN", "env-token",
                "WIRESTREAM_SCHEMA_REGISTRY_URL", "https://wire:url-pw@registry:8081");

        Settings settings = Settings.resolve(file, env, Map.of());

        for (String shown : new String[] {settings.describe(), settings.toString()}) {
            assertThat(shown).doesNotContain("env-sasl-pw", "env-key-pw", "env-basic-pw", "env-token", "url-pw",
                    "file-trust-pw", "file-registry-trust-pw")
                    .contains("kafka.sasl.jaas.config = [hidden]", "basic.auth.user.info = [hidden]",
                            "schema.registry.url = https://[hidden]@registry:8081");
        }
        assertThat(settings.kafkaClient().get("sasl.jaas.config")).contains("env-sasl-pw");
    }

    @Test
    void shouldRefuseUnknownKeysWithTheKnownOnes() throws IOException {
        Path file = dir.resolve("w.properties");
        Files.writeString(file, "topic.inptu=x\n");
        assertThatThrownBy(() -> Settings.resolve(file, Map.of(), Map.of()))
                .hasMessageContaining("unknown setting 'topic.inptu'").hasMessageContaining("topic.input");
    }

    @Test
    void shouldTakeTheRegistryUrlFromTheFileAndCheckValuesBeforeAnythingStarts() throws IOException {
        Path file = dir.resolve("w.properties");
        Files.writeString(file, "schema.registry.url=https://wire:p@ss@registry:8081/apis/ccompat/v7\n");
        Settings settings = Settings.resolve(file, Map.of(), Map.of());
        assertThat(settings.get(Settings.SCHEMA_REGISTRY_URL)).isNotNull();
        assertThat(settings.registry()).containsKey(Settings.SCHEMA_REGISTRY_URL);
        assertThat(settings.describe()).contains("schema.registry.url = https://[hidden]@registry:8081").doesNotContain("ss@");

        assertThatThrownBy(() -> Settings.resolve(null, Map.of(), Map.of(Settings.MAX_BYTES, "0")))
                .hasMessageContaining("max.bytes must be from 1");
        assertThatThrownBy(() -> Settings.resolve(null, Map.of(), Map.of(Settings.PROCESSING_GUARANTEE, "exactly_once")))
                .hasMessageContaining("exactly_once_v2 or at_least_once");
        assertThatThrownBy(() -> Settings.resolve(null, Map.of(), Map.of(Settings.SCHEMA_REGISTRY_URL, "localhost:8081")))
                .hasMessageContaining("must start with http://");
        assertThat(Settings.resolve(null, Map.of(), Map.of(Settings.SCHEMA_REGISTRY_URL,
                "https://wire:s3cret pw#1@registry:8081")).describe()).doesNotContain("s3cret", "pw#1");
    }

    @Test
    void shouldNameEnvironmentVariablesAfterTheKeys() {
        assertThat(Settings.envName("embedded.kafka.port")).isEqualTo("WIRESTREAM_EMBEDDED_KAFKA_PORT");
        assertThat(Settings.envName("topic.dead-letter")).isEqualTo("WIRESTREAM_TOPIC_DEAD_LETTER");
    }

    @Test
    void shouldCheckTheDashboardSettingsBeforeAnythingStarts() throws Exception {
        assertThatThrownBy(() -> Settings.resolve(null, Map.of(), Map.of(Settings.DASHBOARD_PORT, "70000")))
                .hasMessageContaining("dashboard.port must be from 0 to 65535");
        assertThatThrownBy(() -> Settings.resolve(null, Map.of("WIRESTREAM_DASHBOARD_ENABLED", "yes"), Map.of()))
                .hasMessageContaining("dashboard.enabled must be true or false, was 'yes'");
        Settings settings = Settings.resolve(null, Map.of("WIRESTREAM_DASHBOARD_TOKEN", "tok-abc"), Map.of());
        assertThat(settings.get(Settings.DASHBOARD_TOKEN)).isEqualTo("tok-abc");
        assertThat(settings.describe()).contains("dashboard.token = [hidden]").doesNotContain("tok-abc");
        assertThat(settings.getBoolean(Settings.DASHBOARD_ENABLED)).isTrue();
    }
}
