package io.wirestream.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything {@code wirestream} is configured with, typed and checked, as one immutable tree. {@link ConfigLoader}
 * builds it from its layers (defaults, a properties file, {@code WIRESTREAM_*} variables, options); each default
 * lives once, in {@link Setting}. {@link #toString()} masks secrets, so a config can be logged.
 *
 * @param kafka     the cluster and the Kafka Streams application
 * @param registry  the Confluent-compatible schema registry
 * @param topics    the topics besides the subjects' own (which the rules file names)
 * @param limits    what a dispatch may be and how long repeats are remembered
 * @param rules     the subject rules file; null for the bundled rules
 * @param dataDir   the embedded broker's log, the embedded registry's database and Kafka Streams' state
 * @param embedded  where the embedded broker and registry listen, when they are started
 * @param dashboard the HTTP server of the dashboard, {@code /metrics} and the health checks
 * @param ingest    what {@code wirestream ingest} and {@code run --ingest} poll, and how
 * @param lifecycle how the versions, kills and embargoes of a story are followed
 */
public record WirestreamConfig(Kafka kafka, Registry registry, Topics topics, Limits limits, Path rules, Path dataDir,
        Embedded embedded, Dashboard dashboard, Ingest ingest, Lifecycle lifecycle) {

    public WirestreamConfig {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(embedded, "embedded");
        Objects.requireNonNull(dashboard, "dashboard");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /** How Kafka Streams processes: each input's outcomes in one transaction, or at least once. */
    public enum ProcessingGuarantee {
        EXACTLY_ONCE_V2("exactly_once_v2"), AT_LEAST_ONCE("at_least_once");

        private final String value;

        ProcessingGuarantee(String value) {
            this.value = value;
        }

        /** Kafka Streams' name for it. */
        public String value() {
            return value;
        }

        public static ProcessingGuarantee of(String value) {
            for (ProcessingGuarantee guarantee : values()) {
                if (guarantee.value.equals(value)) {
                    return guarantee;
                }
            }
            throw new IllegalArgumentException("must be exactly_once_v2 or at_least_once, was '" + value + "'");
        }
    }

    /**
     * @param bootstrapServers null: none configured, start the embedded broker
     * @param clientProperties the {@code kafka.*} settings without the prefix, passed to every Kafka client
     */
    public record Kafka(String bootstrapServers, String applicationId, ProcessingGuarantee guarantee,
            Map<String, String> clientProperties) {

        public Kafka {
            Objects.requireNonNull(applicationId, "applicationId");
            Objects.requireNonNull(guarantee, "guarantee");
            clientProperties = Map.copyOf(clientProperties);
        }

        @Override
        public String toString() {
            return "Kafka[bootstrapServers=" + bootstrapServers + ", applicationId=" + applicationId + ", guarantee="
                    + guarantee.value() + ", clientProperties=" + Secrets.masked(clientProperties) + "]";
        }
    }

    /**
     * @param url        null: none configured, start the embedded registry
     * @param properties Confluent's registry client settings ({@code basic.auth.*}, {@code schema.registry.ssl.*},
     *                   …), the URL among them once known
     */
    public record Registry(String url, Map<String, String> properties) {

        public Registry {
            properties = Map.copyOf(properties);
        }

        @Override
        public String toString() {
            return "Registry[url=" + (url == null ? null : Secrets.mask("url", url)) + ", properties="
                    + Secrets.masked(properties) + "]";
        }
    }

    /**
     * @param partitions        partitions of the topics wirestream creates when missing
     * @param replicationFactor replicas of each partition of the topics wirestream creates, and of Kafka Streams'
     *                          internal topics; {@link #BROKER_DEFAULT} leaves it to the broker
     */
    public record Topics(String input, String unrouted, String deadLetter, String alertRules, String alerts,
            int partitions, int replicationFactor) {

        /** The replication factor that means "the broker's {@code default.replication.factor}". */
        public static final int BROKER_DEFAULT = -1;

        public Topics {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(unrouted, "unrouted");
            Objects.requireNonNull(deadLetter, "deadLetter");
            Objects.requireNonNull(alertRules, "alertRules");
            Objects.requireNonNull(alerts, "alerts");
            if (replicationFactor != BROKER_DEFAULT && (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE)) {
                throw new IllegalArgumentException(Setting.REPLICATION_FACTOR.key() + " must be " + BROKER_DEFAULT
                        + " (the broker's default.replication.factor) or from 1 to " + Short.MAX_VALUE + ", was "
                        + replicationFactor);
            }
        }
    }

    /**
     * @param maxBytes    the largest dispatch parsed; larger ones are dead-lettered
     * @param dedupWindow how long the content of a routed dispatch is remembered; zero turns deduplication off
     */
    public record Limits(DataSize maxBytes, Duration dedupWindow) {

        /** Dispatches above this could not be written whole to topics that take 8 MiB. */
        public static final DataSize MAX_MAX_BYTES = DataSize.ofMebibytes(4);

        public Limits {
            Objects.requireNonNull(maxBytes, "maxBytes");
            Objects.requireNonNull(dedupWindow, "dedupWindow");
        }
    }

    /**
     * @param kafkaPort    the broker's port; its controller takes the next one
     * @param registryHome the Apicurio Registry distribution; null for the one beside the jar
     */
    public record Embedded(String bind, int kafkaPort, int registryPort, Path registryHome) {
    }

    /**
     * @param enabled      serve the page and its API; off, only {@code /metrics}, {@code /health} and {@code /ready}
     * @param token        null for none: then anyone who reaches the page may change alert rules
     * @param allowedHosts host names the server answers to besides localhost and literal addresses
     * @param maxViewers   live streams of the page open at once; one more is told to come back later
     */
    public record Dashboard(boolean enabled, String bind, int port, Secret token, Set<String> allowedHosts,
            int maxViewers) {

        public Dashboard {
            Objects.requireNonNull(bind, "bind");
            allowedHosts = Set.copyOf(allowedHosts);
            if (maxViewers < 1) {
                throw new IllegalArgumentException("maxViewers must be at least 1, was " + maxViewers);
            }
        }
    }

    /**
     * @param sources         the sources file; null for none (then only the sources named on the command line)
     * @param interval        how often a source is polled unless its own entry says otherwise
     * @param stateTopic      the compacted topic of what was sent, written in the same transaction as the items
     * @param transactionalId the ingest's transactional id: one ingest at a time runs with it
     * @param timeout         the longest an HTTP exchange may take, body included
     * @param maxResponse     the largest response or drop-folder file read
     * @param settle          how long a drop-folder file must stay unchanged before it counts as complete
     */
    public record Ingest(Path sources, Duration interval, String stateTopic, String transactionalId,
            Duration timeout, DataSize maxResponse, Duration settle) {

        public Ingest {
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(stateTopic, "stateTopic");
            Objects.requireNonNull(transactionalId, "transactionalId");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(maxResponse, "maxResponse");
            Objects.requireNonNull(settle, "settle");
        }
    }

    /**
     * What becomes of an embargoed dispatch: held until its time, then routed ({@code hold}); or routed at once with
     * its {@code embargoedUntil}, for consumers that enforce embargoes themselves ({@code pass}).
     */
    public enum EmbargoMode {
        HOLD, PASS;

        /** Its name in settings: {@code hold}, {@code pass}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static EmbargoMode of(String value) {
            for (EmbargoMode mode : values()) {
                if (mode.value().equals(value)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("must be hold or pass, was '" + value + "'");
        }
    }

    /**
     * @param sticky      a later version of a story goes at least to every topic an earlier one went to, and a version
     *                    older than one already routed (same guid) is dropped as stale; off, each version is routed by
     *                    its own text alone
     * @param embargoMode whether embargoed (and withheld) dispatches are held back or passed on at once
     */
    public record Lifecycle(boolean sticky, EmbargoMode embargoMode) {

        public Lifecycle {
            Objects.requireNonNull(embargoMode, "embargoMode");
        }
    }

    /** The same config with the addresses of the services that were started for it filled in. */
    public WirestreamConfig withServices(String bootstrapServers, String registryUrl) {
        Kafka newKafka = bootstrapServers == null ? kafka : new Kafka(bootstrapServers, kafka.applicationId(),
                kafka.guarantee(), kafka.clientProperties());
        Registry newRegistry = registry;
        if (registryUrl != null) {
            Map<String, String> properties = new TreeMap<>(registry.properties());
            properties.put(Setting.SCHEMA_REGISTRY_URL.key(), registryUrl);
            newRegistry = new Registry(registryUrl, properties);
        }
        return new WirestreamConfig(newKafka, newRegistry, topics, limits, rules, dataDir, embedded, dashboard, ingest,
                lifecycle);
    }

    /** The same config with another Kafka Streams application id (a bounded run beside the pipeline, say). */
    public WirestreamConfig withApplicationId(String applicationId) {
        return new WirestreamConfig(new Kafka(kafka.bootstrapServers(), applicationId, kafka.guarantee(),
                kafka.clientProperties()), registry, topics, limits, rules, dataDir, embedded, dashboard, ingest,
                lifecycle);
    }

    /** The broker to talk to: the configured one, else where the embedded one of {@code wirestream run} listens. */
    public String bootstrapServersOrEmbedded() {
        return kafka.bootstrapServers() != null ? kafka.bootstrapServers()
                : embedded.bind() + ":" + embedded.kafkaPort();
    }

    /** The registry to talk to: the configured one, else where the embedded one of {@code wirestream run} listens. */
    public String registryUrlOrEmbedded() {
        return registry.url() != null ? registry.url()
                : "http://" + embedded.bind() + ":" + embedded.registryPort() + "/apis/ccompat/v7";
    }

    /** Settings for any Kafka client of the cluster: the {@code kafka.*} settings and the bootstrap servers. */
    public Map<String, Object> kafkaClientConfig() {
        Map<String, Object> config = new HashMap<>(kafka.clientProperties());
        config.put("bootstrap.servers", bootstrapServersOrEmbedded());
        return config;
    }

    /** The registry client's settings, the URL included (the embedded one's when none is configured). */
    public Map<String, String> registryClientConfig() {
        Map<String, String> config = new TreeMap<>(registry.properties());
        config.put(Setting.SCHEMA_REGISTRY_URL.key(), registryUrlOrEmbedded());
        return config;
    }

    /** Every value by its settings key, secrets masked: for the start-up log and {@code --verbose}. */
    public String describe() {
        return ConfigLoader.describe(this);
    }

    @Override
    public String toString() {
        return "config:" + describe();
    }
}
