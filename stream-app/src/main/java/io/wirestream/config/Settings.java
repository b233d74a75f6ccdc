package io.wirestream.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The settings of {@code wirestream run}, resolved in layers: defaults, then a properties file, then environment
 * variables ({@code WIRESTREAM_} and the key in upper case with {@code .}/{@code -} as {@code _}), then command-line
 * options. Keys under {@code kafka.} pass through to the Kafka clients (SASL, SSL, Kafka Streams settings, anything),
 * and the Confluent registry keys ({@code schema.registry.*}, {@code basic.auth.*}, {@code bearer.auth.*}) to the
 * serde; both from the file or from the environment ({@code WIRESTREAM_KAFKA_SASL_JAAS_CONFIG}).
 */
public final class Settings {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String APPLICATION_ID = "application.id";
    public static final String PROCESSING_GUARANTEE = "processing.guarantee";
    public static final String RULES = "rules";
    public static final String INPUT_TOPIC = "topic.input";
    public static final String UNROUTED_TOPIC = "topic.unrouted";
    public static final String DEAD_LETTER_TOPIC = "topic.dead-letter";
    public static final String PARTITIONS = "topic.partitions";
    public static final String DATA_DIR = "data.dir";
    public static final String BIND = "embedded.bind";
    public static final String KAFKA_PORT = "embedded.kafka.port";
    public static final String REGISTRY_PORT = "embedded.registry.port";
    public static final String REGISTRY_HOME = "embedded.registry.home";
    public static final String MAX_BYTES = "max.bytes";
    public static final String DEDUP_WINDOW = "dedup.window";
    public static final String ALERT_RULES_TOPIC = "topic.alert-rules";
    public static final String ALERTS_TOPIC = "topic.alerts";
    public static final String DASHBOARD_ENABLED = "dashboard.enabled";
    public static final String DASHBOARD_BIND = "dashboard.bind";
    public static final String DASHBOARD_PORT = "dashboard.port";
    public static final String DASHBOARD_TOKEN = "dashboard.token";
    public static final String DASHBOARD_ALLOWED_HOSTS = "dashboard.allowed-hosts";

    /** Every setting with its default; null where the default is "none" (embedded, bundled). */
    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(BOOTSTRAP_SERVERS, null);
        defaults.put(SCHEMA_REGISTRY_URL, null);
        defaults.put(APPLICATION_ID, "wirestream");
        defaults.put(PROCESSING_GUARANTEE, "exactly_once_v2");
        defaults.put(RULES, null);
        defaults.put(INPUT_TOPIC, "raw-feed");
        defaults.put(UNROUTED_TOPIC, "unrouted");
        defaults.put(DEAD_LETTER_TOPIC, "raw-feed.dlq");
        defaults.put(PARTITIONS, "3");
        defaults.put(DATA_DIR, "data");
        defaults.put(BIND, "127.0.0.1");
        defaults.put(KAFKA_PORT, "9092");
        defaults.put(REGISTRY_PORT, "8081");
        defaults.put(REGISTRY_HOME, null);
        defaults.put(MAX_BYTES, "1048576");
        defaults.put(DEDUP_WINDOW, "30d");
        defaults.put(ALERT_RULES_TOPIC, "alert-rules");
        defaults.put(ALERTS_TOPIC, "alerts");
        defaults.put(DASHBOARD_ENABLED, "true");
        defaults.put(DASHBOARD_BIND, "127.0.0.1");
        defaults.put(DASHBOARD_PORT, "8080");
        defaults.put(DASHBOARD_TOKEN, null);
        defaults.put(DASHBOARD_ALLOWED_HOSTS, null);
        DEFAULTS = Collections.unmodifiableMap(defaults);
    }

    private static final String ENV_PREFIX = "WIRESTREAM_";
    private static final String KAFKA_PREFIX = "kafka.";
    private static final Set<String> SECRET_WORDS = Set.of("password", "secret", "token", "user.info", "jaas", "key");

    private final Map<String, String> values;
    private final Map<String, String> kafka;
    private final Map<String, String> registry;

    private Settings(Map<String, String> values, Map<String, String> kafka, Map<String, String> registry) {
        this.values = values;
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Resolves the layers; {@code cli} holds only the options given on the command line. */
    public static Settings resolve(Path file, Map<String, String> env, Map<String, String> cli) throws IOException {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        Map<String, String> kafka = new TreeMap<>();
        Map<String, String> registry = new TreeMap<>();
        if (file != null) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            for (String key : properties.stringPropertyNames()) {
                String value = properties.getProperty(key).strip();
                if (values.containsKey(key)) {
                    values.put(key, value);
                } else if (key.startsWith(KAFKA_PREFIX)) {
                    kafka.put(key.substring(KAFKA_PREFIX.length()), value);
                } else if (isRegistryKey(key)) {
                    registry.put(key, value);
                } else {
                    throw new IllegalArgumentException(file + ": unknown setting '" + key + "' (known: "
                            + String.join(", ", DEFAULTS.keySet()) + ", and kafka.* or schema.registry.* keys)");
                }
            }
        }
        for (String key : DEFAULTS.keySet()) {
            String value = env.get(envName(key));
            if (value != null && !value.isBlank()) {
                values.put(key, value.strip());
            }
        }
        cli.forEach((key, value) -> {
            if (value != null) {
                values.put(key, value);
            }
        });
        if (values.get(SCHEMA_REGISTRY_URL) != null) {
            registry.put(SCHEMA_REGISTRY_URL, values.get(SCHEMA_REGISTRY_URL));
        }
        passThrough(env, kafka, registry);
        Settings settings = new Settings(values, kafka, registry);
        settings.validate();
        return settings;
    }

    /**
     * The environment's counterparts of the file's pass-through keys, for containers where secrets come as
     * variables: {@code WIRESTREAM_KAFKA_SASL_JAAS_CONFIG} is {@code kafka.sasl.jaas.config},
     * {@code WIRESTREAM_BASIC_AUTH_USER_INFO} is {@code basic.auth.user.info}: the key in upper case with
     * {@code _} for {@code .}, as for the settings. They override the file, as every variable does.
     */
    private static void passThrough(Map<String, String> env, Map<String, String> kafka, Map<String, String> registry) {
        Set<String> settingVariables = new java.util.HashSet<>();
        DEFAULTS.keySet().forEach(k -> settingVariables.add(envName(k)));
        for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(ENV_PREFIX) || name.equals("WIRESTREAM_LOG_LEVEL") || settingVariables.contains(name)
                    || variable.getValue() == null || variable.getValue().isBlank()) {
                continue;
            }
            String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
            String value = variable.getValue().strip();
            if (key.startsWith(KAFKA_PREFIX) && key.length() > KAFKA_PREFIX.length()) {
                kafka.put(key.substring(KAFKA_PREFIX.length()), value);
            } else if (isRegistryKey(key)) {
                registry.put(key, value);
            } else {
                // Warned, not refused: other tools share the prefix. A typo still shows up here.
                org.slf4j.LoggerFactory.getLogger(Settings.class).warn("ignoring environment variable {}: not a "
                        + "wirestream setting (known: {}, and WIRESTREAM_KAFKA_* or schema registry keys such as "
                        + "WIRESTREAM_BASIC_AUTH_USER_INFO)", name, String.join(", ", settingVariables.stream().sorted()
                        .toList()));
            }
        }
    }

    /** Checks every value before anything starts, so that a typo fails in a second, not after a broker start. */
    private void validate() {
        int maxBytes = getInt(MAX_BYTES);
        if (maxBytes < 1 || maxBytes > MAX_MAX_BYTES) {
            throw new IllegalArgumentException(MAX_BYTES + " must be from 1 to " + MAX_MAX_BYTES + ", was " + maxBytes);
        }
        getInt(PARTITIONS);
        getInt(KAFKA_PORT);
        getInt(REGISTRY_PORT);
        getDuration(DEDUP_WINDOW);
        getBoolean(DASHBOARD_ENABLED);
        int port = getInt(DASHBOARD_PORT);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(DASHBOARD_PORT + " must be from 0 to 65535, was " + port);
        }
        String guarantee = get(PROCESSING_GUARANTEE);
        if (!guarantee.equals("exactly_once_v2") && !guarantee.equals("at_least_once")) {
            throw new IllegalArgumentException(PROCESSING_GUARANTEE + " must be exactly_once_v2 or at_least_once, was '"
                    + guarantee + "'");
        }
        if (registry.get(SCHEMA_REGISTRY_URL) != null) {
            io.wirestream.registry.RegistryConfig.from(registry);
        }
    }

    /** Dispatches above this could not be written whole to topics that take 8 MiB. */
    public static final int MAX_MAX_BYTES = 4 * 1024 * 1024;

    /** {@code embedded.kafka.port} → {@code WIRESTREAM_EMBEDDED_KAFKA_PORT}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static boolean isRegistryKey(String key) {
        return key.startsWith("schema.registry.") || key.startsWith("basic.auth.") || key.startsWith("bearer.auth.")
                || key.equals("auto.register.schemas") || key.equals("use.latest.version")
                || key.endsWith(".subject.name.strategy");
    }

    public String get(String key) {
        return values.get(key);
    }

    public int getInt(String key) {
        try {
            return Integer.parseInt(values.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + values.get(key) + "'");
        }
    }

    /** {@code true} or {@code false}, nothing else. */
    public boolean getBoolean(String key) {
        String value = values.get(key);
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
    }

    /** A duration as {@code 30d}, {@code 12h}, {@code 15m}, {@code 90s}, ISO-8601 ({@code P30D}) or {@code 0}. */
    public java.time.Duration getDuration(String key) {
        String value = values.get(key).strip();
        try {
            if (value.equals("0")) {
                return java.time.Duration.ZERO;
            }
            if (value.startsWith("P") || value.startsWith("p")) {
                return java.time.Duration.parse(value);
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            switch (value.charAt(value.length() - 1)) {
                case 'd': return java.time.Duration.ofDays(amount);
                case 'h': return java.time.Duration.ofHours(amount);
                case 'm': return java.time.Duration.ofMinutes(amount);
                case 's': return java.time.Duration.ofSeconds(amount);
                default: throw new NumberFormatException();
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be a duration such as 30d, 12h, 15m, 90s, P30D or 0; was '"
                    + value + "'");
        }
    }

    public Path getPath(String key) {
        return values.get(key) == null ? null : Path.of(values.get(key));
    }

    /** Kafka client properties given as {@code kafka.*}, without the prefix. */
    public Map<String, String> kafkaClient() {
        return Collections.unmodifiableMap(kafka);
    }

    /** Schema registry properties, Confluent names, the URL included once known. */
    public Map<String, String> registry() {
        return Collections.unmodifiableMap(registry);
    }

    public Settings withEmbedded(String bootstrapServers, String registryUrl) {
        Map<String, String> newValues = new LinkedHashMap<>(values);
        Map<String, String> newRegistry = new TreeMap<>(registry);
        if (bootstrapServers != null) {
            newValues.put(BOOTSTRAP_SERVERS, bootstrapServers);
        }
        if (registryUrl != null) {
            newValues.put(SCHEMA_REGISTRY_URL, registryUrl);
            newRegistry.put(SCHEMA_REGISTRY_URL, registryUrl);
        }
        return new Settings(newValues, kafka, newRegistry);
    }

    /** For the start-up log: every value, secrets masked. */
    public String describe() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((k, v) -> shown.put(k, v == null ? "(none)" : mask(k, v)));
        kafka.forEach((k, v) -> shown.put(KAFKA_PREFIX + k, mask(k, v)));
        registry.forEach((k, v) -> shown.put(k, mask(k, v)));
        StringBuilder out = new StringBuilder();
        shown.forEach((k, v) -> out.append("\n  ").append(k).append(" = ").append(v));
        return out.toString();
    }

    /** The same as {@link #describe()}: whatever logs a {@code Settings} shows no secret. */
    @Override
    public String toString() {
        return "settings:" + describe();
    }

    static String mask(String key, String value) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word) && !lower.endsWith(".location") && !lower.endsWith(".type")) {
                return "[hidden]";
            }
        }
        return value.replaceAll("//[^/]*@", "//[hidden]@");
    }
}
