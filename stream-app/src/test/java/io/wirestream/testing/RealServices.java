package io.wirestream.testing;

import io.wirestream.embedded.EmbeddedKafka;
import io.wirestream.embedded.EmbeddedRegistry;
import io.wirestream.embedded.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real Kafka broker (KRaft, in this JVM) and a real schema registry (Apicurio, a child process) on loopback, on
 * free ports, for integration tests. No mock stands in for either.
 */
public final class RealServices implements TestServices {

    private final Path dir;
    private final EmbeddedKafka kafka;
    private final EmbeddedRegistry registry;

    private RealServices(Path dir, EmbeddedKafka kafka, EmbeddedRegistry registry) {
        this.dir = dir;
        this.kafka = kafka;
        this.registry = registry;
    }

    public static RealServices start() throws IOException {
        Path dir = Files.createTempDirectory("wirestream-it");
        int kafkaPort = Ports.freePort();
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), "127.0.0.1", kafkaPort, Ports.freePort());
        try {
            EmbeddedRegistry registry = EmbeddedRegistry.start(Path.of("target", "apicurio-registry"), "127.0.0.1",
                    Ports.freePort(), dir.resolve("registry"));
            return new RealServices(dir, kafka, registry);
        } catch (IOException | RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String registryUrl() {
        return registry.url();
    }

    @Override
    public Path dir() {
        return dir;
    }


    @Override
    public void close() {
        registry.close();
        kafka.close();
    }
}
