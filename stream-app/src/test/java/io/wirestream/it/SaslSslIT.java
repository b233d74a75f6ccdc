package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RulesLoader;
import io.wirestream.config.ConfigLoader;
import io.wirestream.config.Setting;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.dispatch.StoryIdentity;
import io.wirestream.embedded.EmbeddedKafka;
import io.wirestream.embedded.EmbeddedRegistry;
import io.wirestream.embedded.Ports;
import io.wirestream.format.FormatParser;
import io.wirestream.input.DispatchInputs;
import io.wirestream.input.InputRecord;
import io.wirestream.registry.AvroDeserializer;
import io.wirestream.runtime.App;
import io.wirestream.runtime.DemoFeed;
import io.wirestream.runtime.StreamsRunner;
import io.wirestream.runtime.Topics;
import io.wirestream.schema.Dispatch;
import io.wirestream.testing.BasicAuthTlsProxy;
import io.wirestream.testing.TestCertificates;
import io.wirestream.topology.Collaborators;
import io.wirestream.topology.RoutingConfig;
import io.wirestream.topology.TopicConfig;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/**
 * wirestream on a secured deployment, configured the way a container is, by environment variables only: Kafka
 * reached over a SASL_SSL listener with SCRAM-SHA-512 (a certificate made for this run), the real schema registry
 * behind a TLS proxy that demands basic auth. The samples must reach exactly their expected topics; wrong
 * credentials for either must stop start-up within seconds with a message that says authentication failed; and no
 * secret may appear in any log line, including the settings logged at start-up and the Kafka clients' own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SaslSslIT {

    private static final String USER = "wire";
    private static final String KAFKA_PASSWORD = "kafka-" + UUID.randomUUID();
    private static final String REGISTRY_PASSWORD = "registry-" + UUID.randomUUID();
    private static final String WRONG_PASSWORD = "wrong-" + UUID.randomUUID();
    private static final String TRACE = "trace-id";
    private static final Duration FAIL_FAST = Duration.ofSeconds(30);
    private static final TopicConfig TOPICS = TopicConfig.DEFAULTS;
    private static final RuleClassifier CLASSIFIER = new RuleClassifier(RulesLoader.loadDefault());
    private static final List<String> CAPTURED = List.of("io.wirestream", "org.apache.kafka", "kafka");

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Map<String, Level> levelsBefore = new HashMap<>();
    private Path dir;
    private TestCertificates certificates;
    private EmbeddedKafka kafka;
    private EmbeddedRegistry registry;
    private BasicAuthTlsProxy proxy;
    private int saslPort;

    @BeforeAll
    void startSecuredServices() throws Exception {
        captureLogs();
        dir = Files.createTempDirectory("wirestream-sasl-ssl-it");
        certificates = TestCertificates.create(dir.resolve("tls"));
        int plainPort = Ports.freePort();
        int controllerPort = Ports.freePort();
        saslPort = Ports.freePort();
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), "127.0.0.1", plainPort, controllerPort, Map.of(
                "listeners", "PLAINTEXT://127.0.0.1:" + plainPort + ",CONTROLLER://127.0.0.1:" + controllerPort
                        + ",SASL_SSL://127.0.0.1:" + saslPort,
                "advertised.listeners", "PLAINTEXT://127.0.0.1:" + plainPort + ",SASL_SSL://127.0.0.1:" + saslPort,
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL",
                "sasl.enabled.mechanisms", "SCRAM-SHA-512",
                "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.keystore.location", certificates.keyStore().toString(),
                "ssl.keystore.password", certificates.password(),
                "ssl.key.password", certificates.password(),
                "ssl.keystore.type", "PKCS12"));
        // SCRAM users live in the cluster's metadata: made by an administrator over the broker-internal listener.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), KAFKA_PASSWORD))).all().get();
        }
        registry = EmbeddedRegistry.start(Path.of("target", "apicurio-registry"), "127.0.0.1", Ports.freePort(),
                dir.resolve("registry"));
        proxy = BasicAuthTlsProxy.start(certificates, URI.create(registry.url()), USER, REGISTRY_PASSWORD);
        Map<String, Object> secured = settings(KAFKA_PASSWORD, REGISTRY_PASSWORD).kafkaClientConfig();
        await("SCRAM user accepted over SASL_SSL").atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            try (Admin admin = Admin.create(secured)) {
                return admin.describeCluster().clusterId().get() != null;
            }
        });
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        releaseLogs();
    }

    @Test
    @Order(1)
    void shouldRouteEverySampleToExactlyItsTopicsOverSaslSslWithARegistryBehindBasicAuthOverTls() throws Exception {
        WirestreamConfig settings = settings(KAFKA_PASSWORD, REGISTRY_PASSWORD);
        assertThat(settings.kafka().clientProperties()).containsEntry("security.protocol", "SASL_SSL");
        Topics.ensure(settings.kafkaClientConfig(), TOPICS.all(CLASSIFIER.ruleSet()), 2);
        Map<Integer, Set<String>> expected = new HashMap<>();
        List<byte[]> inputs = inputs(expected);

        Map<Integer, Set<String>> actual = new HashMap<>();
        List<ConsumerRecord<byte[], byte[]>> routed = new ArrayList<>();
        try (StreamsRunner runner = StreamsRunner.start(settings, RoutingConfig.of(settings).withTopics(TOPICS),
                Collaborators.of(settings, CLASSIFIER))) {
            assertThat(runner.awaitRunning(Duration.ofSeconds(120))).as("streams running over SASL_SSL").isTrue();
            produce(settings, inputs);
            int expectedRecords = expected.values().stream().mapToInt(Set::size).sum();
            try (KafkaConsumer<byte[], byte[]> consumer = readCommitted(settings)) {
                await("every expected outcome").atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() -> {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        int trace = Integer.parseInt(new String(record.headers().lastHeader(TRACE).value(),
                                StandardCharsets.UTF_8));
                        assertThat(actual.computeIfAbsent(trace, t -> new TreeSet<>()).add(record.topic()))
                                .as("input %d reached %s twice", trace, record.topic()).isTrue();
                        if (!record.topic().equals(TOPICS.deadLetter())) {
                            routed.add(record);
                        }
                    }
                    return actual.values().stream().mapToInt(Set::size).sum() >= expectedRecords;
                });
                // Nothing more may follow: no input reaches a topic it should not, or one twice.
                assertThat(consumer.poll(Duration.ofSeconds(3))).isEmpty();
            }
            assertThat(runner.failure()).isNull();
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(routed).isNotEmpty();
        AvroDeserializer<Dispatch> values = new AvroDeserializer<>(Dispatch.class);
        values.configure(settings.registryClientConfig(), false);
        for (ConsumerRecord<byte[], byte[]> record : routed) {
            assertThat(StoryIdentity.of(values.deserialize(record.topic(), record.value())))
                    .isEqualTo(new String(record.key(), StandardCharsets.UTF_8));
        }
        assertThat(proxy.forwarded()).as("registry calls through the proxy").isPositive();
        assertThat(proxy.refused()).as("registry calls refused").isZero();
    }

    @Test
    @Order(2)
    void shouldStopStartUpWithinSecondsSayingKafkaRefusedWrongCredentials() {
        Start start = start(env(WRONG_PASSWORD, REGISTRY_PASSWORD), "wrong-kafka");

        assertThat(start.exit()).isEqualTo(1);
        assertThat(start.took()).isLessThan(FAIL_FAST);
        assertThat(start.err()).contains("refused to authenticate wirestream")
                .containsIgnoringCase("authentication failed").contains("SCRAM-SHA-512")
                .doesNotContain(WRONG_PASSWORD, REGISTRY_PASSWORD, certificates.password());
    }

    @Test
    @Order(3)
    void shouldStopStartUpWithinSecondsSayingTheRegistryRefusedWrongCredentials() {
        int refusedBefore = proxy.refused();

        Start start = start(env(KAFKA_PASSWORD, WRONG_PASSWORD), "wrong-registry");

        assertThat(start.exit()).isEqualTo(1);
        assertThat(start.took()).isLessThan(FAIL_FAST);
        assertThat(start.err()).contains("401").contains("authentication failed")
                .contains("check basic.auth.user.info").doesNotContain(WRONG_PASSWORD, KAFKA_PASSWORD);
        assertThat(proxy.refused()).isEqualTo(refusedBefore + 1);
    }

    /** How a start of 'wirestream run' that is expected to fail ended: exit code, what it said, how long it took. */
    record Start(int exit, String err, Duration took) {
    }

    private Start start(Map<String, String> env, String applicationId) {
        long start = System.nanoTime();
        StringWriter err = new StringWriter();
        int exit = App.run(ConfigLoader.load(Map.of(), env, appOptions(applicationId)), false, false,
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        return new Start(exit, err.toString(), Duration.ofNanos(System.nanoTime() - start));
    }

    @Test
    @Order(4)
    void shouldNeverLogAPasswordOrCredential() {
        List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).as("log lines captured").hasSizeGreaterThan(100);
        // The lines that would show them if masking failed: wirestream's settings and the Kafka clients' configs.
        assertThat(lines.stream().filter(line -> line.contains("kafka.sasl.jaas.config = [hidden]")).count())
                .as("wirestream's settings lines, masked").isEqualTo(2);
        assertThat(lines.stream().anyMatch(line -> line.contains("ProducerConfig values")
                && line.contains("sasl.jaas.config = [hidden]"))).as("a producer's config, masked").isTrue();
        List<String> secrets = List.of(KAFKA_PASSWORD, REGISTRY_PASSWORD, WRONG_PASSWORD, certificates.password());
        assertThat(lines.stream().filter(line -> secrets.stream().anyMatch(line::contains)).toList())
                .as("log lines that show a secret").isEmpty();
    }

    /** Everything a container would set: Kafka over SASL_SSL and the registry over TLS with basic auth. */
    private Map<String, String> env(String kafkaPassword, String registryPassword) {
        Map<String, String> env = new HashMap<>();
        env.put("WIRESTREAM_BOOTSTRAP_SERVERS", "127.0.0.1:" + saslPort);
        env.put("WIRESTREAM_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("WIRESTREAM_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        env.put("WIRESTREAM_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"" + USER + "\" password=\"" + kafkaPassword + "\";");
        env.put("WIRESTREAM_KAFKA_SSL_TRUSTSTORE_LOCATION", certificates.trustStore().toString());
        env.put("WIRESTREAM_KAFKA_SSL_TRUSTSTORE_PASSWORD", certificates.password());
        env.put("WIRESTREAM_KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");
        env.put("WIRESTREAM_SCHEMA_REGISTRY_URL", "https://127.0.0.1:" + proxy.port() + "/apis/ccompat/v7");
        env.put("WIRESTREAM_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO");
        env.put("WIRESTREAM_BASIC_AUTH_USER_INFO", USER + ":" + registryPassword);
        env.put("WIRESTREAM_SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", certificates.trustStore().toString());
        env.put("WIRESTREAM_SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD", certificates.password());
        env.put("WIRESTREAM_SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE", "PKCS12");
        return env;
    }

    private Map<Setting, String> appOptions(String applicationId) {
        return Map.of(Setting.APPLICATION_ID, applicationId,
                Setting.DATA_DIR, dir.resolve(applicationId).toString());
    }

    private WirestreamConfig settings(String kafkaPassword, String registryPassword) throws java.io.IOException {
        return ConfigLoader.load(Map.of(), env(kafkaPassword, registryPassword), appOptions("sasl-ssl-it"));
    }

    /** The bundled samples and two inputs that are no dispatch; fills in each one's expected topics by trace. */
    private static List<byte[]> inputs(Map<Integer, Set<String>> expected) throws java.io.IOException {
        List<InputRecord> samples = new ArrayList<>();
        try (InputStream in = SaslSslIT.class.getResourceAsStream(DemoFeed.SAMPLES)) {
            new DispatchInputs(null, Integer.MAX_VALUE).readJsonLines("samples", in, samples::add);
        }
        List<byte[]> inputs = new ArrayList<>();
        samples.forEach(s -> inputs.add(s.bytes() == null ? new byte[0] : s.bytes()));
        inputs.add("<html><body>not news</body></html>".getBytes(StandardCharsets.UTF_8));
        inputs.add(new byte[] {'H', '\n', (byte) 0xC3, (byte) 0x28});
        FormatParser parser = new FormatParser();
        Set<String> routedContent = new HashSet<>();
        for (int trace = 0; trace < inputs.size(); trace++) {
            // The samples are single stories, in several formats.
            ParseResult result = parser.parseAll(RawDispatch.of(inputs.get(trace),
                    Instant.parse("2024-06-01T00:00:00Z"))).single();
            boolean duplicate = result instanceof ParseResult.Parsed parsed
                    && !routedContent.add(parsed.dispatch().getContentId());
            if (!duplicate) {
                expected.put(trace, RoutingIT.expected(result));
            }
        }
        return inputs;
    }

    private static void produce(WirestreamConfig settings, List<byte[]> inputs) {
        Map<String, Object> config = new HashMap<>(settings.kafkaClientConfig());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int trace = 0; trace < inputs.size(); trace++) {
                RecordHeaders headers = new RecordHeaders();
                headers.add(TRACE, Integer.toString(trace).getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(TOPICS.input(), null, Instant.parse("2024-06-01T00:00:00Z")
                        .toEpochMilli(), null, inputs.get(trace), headers));
            }
            producer.flush();
        }
    }

    private static KafkaConsumer<byte[], byte[]> readCommitted(WirestreamConfig settings) {
        Map<String, Object> config = new HashMap<>(settings.kafkaClientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "sasl-ssl-it-check");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(TOPICS.outputs(CLASSIFIER.ruleSet()));
        return consumer;
    }

    /**
     * Collects every log line of the Kafka clients and the broker at INFO, where configurations are printed, and of
     * wirestream at DEBUG, where its settings are (as {@code run --verbose} shows them). Kafka's INFO lines go to memory only (they would flood the test output); wirestream's go on to stderr.
     */
    private void captureLogs() {
        logs.start();
        for (String name : CAPTURED) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levelsBefore.put(name, logger.getLevel());
            logger.setLevel(name.equals("io.wirestream") ? Level.DEBUG : Level.INFO);
            logger.setAdditive(name.equals("io.wirestream"));
            logger.addAppender(logs);
        }
    }

    /** Restores the loggers and shows Kafka's warnings, which went to memory only. */
    private void releaseLogs() {
        levelsBefore.forEach((name, level) -> {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.detachAppender(logs);
            logger.setAdditive(true);
            logger.setLevel(level);
        });
        logs.stop();
        logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN) && !e.getLoggerName().startsWith("io.wirestream"))
                .forEach(e -> System.err.println(e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage()));
    }
}
