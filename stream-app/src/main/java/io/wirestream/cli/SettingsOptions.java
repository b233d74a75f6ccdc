package io.wirestream.cli;

import io.wirestream.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of every setting (see {@link Settings}), shared by {@code run} and {@code dashboard}. Each one
 * overrides the same setting from the file and the environment.
 */
final class SettingsOptions {

    /** The option of each setting; docs/configuration.md lists the same, and a test holds the two together. */
    static final Map<String, String> OPTION_OF_SETTING = Map.ofEntries(
            Map.entry(Settings.BOOTSTRAP_SERVERS, "--bootstrap-servers"),
            Map.entry(Settings.SCHEMA_REGISTRY_URL, "--schema-registry-url"),
            Map.entry(Settings.APPLICATION_ID, "--application-id"),
            Map.entry(Settings.PROCESSING_GUARANTEE, "--processing-guarantee"),
            Map.entry(Settings.RULES, "--rules"),
            Map.entry(Settings.INPUT_TOPIC, "--input-topic"),
            Map.entry(Settings.UNROUTED_TOPIC, "--unrouted-topic"),
            Map.entry(Settings.DEAD_LETTER_TOPIC, "--dead-letter-topic"),
            Map.entry(Settings.PARTITIONS, "--partitions"),
            Map.entry(Settings.DATA_DIR, "--data-dir"),
            Map.entry(Settings.BIND, "--bind"),
            Map.entry(Settings.KAFKA_PORT, "--kafka-port"),
            Map.entry(Settings.REGISTRY_PORT, "--registry-port"),
            Map.entry(Settings.REGISTRY_HOME, "--registry-home"),
            Map.entry(Settings.MAX_BYTES, "--max-bytes"),
            Map.entry(Settings.DEDUP_WINDOW, "--dedup-window"),
            Map.entry(Settings.ALERT_RULES_TOPIC, "--alert-rules-topic"),
            Map.entry(Settings.ALERTS_TOPIC, "--alerts-topic"),
            Map.entry(Settings.DASHBOARD_ENABLED, "--dashboard"),
            Map.entry(Settings.DASHBOARD_BIND, "--dashboard-bind"),
            Map.entry(Settings.DASHBOARD_PORT, "--dashboard-port"),
            Map.entry(Settings.DASHBOARD_TOKEN, "--dashboard-token"),
            Map.entry(Settings.DASHBOARD_ALLOWED_HOSTS, "--dashboard-allowed-hosts"));

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings (see above).")
    private Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            description = "Kafka cluster to use. Default: start an embedded broker.")
    private String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Confluent-compatible schema registry to use. Default: start an embedded one.")
    private String registryUrl;

    @Option(names = "--application-id", paramLabel = "ID", description = "Kafka Streams application id. Default: wirestream.")
    private String applicationId;

    @Option(names = "--processing-guarantee", paramLabel = "GUARANTEE",
            description = "exactly_once_v2 or at_least_once. Default: exactly_once_v2.")
    private String processingGuarantee;

    @Option(names = "--rules", paramLabel = "FILE", description = "Rules file. Default: the bundled rules.")
    private Path rules;

    @Option(names = "--input-topic", paramLabel = "TOPIC", description = "Raw dispatches. Default: raw-feed.")
    private String inputTopic;

    @Option(names = "--unrouted-topic", paramLabel = "TOPIC", description = "Dispatches of no subject. Default: unrouted.")
    private String unroutedTopic;

    @Option(names = "--dead-letter-topic", paramLabel = "TOPIC",
            description = "Input that is not a dispatch. Default: raw-feed.dlq.")
    private String deadLetterTopic;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Partitions of the topics wirestream creates when missing. Default: 3.")
    private Integer partitions;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the embedded broker keeps its log and Kafka Streams its state. Default: data.")
    private Path dataDir;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address the embedded broker and registry listen on. Default: 127.0.0.1.")
    private String bind;

    @Option(names = "--kafka-port", paramLabel = "PORT",
            description = "Port of the embedded broker (its controller takes the next one). Default: 9092.")
    private Integer kafkaPort;

    @Option(names = "--registry-port", paramLabel = "PORT", description = "Port of the embedded registry. Default: 8081.")
    private Integer registryPort;

    @Option(names = "--registry-home", paramLabel = "DIR",
            description = "Apicurio Registry distribution for the embedded registry. Default: apicurio-registry beside "
                    + "the jar (mvn package puts it in stream-app/target).")
    private Path registryHome;

    @Option(names = "--max-bytes", paramLabel = "BYTES",
            description = "Largest dispatch accepted; larger ones are dead-lettered. Default: 1048576.")
    private Integer maxBytes;

    @Option(names = "--alert-rules-topic", paramLabel = "TOPIC",
            description = "Users' alert rules (compacted). Default: alert-rules.")
    private String alertRulesTopic;

    @Option(names = "--alerts-topic", paramLabel = "TOPIC", description = "Where alerts are written. Default: alerts.")
    private String alertsTopic;

    @Option(names = "--dashboard", negatable = true,
            description = "Serve the dashboard page and its API (--no-dashboard: only /metrics, /health and /ready). "
                    + "Default: on.")
    private Boolean dashboard;

    @Option(names = "--dashboard-bind", paramLabel = "ADDRESS",
            description = "Address the dashboard, /metrics and /health listen on. Default: 127.0.0.1.")
    private String dashboardBind;

    @Option(names = "--dashboard-port", paramLabel = "PORT",
            description = "Port of the dashboard, /metrics and /health. Default: 8080.")
    private Integer dashboardPort;

    @Option(names = "--dashboard-token", paramLabel = "TOKEN",
            description = "Changing alert rules needs this token. Prefer WIRESTREAM_DASHBOARD_TOKEN: options show in "
                    + "process lists. Default: none.")
    private String dashboardToken;

    @Option(names = "--dashboard-allowed-hosts", paramLabel = "NAME,...",
            description = "Host names the dashboard answers to besides localhost and literal addresses, e.g. the name "
                    + "of a proxy in front of it. Default: none.")
    private String dashboardAllowedHosts;

    @Option(names = "--dedup-window", paramLabel = "DURATION",
            description = "A dispatch whose exact content was routed within this much time is dropped and counted as a "
                    + "duplicate, so replaying a feed twice routes it once: 30d, 12h, P30D; 0 turns it off. Default: 30d.")
    private String dedupWindow;

    /** The options given, by setting, read through the one map of settings to options, so the two cannot drift. */
    Map<String, String> given() {
        Map<String, String> cli = new HashMap<>();
        OPTION_OF_SETTING.forEach((setting, option) -> {
            Object value = spec.findOption(option).getValue();
            cli.put(setting, value == null ? null : value.toString());
        });
        return cli;
    }

    Path config() {
        return config;
    }
}
