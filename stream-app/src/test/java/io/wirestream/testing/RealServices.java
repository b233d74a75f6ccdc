package io.wirestream.testing;

import io.wirestream.embedded.EmbeddedKafka;
import io.wirestream.embedded.EmbeddedRegistry;
import java.io.IOException;
import java.net.ServerSocket;
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
        int kafkaPort = freePort();
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), "127.0.0.1", kafkaPort, freePort());
        try {
            EmbeddedRegistry registry = EmbeddedRegistry.start(Path.of("target", "apicurio-registry"), "127.0.0.1",
                    freePort(), dir.resolve("registry"));
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

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        registry.close();
        kafka.close();
    }
}
