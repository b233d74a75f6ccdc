package io.wirestream.runtime;

import io.wirestream.config.Settings;
import io.wirestream.embedded.EmbeddedKafka;
import io.wirestream.embedded.EmbeddedRegistry;
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
    private final Settings settings;

    private Services(EmbeddedKafka kafka, EmbeddedRegistry registry, Settings settings) {
        this.kafka = kafka;
        this.registry = registry;
        this.settings = settings;
    }

    public static Services start(Settings configured) throws IOException {
        EmbeddedKafka kafka = null;
        EmbeddedRegistry registry = null;
        Path data = configured.getPath(Settings.DATA_DIR);
        String host = configured.get(Settings.BIND);
        try {
            if (configured.get(Settings.BOOTSTRAP_SERVERS) == null) {
                int port = configured.getInt(Settings.KAFKA_PORT);
                kafka = EmbeddedKafka.start(data.resolve("kafka"), host, port, port + 1);
            }
            if (configured.get(Settings.SCHEMA_REGISTRY_URL) == null) {
                registry = EmbeddedRegistry.start(registryHome(configured), host,
                        configured.getInt(Settings.REGISTRY_PORT), data.resolve("registry"));
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(registry);
            closeQuietly(kafka);
            throw e;
        }
        Settings effective = configured.withEmbedded(kafka == null ? null : kafka.bootstrapServers(),
                registry == null ? null : registry.url());
        return new Services(kafka, registry, effective);
    }

    /** The settings with the embedded services' addresses filled in. */
    public Settings settings() {
        return settings;
    }

    public boolean embeddedKafka() {
        return kafka != null;
    }

    public boolean embeddedRegistry() {
        return registry != null;
    }

    /** The configured distribution, else the one Maven unpacks beside the jar (stream-app/target/apicurio-registry). */
    private static Path registryHome(Settings settings) {
        Path configured = settings.getPath(Settings.REGISTRY_HOME);
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
        closeQuietly(registry);
        closeQuietly(kafka);
    }

    private static void closeQuietly(AutoCloseable service) {
        if (service != null) {
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("while stopping {}: {}", service.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
