package io.wirestream.config;

import java.util.Locale;

/**
 * Every setting of wirestream with its properties key and its default: the one place a default lives. Options,
 * {@code --help}, docs/configuration.md (held to this by a test) and the loader all read it from here.
 */
public enum Setting {
    BOOTSTRAP_SERVERS("bootstrap.servers", null),
    SCHEMA_REGISTRY_URL("schema.registry.url", null),
    APPLICATION_ID("application.id", "wirestream"),
    PROCESSING_GUARANTEE("processing.guarantee", "exactly_once_v2"),
    RULES("rules", null),
    INPUT_TOPIC("topic.input", "raw-feed"),
    UNROUTED_TOPIC("topic.unrouted", "unrouted"),
    DEAD_LETTER_TOPIC("topic.dead-letter", "raw-feed.dlq"),
    PARTITIONS("topic.partitions", "3"),
    /** -1: the broker's {@code default.replication.factor}, which fits one embedded broker and a real cluster. */
    REPLICATION_FACTOR("topic.replication-factor", "-1"),
    DATA_DIR("data.dir", "data"),
    BIND("embedded.bind", "127.0.0.1"),
    KAFKA_PORT("embedded.kafka.port", "9092"),
    REGISTRY_PORT("embedded.registry.port", "8081"),
    REGISTRY_HOME("embedded.registry.home", null),
    MAX_BYTES("max.bytes", "1MiB"),
    DEDUP_WINDOW("dedup.window", "30d"),
    STICKY_ROUTING("routing.sticky", "true"),
    EMBARGO_MODE("embargo.mode", "hold"),
    ALERT_RULES_TOPIC("topic.alert-rules", "alert-rules"),
    ALERTS_TOPIC("topic.alerts", "alerts"),
    DASHBOARD_ENABLED("dashboard.enabled", "true"),
    DASHBOARD_BIND("dashboard.bind", "127.0.0.1"),
    DASHBOARD_PORT("dashboard.port", "8080"),
    DASHBOARD_TOKEN("dashboard.token", null),
    DASHBOARD_ALLOWED_HOSTS("dashboard.allowed-hosts", null),
    DASHBOARD_MAX_VIEWERS("dashboard.max-viewers", "2500"),
    INGEST_SOURCES("ingest.sources", null),
    INGEST_INTERVAL("ingest.interval", "5m"),
    INGEST_STATE_TOPIC("ingest.state-topic", "ingest-state"),
    /** Null: {@code <application.id>-ingest}. */
    INGEST_ID("ingest.id", null),
    INGEST_TIMEOUT("ingest.timeout", "30s"),
    INGEST_MAX_RESPONSE("ingest.max-response", "16MiB"),
    INGEST_SETTLE("ingest.settle", "2s");

    /** Prefix of the environment variables: {@code WIRESTREAM_} and the key in upper case. */
    public static final String ENV_PREFIX = "WIRESTREAM_";

    private final String key;
    private final String defaultValue;

    Setting(String key, String defaultValue) {
        this.key = key;
        this.defaultValue = defaultValue;
    }

    /** Its key in a properties file, e.g. {@code topic.dead-letter}. */
    public String key() {
        return key;
    }

    /** Its default as text in the setting's own grammar; null where the default is "none". */
    public String defaultValue() {
        return defaultValue;
    }

    /** {@code embedded.kafka.port} → {@code WIRESTREAM_EMBEDDED_KAFKA_PORT}. */
    public String envName() {
        return envName(key);
    }

    /** The variable of any key, a pass-through one too. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The setting of a properties key; null for none. */
    public static Setting ofKey(String key) {
        for (Setting setting : values()) {
            if (setting.key.equals(key)) {
                return setting;
            }
        }
        return null;
    }
}
