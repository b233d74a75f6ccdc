package io.wirestream.cli;

import io.wirestream.app.App;
import io.wirestream.app.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirestream run}: the main job. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Routes dispatches: reads raw dispatches from the input topic, parses and classifies each, and writes an "
                    + "Avro Dispatch to each matched subject's topic, to the unrouted topic, or the original bytes to "
                    + "the dead-letter topic, exactly once.",
            "",
            "With no bootstrap servers it starts an embedded Kafka broker (data under --data-dir, so history "
                    + "survives restarts); with no schema registry URL an embedded Apicurio Registry (Confluent API, "
                    + "BACKWARD compatibility). Both listen on loopback and their addresses are printed. Ctrl-C stops "
                    + "everything cleanly.",
            "",
            "Settings are layered: defaults, then --config FILE (Java properties; kafka.* keys pass through to the Kafka "
                    + "clients, e.g. kafka.security.protocol=SASL_SSL; schema.registry.*, basic.auth.* and bearer.auth.* "
                    + "keys to the schema registry client), then WIRESTREAM_* environment variables (e.g. "
                    + "WIRESTREAM_BOOTSTRAP_SERVERS; the pass-through keys too, e.g. WIRESTREAM_KAFKA_SASL_JAAS_CONFIG, "
                    + "WIRESTREAM_BASIC_AUTH_USER_INFO), then these options."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:--demo-only finished with every sample accounted for as expected",
            "130:stopped by Ctrl-C (143 for SIGTERM): a clean stop",
            "1:could not start (bad rules, unreachable services), processing stopped on an error, or the demo's "
                    + "outcomes differed",
            "2:invalid command line"})
public final class RunCommand implements Callable<Integer> {

    /** The option of each setting; docs/configuration.md lists the same, and a test holds the two together. */
    public static final Map<String, String> OPTION_OF_SETTING = Map.ofEntries(
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
            Map.entry(Settings.DEDUP_WINDOW, "--dedup-window"));

    @Spec
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

    @Option(names = "--dedup-window", paramLabel = "DURATION",
            description = "A dispatch whose exact content was routed within this much time is dropped and counted as a "
                    + "duplicate, so replaying a feed twice routes it once: 30d, 12h, P30D; 0 turns it off. Default: 30d.")
    private String dedupWindow;

    @Option(names = "--demo", description = "Also feed the bundled sample dispatches and print how many land in each "
            + "topic; then keep running.")
    private boolean demo;

    @Option(names = "--demo-only", description = "Like --demo, then stop.")
    private boolean demoOnly;

    @Override
    public Integer call() {
        // The options given, read through the one map of settings to options, so the two cannot drift apart.
        Map<String, String> cli = new HashMap<>();
        OPTION_OF_SETTING.forEach((setting, option) -> {
            Object value = spec.findOption(option).getValue();
            cli.put(setting, value == null ? null : value.toString());
        });
        return App.run(config, System.getenv(), cli, demo || demoOnly, demoOnly,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
