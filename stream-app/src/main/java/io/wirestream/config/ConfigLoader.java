package io.wirestream.config;

import io.wirestream.config.WirestreamConfig.Dashboard;
import io.wirestream.config.WirestreamConfig.EmbargoMode;
import io.wirestream.config.WirestreamConfig.Embedded;
import io.wirestream.config.WirestreamConfig.Ingest;
import io.wirestream.config.WirestreamConfig.Kafka;
import io.wirestream.config.WirestreamConfig.Lifecycle;
import io.wirestream.config.WirestreamConfig.Limits;
import io.wirestream.config.WirestreamConfig.Registry;
import io.wirestream.config.WirestreamConfig.Topics;
import io.wirestream.registry.RegistryConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the one {@link WirestreamConfig} from its layers, each overriding the one before: the defaults of
 * {@link Setting}, then a properties file, then environment variables ({@code WIRESTREAM_} and the key in upper
 * case with {@code .}/{@code -} as {@code _}), then command-line options. Keys under {@code kafka.} pass through to
 * the Kafka clients, and Confluent's registry keys ({@code schema.registry.*}, {@code basic.auth.*},
 * {@code bearer.auth.*}, …) to the registry client, from the file or the environment. Every value is checked
 * here, so that a typo fails in a second, not after a broker start.
 */
public final class ConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
    /** Read by logback, not a setting. */
    private static final String LOG_LEVEL_VARIABLE = "WIRESTREAM_LOG_LEVEL";

    private ConfigLoader() {
    }

    /** The defaults alone: what {@code wirestream run} does with no file, variable or option. */
    public static WirestreamConfig defaults() {
        return load(Map.of(), Map.of(), Map.of());
    }

    /**
     * Loads the layers; {@code file} may be null, {@code options} holds only the options given on the command line
     * (a null value counts as not given).
     */
    public static WirestreamConfig load(Path file, Map<String, String> env, Map<Setting, String> options)
            throws IOException {
        return load(file == null ? Map.of() : readFile(file), env, options, file == null ? "" : file + ": ");
    }

    /** The same with the file's entries already read. */
    public static WirestreamConfig load(Map<String, String> fileEntries, Map<String, String> env,
            Map<Setting, String> options) {
        return load(fileEntries, env, options, "");
    }

    private static WirestreamConfig load(Map<String, String> fileEntries, Map<String, String> env,
            Map<Setting, String> options, String origin) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            if (setting.defaultValue() != null) {
                values.put(setting, setting.defaultValue());
            }
        }
        Map<String, String> kafka = new TreeMap<>();
        Map<String, String> registry = new TreeMap<>();
        fileEntries.forEach((key, value) -> {
            Setting setting = Setting.ofKey(key);
            if (setting != null) {
                values.put(setting, value.strip());
            } else if (!KafkaPassThrough.sortInto(key, value.strip(), kafka, registry)) {
                throw new IllegalArgumentException(origin + "unknown setting '" + key + "' (known: " + knownKeys()
                        + ", and kafka.* or schema.registry.* keys)");
            }
        });
        for (Setting setting : Setting.values()) {
            String value = env.get(setting.envName());
            if (value != null && !value.isBlank()) {
                values.put(setting, value.strip());
            }
        }
        passThroughEnvironment(env, kafka, registry);
        options.forEach((setting, value) -> {
            if (value != null) {
                values.put(setting, value);
            }
        });
        return build(values, kafka, registry);
    }

    private static Map<String, String> readFile(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> entries = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> entries.put(key, properties.getProperty(key)));
        return entries;
    }

    /**
     * The environment's counterparts of the file's pass-through keys, for containers where secrets come as
     * variables: {@code WIRESTREAM_KAFKA_SASL_JAAS_CONFIG} is {@code kafka.sasl.jaas.config},
     * {@code WIRESTREAM_BASIC_AUTH_USER_INFO} is {@code basic.auth.user.info}. They override the file.
     */
    private static void passThroughEnvironment(Map<String, String> env, Map<String, String> kafka,
            Map<String, String> registry) {
        Set<String> settingVariables = Arrays.stream(Setting.values()).map(Setting::envName)
                .collect(Collectors.toCollection(HashSet::new));
        for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(Setting.ENV_PREFIX) || name.equals(LOG_LEVEL_VARIABLE)
                    || settingVariables.contains(name) || variable.getValue() == null
                    || variable.getValue().isBlank()) {
                continue;
            }
            String key = name.substring(Setting.ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
            if (!KafkaPassThrough.sortInto(key, variable.getValue().strip(), kafka, registry)) {
                // Warned, not refused: other tools share the prefix. A typo still shows up here.
                LOG.warn("ignoring environment variable {}: not a wirestream setting (known: {}, and "
                        + "WIRESTREAM_KAFKA_* or schema registry keys such as WIRESTREAM_BASIC_AUTH_USER_INFO)", name,
                        settingVariables.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    private static WirestreamConfig build(Map<Setting, String> values, Map<String, String> kafkaProperties,
            Map<String, String> registryProperties) {
        SettingValues v = new SettingValues(values);
        String registryUrl = v.text(Setting.SCHEMA_REGISTRY_URL);
        if (registryUrl != null) {
            registryProperties.put(Setting.SCHEMA_REGISTRY_URL.key(), registryUrl);
            RegistryConfig.from(registryProperties); // Checks the URL and the registry keys now.
        }
        KafkaPassThrough.check(kafkaProperties);
        Kafka kafka = new Kafka(v.text(Setting.BOOTSTRAP_SERVERS), v.text(Setting.APPLICATION_ID),
                v.guarantee(), kafkaProperties);
        Topics topics = new Topics(v.text(Setting.INPUT_TOPIC), v.text(Setting.UNROUTED_TOPIC),
                v.text(Setting.DEAD_LETTER_TOPIC), v.text(Setting.ALERT_RULES_TOPIC), v.text(Setting.ALERTS_TOPIC),
                v.number(Setting.PARTITIONS, 1, 10_000), v.number(Setting.REPLICATION_FACTOR, Integer.MIN_VALUE,
                Integer.MAX_VALUE));
        Limits limits = new Limits(v.maxBytes(), v.duration(Setting.DEDUP_WINDOW));
        Embedded embedded = new Embedded(v.text(Setting.BIND), v.number(Setting.KAFKA_PORT, 1, 65534),
                v.number(Setting.REGISTRY_PORT, 0, 65535), v.path(Setting.REGISTRY_HOME));
        String hosts = v.text(Setting.DASHBOARD_ALLOWED_HOSTS);
        Dashboard dashboard = new Dashboard(v.bool(Setting.DASHBOARD_ENABLED), v.text(Setting.DASHBOARD_BIND),
                v.number(Setting.DASHBOARD_PORT, 0, 65535), Secret.of(v.text(Setting.DASHBOARD_TOKEN)),
                hosts == null || hosts.isBlank() ? Set.of() : Arrays.stream(hosts.split(","))
                        .map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()),
                v.number(Setting.DASHBOARD_MAX_VIEWERS, 1, 100_000));
        return new WirestreamConfig(kafka, new Registry(registryUrl, registryProperties), topics, limits,
                v.path(Setting.RULES), v.path(Setting.DATA_DIR), embedded, dashboard, ingest(v, kafka),
                new Lifecycle(v.bool(Setting.STICKY_ROUTING), v.choice(Setting.EMBARGO_MODE, EmbargoMode::of)));
    }

    private static Ingest ingest(SettingValues v, Kafka kafka) {
        String id = v.text(Setting.INGEST_ID);
        return new Ingest(v.path(Setting.INGEST_SOURCES), v.positive(Setting.INGEST_INTERVAL),
                v.text(Setting.INGEST_STATE_TOPIC), id == null || id.isBlank() ? kafka.applicationId() + "-ingest" : id,
                v.positive(Setting.INGEST_TIMEOUT), v.size(Setting.INGEST_MAX_RESPONSE),
                v.duration(Setting.INGEST_SETTLE));
    }

    /** Every value by its key, secrets masked, one per line: for the start-up log and {@code --verbose}. */
    static String describe(WirestreamConfig config) {
        Map<String, String> shown = new TreeMap<>();
        valuesOf(config).forEach((setting, value) -> shown.put(setting.key(), value == null ? "(none)"
                : Secrets.mask(setting.key(), String.valueOf(value))));
        config.kafka().clientProperties().forEach((k, v) -> shown.put(KafkaPassThrough.PREFIX + k, Secrets.mask(k, v)));
        config.registry().properties().forEach((k, v) -> shown.put(k, Secrets.mask(k, v)));
        StringBuilder out = new StringBuilder();
        shown.forEach((k, v) -> out.append("\n  ").append(k).append(" = ").append(v));
        return out.toString();
    }

    private static Map<Setting, Object> valuesOf(WirestreamConfig c) {
        Map<Setting, Object> values = new EnumMap<>(Setting.class);
        values.put(Setting.BOOTSTRAP_SERVERS, c.kafka().bootstrapServers());
        values.put(Setting.SCHEMA_REGISTRY_URL, c.registry().url());
        values.put(Setting.APPLICATION_ID, c.kafka().applicationId());
        values.put(Setting.PROCESSING_GUARANTEE, c.kafka().guarantee().value());
        values.put(Setting.RULES, c.rules());
        values.put(Setting.INPUT_TOPIC, c.topics().input());
        values.put(Setting.UNROUTED_TOPIC, c.topics().unrouted());
        values.put(Setting.DEAD_LETTER_TOPIC, c.topics().deadLetter());
        values.put(Setting.PARTITIONS, c.topics().partitions());
        values.put(Setting.REPLICATION_FACTOR, c.topics().replicationFactor());
        values.put(Setting.DATA_DIR, c.dataDir());
        values.put(Setting.BIND, c.embedded().bind());
        values.put(Setting.KAFKA_PORT, c.embedded().kafkaPort());
        values.put(Setting.REGISTRY_PORT, c.embedded().registryPort());
        values.put(Setting.REGISTRY_HOME, c.embedded().registryHome());
        values.put(Setting.MAX_BYTES, c.limits().maxBytes());
        values.put(Setting.DEDUP_WINDOW, Durations.format(c.limits().dedupWindow()));
        values.put(Setting.STICKY_ROUTING, c.lifecycle().sticky());
        values.put(Setting.EMBARGO_MODE, c.lifecycle().embargoMode().value());
        values.put(Setting.ALERT_RULES_TOPIC, c.topics().alertRules());
        values.put(Setting.ALERTS_TOPIC, c.topics().alerts());
        values.put(Setting.DASHBOARD_ENABLED, c.dashboard().enabled());
        values.put(Setting.DASHBOARD_BIND, c.dashboard().bind());
        values.put(Setting.DASHBOARD_PORT, c.dashboard().port());
        values.put(Setting.DASHBOARD_TOKEN, c.dashboard().token());
        values.put(Setting.DASHBOARD_ALLOWED_HOSTS, c.dashboard().allowedHosts().isEmpty() ? null
                : String.join(",", new TreeSet<>(c.dashboard().allowedHosts())));
        values.put(Setting.DASHBOARD_MAX_VIEWERS, c.dashboard().maxViewers());
        values.put(Setting.INGEST_SOURCES, c.ingest().sources());
        values.put(Setting.INGEST_INTERVAL, Durations.format(c.ingest().interval()));
        values.put(Setting.INGEST_STATE_TOPIC, c.ingest().stateTopic());
        values.put(Setting.INGEST_ID, c.ingest().transactionalId());
        values.put(Setting.INGEST_TIMEOUT, Durations.format(c.ingest().timeout()));
        values.put(Setting.INGEST_MAX_RESPONSE, c.ingest().maxResponse());
        values.put(Setting.INGEST_SETTLE, Durations.format(c.ingest().settle()));
        return values;
    }

    private static String knownKeys() {
        return Arrays.stream(Setting.values()).map(Setting::key).collect(Collectors.joining(", "));
    }
}
