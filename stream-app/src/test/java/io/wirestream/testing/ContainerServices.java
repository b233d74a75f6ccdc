package io.wirestream.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The broker and registry as Docker containers ({@code apache/kafka}, {@code confluentinc/cp-schema-registry}):
 * the same suite against the images users deploy. Classes using it are marked {@link RequiresDocker}.
 */
public final class ContainerServices implements TestServices {

    private final Network network;
    private final KafkaContainer kafka;
    private final GenericContainer<?> registry;
    private final Path dir;

    private ContainerServices(Network network, KafkaContainer kafka, GenericContainer<?> registry, Path dir) {
        this.network = network;
        this.kafka = kafka;
        this.registry = registry;
        this.dir = dir;
    }

    public static ContainerServices start() {
        Network network = Network.newNetwork();
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.0"))
                .withNetwork(network)
                .withListener("kafka:19092");
        kafka.start();
        GenericContainer<?> registry = new GenericContainer<>(DockerImageName.parse("confluentinc/cp-schema-registry:7.9.0"))
                .withNetwork(network)
                .withExposedPorts(8081)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
        registry.start();
        try {
            return new ContainerServices(network, kafka, registry, Files.createTempDirectory("wirestream-containers"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String registryUrl() {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(8081);
    }

    @Override
    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        registry.stop();
        kafka.stop();
        network.close();
    }
}
