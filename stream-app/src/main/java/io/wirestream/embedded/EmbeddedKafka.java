package io.wirestream.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) in this JVM, for the embedded default:
 * listening on loopback, its log kept in a data directory so that history survives restarts. The storage is
 * formatted on first start, as {@code kafka-storage format --standalone} would.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on {@code host:port} (its controller on {@code controllerPort}), data in {@code dataDir}. */
    public static EmbeddedKafka start(Path dataDir, String host, int port, int controllerPort) throws IOException {
        return start(dataDir, host, port, controllerPort, Map.of());
    }

    /**
     * The same, with broker settings that replace or add to the defaults: e.g. further {@code listeners} (a
     * SASL_SSL one for tests of secured clients) with their {@code listener.name.*} settings. The PLAINTEXT
     * listener on {@code port} stays the inter-broker one.
     */
    public static EmbeddedKafka start(Path dataDir, String host, int port, int controllerPort,
            Map<String, String> overrides) throws IOException {
        // A broker that cannot bind halts the whole JVM; refuse first, with a message that says what to change.
        Ports.requireFree(host, port, "the embedded Kafka broker (--kafka-port)");
        Ports.requireFree(host, controllerPort, "the embedded Kafka controller (--kafka-port + 1)");
        Path logDir = dataDir.toAbsolutePath();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.bootstrap.servers", host + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // One node: every internal topic has one replica, so transactions (exactly-once) work.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.putAll(overrides);
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            Files.createDirectories(logDir);
            format(config, logDir);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        String bootstrap = host + ":" + port;
        LOG.debug("Kafka broker ready at {} (data in {})", bootstrap, logDir);
        return new EmbeddedKafka(server, bootstrap);
    }

    private static void format(KafkaConfig config, Path logDir) throws IOException {
        try {
            new Formatter()
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setInitialControllers(StorageTool.createStandaloneDynamicVoters(config))
                    .setHasDynamicQuorum(true)
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new IOException("cannot format the broker's storage in " + logDir + ": " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
