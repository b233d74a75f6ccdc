package io.wirestream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.runtime.StreamsRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

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
        Map<Setting, String> options = new EnumMap<>(Setting.class);
        options.put(Setting.INPUT_TOPIC, "cli-input");
        options.put(Setting.APPLICATION_ID, null);

        WirestreamConfig config = ConfigLoader.load(file, env, options);

        assertThat(config.topics().input()).isEqualTo("cli-input");
        assertThat(config.topics().deadLetter()).isEqualTo("env-dlq");
        assertThat(config.topics().unrouted()).isEqualTo("file-unrouted");
        assertThat(config.kafka().applicationId()).isEqualTo("from-file");
        assertThat(config.kafka().guarantee()).isEqualTo(WirestreamConfig.ProcessingGuarantee.EXACTLY_ONCE_V2);
        assertThat(config.kafka().bootstrapServers()).isNull();
        assertThat(config.kafka().clientProperties()).containsEntry("security.protocol", "SASL_SSL");
        assertThat(config.registry().properties()).containsEntry("basic.auth.user.info", "fred:secret");
    }

    @Test
    void shouldTypeEveryDefaultFromTheOnePlaceDefaultsLive() {
        WirestreamConfig config = ConfigLoader.defaults();

        assertThat(config.limits().maxBytes()).isEqualTo(DataSize.ofMebibytes(1));
        assertThat(config.limits().dedupWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(config.topics().partitions()).isEqualTo(3);
        assertThat(config.embedded().kafkaPort()).isEqualTo(9092);
        assertThat(config.dashboard().enabled()).isTrue();
        assertThat(config.dashboard().token()).isNull();
        assertThat(config.bootstrapServersOrEmbedded()).isEqualTo("127.0.0.1:9092");
        assertThat(config.registryUrlOrEmbedded()).isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7");
    }

    @Test
    void shouldFollowStoriesAndHoldEmbargoesUnlessToldOtherwise() {
        assertThat(ConfigLoader.defaults().lifecycle())
                .isEqualTo(new WirestreamConfig.Lifecycle(true, WirestreamConfig.EmbargoMode.HOLD));

        WirestreamConfig changed = ConfigLoader.load(Map.of("routing.sticky", "false"),
                Map.of("WIRESTREAM_EMBARGO_MODE", "pass"), Map.of());

        assertThat(changed.lifecycle()).isEqualTo(new WirestreamConfig.Lifecycle(false,
                WirestreamConfig.EmbargoMode.PASS));
        assertThat(changed.describe()).contains("routing.sticky = false", "embargo.mode = pass");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("embargo.mode", "release"), Map.of(), Map.of()))
                .hasMessage("embargo.mode must be hold or pass, was 'release'");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("WIRESTREAM_ROUTING_STICKY", "yes"), Map.of()))
                .hasMessage("routing.sticky must be true or false, was 'yes'");
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
        WirestreamConfig config = ConfigLoader.load(file, Map.of(), Map.of());
        for (String shown : new String[] {config.describe(), config.toString(), config.kafka().toString(),
                config.registry().toString()}) {
            assertThat(shown).doesNotContain("hunter2", "kspass", "secret", "tok-123");
        }
        assertThat(config.describe()).contains("kafka.ssl.truststore.location = /etc/trust.jks")
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

        WirestreamConfig config = ConfigLoader.load(file, env, Map.of(Setting.BOOTSTRAP_SERVERS, "kafka:9092"));

        assertThat(config.kafka().clientProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "num.standby.replicas", "1",
                "num.stream.threads", "1"));
        assertThat(config.registry().properties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "env:secret",
                "schema.registry.ssl.truststore.type", "PKCS12", "schema.registry.url", "https://registry:8081"));
        assertThat(StreamsRunner.properties(config)).containsEntry("num.standby.replicas", "1")
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

        WirestreamConfig config = ConfigLoader.load(file, env, Map.of());

        for (String shown : new String[] {config.describe(), config.toString()}) {
            assertThat(shown).doesNotContain("env-sasl-pw", "env-key-pw", "env-basic-pw", "env-token", "url-pw",
                    "file-trust-pw", "file-registry-trust-pw")
                    .contains("kafka.sasl.jaas.config = [hidden]", "basic.auth.user.info = [hidden]",
                            "schema.registry.url = https://[hidden]@registry:8081");
        }
        assertThat(config.kafka().clientProperties().get("sasl.jaas.config")).contains("env-sasl-pw");
    }

    @Test
    void shouldRefuseUnknownKeysWithTheKnownOnes() throws IOException {
        Path file = dir.resolve("w.properties");
        Files.writeString(file, "topic.inptu=x\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
                .hasMessageContaining("unknown setting 'topic.inptu'").hasMessageContaining("topic.input");
    }

    @Test
    void shouldTakeTheRegistryUrlFromTheFileAndCheckValuesBeforeAnythingStarts() throws IOException {
        Path file = dir.resolve("w.properties");
        Files.writeString(file, "schema.registry.url=https://wire:p@ss@registry:8081/apis/ccompat/v7\n");
        WirestreamConfig config = ConfigLoader.load(file, Map.of(), Map.of());
        assertThat(config.registry().url()).isNotNull();
        assertThat(config.registry().properties()).containsKey(Setting.SCHEMA_REGISTRY_URL.key());
        assertThat(config.describe()).contains("schema.registry.url = https://[hidden]@registry:8081")
                .doesNotContain("ss@");

        assertThatThrownBy(() -> load(Setting.MAX_BYTES, "0")).hasMessageContaining("max.bytes must be from 1");
        assertThatThrownBy(() -> load(Setting.PROCESSING_GUARANTEE, "exactly_once"))
                .hasMessageContaining("exactly_once_v2 or at_least_once");
        assertThatThrownBy(() -> load(Setting.SCHEMA_REGISTRY_URL, "localhost:8081"))
                .hasMessageContaining("must start with http://");
        assertThat(load(Setting.SCHEMA_REGISTRY_URL, "https://wire:s3cret pw#1@registry:8081").describe())
                .doesNotContain("s3cret", "pw#1");
    }

    @Test
    void shouldReadDurationsAndSizesInOneGrammarWhereverTheyAreGiven() throws IOException {
        assertThat(load(Setting.DEDUP_WINDOW, "500ms").limits().dedupWindow()).isEqualTo(Duration.ofMillis(500));
        assertThat(load(Setting.DEDUP_WINDOW, "12h").limits().dedupWindow()).isEqualTo(Duration.ofHours(12));
        assertThat(load(Setting.DEDUP_WINDOW, "P30D").limits().dedupWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(load(Setting.DEDUP_WINDOW, "0").limits().dedupWindow()).isZero();
        assertThat(ConfigLoader.load(Map.of("dedup.window", "90s"), Map.of(), Map.of()).limits().dedupWindow())
                .isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> load(Setting.DEDUP_WINDOW, "30 days"))
                .hasMessageContaining("dedup.window must be a duration such as 500ms, 30s");
        assertThat(load(Setting.MAX_BYTES, "512KiB").limits().maxBytes().bytes()).isEqualTo(512 * 1024);
        assertThat(load(Setting.MAX_BYTES, "1048576").limits().maxBytes()).isEqualTo(DataSize.ofMebibytes(1));
        assertThatThrownBy(() -> load(Setting.MAX_BYTES, "1MB")).hasMessageContaining("512KiB");
        assertThatThrownBy(() -> load(Setting.MAX_BYTES, "5MiB")).hasMessageContaining("max.bytes must be from 1 to");
    }

    @Test
    void shouldNameEnvironmentVariablesAfterTheKeys() {
        assertThat(Setting.KAFKA_PORT.envName()).isEqualTo("WIRESTREAM_EMBEDDED_KAFKA_PORT");
        assertThat(Setting.DEAD_LETTER_TOPIC.envName()).isEqualTo("WIRESTREAM_TOPIC_DEAD_LETTER");
    }

    @Test
    void shouldCheckTheDashboardSettingsBeforeAnythingStarts() throws Exception {
        assertThatThrownBy(() -> load(Setting.DASHBOARD_PORT, "70000"))
                .hasMessageContaining("dashboard.port must be from 0 to 65535");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("WIRESTREAM_DASHBOARD_ENABLED", "yes"), Map.of()))
                .hasMessageContaining("dashboard.enabled must be true or false, was 'yes'");
        WirestreamConfig config = ConfigLoader.load(Map.of(), Map.of("WIRESTREAM_DASHBOARD_TOKEN", "tok-abc"),
                Map.of());
        assertThat(config.dashboard().token().reveal()).isEqualTo("tok-abc");
        assertThat(config.describe()).contains("dashboard.token = [hidden]").doesNotContain("tok-abc");
        assertThat(config.dashboard().toString()).doesNotContain("tok-abc");
        assertThat(config.dashboard().enabled()).isTrue();
        assertThat(load(Setting.DASHBOARD_ALLOWED_HOSTS, " News.Example.org, proxy ").dashboard().allowedHosts())
                .isEqualTo(Set.of("news.example.org", "proxy"));
    }

    @Test
    void shouldTakeTheMostViewersOfTheLiveStreamWithADefaultForTwoThousandAndMore() throws Exception {
        assertThat(ConfigLoader.load(Map.of(), Map.of(), Map.of()).dashboard().maxViewers()).isEqualTo(2_500);
        assertThat(ConfigLoader.load(Map.of(), Map.of("WIRESTREAM_DASHBOARD_MAX_VIEWERS", "5000"), Map.of())
                .dashboard().maxViewers()).isEqualTo(5_000);
        assertThatThrownBy(() -> load(Setting.DASHBOARD_MAX_VIEWERS, "0"))
                .hasMessageContaining("dashboard.max-viewers must be from 1 to 100000");
    }

    @Test
    void shouldLeaveReplicationToTheBrokerUnlessToldAndGiveKafkaStreamsTheSame() throws IOException {
        assertThat(ConfigLoader.defaults().topics().replicationFactor())
                .isEqualTo(WirestreamConfig.Topics.BROKER_DEFAULT);
        assertThat(StreamsRunner.properties(ConfigLoader.defaults())).containsEntry("replication.factor", -1);

        WirestreamConfig three = ConfigLoader.load(Map.of(), Map.of("WIRESTREAM_TOPIC_REPLICATION_FACTOR", "3"),
                Map.of());

        assertThat(three.topics().replicationFactor()).isEqualTo(3);
        assertThat(StreamsRunner.properties(three)).containsEntry("replication.factor", 3);
        assertThat(three.describe()).contains("topic.replication-factor = 3");
        assertThatThrownBy(() -> load(Setting.REPLICATION_FACTOR, "0"))
                .hasMessageContaining("topic.replication-factor must be -1 (the broker's default.replication.factor)"
                        + " or from 1 to 32767, was 0");
        assertThatThrownBy(() -> load(Setting.REPLICATION_FACTOR, "three"))
                .hasMessageContaining("topic.replication-factor must be a whole number");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("kafka.replication.factor", "3"), Map.of(), Map.of()))
                .hasMessageContaining("kafka.replication.factor is refused: set topic.replication-factor");
    }

    @Test
    void shouldRefuseAProducerThatWouldNotWaitForAllInSyncReplicas() {
        for (Map<String, String> file : List.of(Map.of("kafka.acks", "1"), Map.of("kafka.producer.acks", "0"),
                Map.of("kafka.acks", "leader"))) {
            assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of())).as("%s", file)
                    .hasMessageContaining("kafka." + file.keySet().iterator().next().substring("kafka.".length())
                            + "=" + file.values().iterator().next() + " is refused")
                    .hasMessageContaining("wirestream's producers use acks=all");
        }
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("WIRESTREAM_KAFKA_PRODUCER_ACKS", "1"), Map.of()))
                .hasMessageContaining("kafka.producer.acks=1 is refused");

        assertThat(ConfigLoader.load(Map.of("kafka.acks", "all", "kafka.producer.acks", "-1"), Map.of(), Map.of())
                .kafka().clientProperties()).containsEntry("acks", "all");
    }

    private static WirestreamConfig load(Setting setting, String value) {
        return ConfigLoader.load(Map.of(), Map.of(), Map.of(setting, value));
    }
}
