package io.wirestream.runtime;

import io.wirestream.config.WirestreamConfig;
import io.wirestream.embedded.EmbeddedKafka;
import io.wirestream.embedded.EmbeddedRegistry;
import io.wirestream.util.Closing;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker and registry the app talks to: those configured, or, where none is, embedded ones started on
 * loopback (a real Kafka broker in this JVM, Apicurio Registry as a child process). Closing stops what it started.
 */
public final class Services implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    private final EmbeddedKafka kafka;
    private final EmbeddedRegistry registry;
    private final WirestreamConfig config;

    private Services(EmbeddedKafka kafka, EmbeddedRegistry registry, WirestreamConfig config) {
        this.kafka = kafka;
        this.registry = registry;
        this.config = config;
    }

    public static Services start(WirestreamConfig configured) throws IOException {
        EmbeddedKafka kafka = null;
        EmbeddedRegistry registry = null;
        Path data = configured.dataDir();
        WirestreamConfig.Embedded embedded = configured.embedded();
        try {
            if (configured.kafka().bootstrapServers() == null) {
                int port = embedded.kafkaPort();
                kafka = EmbeddedKafka.start(data.resolve("kafka"), embedded.bind(), port, port + 1);
            }
            if (configured.registry().url() == null) {
                registry = EmbeddedRegistry.start(registryHome(embedded), embedded.bind(), embedded.registryPort(),
                        data.resolve("registry"));
            }
        } catch (IOException | RuntimeException e) {
            Closing.inOrder(LOG, registry, kafka);
            throw e;
        }
        WirestreamConfig effective = configured.withServices(kafka == null ? null : kafka.bootstrapServers(),
                registry == null ? null : registry.url());
        return new Services(kafka, registry, effective);
    }

    /** The config with the embedded services' addresses filled in. */
    public WirestreamConfig config() {
        return config;
    }

    public boolean embeddedKafka() {
        return kafka != null;
    }

    public boolean embeddedRegistry() {
        return registry != null;
    }

    /** The configured distribution, else the one Maven unpacks beside the jar (stream-app/target/apicurio-registry). */
    private static Path registryHome(WirestreamConfig.Embedded embedded) {
        Path configured = embedded.registryHome();
        if (configured != null) {
            return configured;
        }
        try {
            Path jar = Path.of(Services.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path besideJar = (Files.isDirectory(jar) ? jar.getParent() : jar.getParent()).resolve("apicurio-registry");
            return Files.isDirectory(besideJar) ? besideJar : Path.of("stream-app", "target", "apicurio-registry");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("stream-app", "target", "apicurio-registry");
        }
    }

    @Override
    public void close() {
        Closing.inOrder(LOG, registry, kafka);
    }

}
