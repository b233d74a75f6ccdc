package io.wirestream.embedded;

import io.wirestream.registry.RegistryConfig;
import io.wirestream.registry.RestSchemaRegistryClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real schema registry for the embedded default and the integration tests: Apicurio Registry, from its Maven
 * Central distribution, run as a child process on loopback, serving the Confluent API at {@code /apis/ccompat/v7}
 * with BACKWARD compatibility (Apicurio's own default is NONE). Its storage is an H2 database in the data
 * directory, so that schema ids stay valid for the records the embedded broker keeps across restarts.
 */
public final class EmbeddedRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRegistry.class);
    private static final String RUNNER = "apicurio-registry-app-3.0.9-runner.jar";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final String url;
    /** Stops the child if this JVM ends first, however it ends short of a kill: no orphan keeps the port. */
    private final Thread reaper;

    private EmbeddedRegistry(Process process, String url) {
        this.process = process;
        this.url = url;
        this.reaper = new Thread(process::destroy, "stop-schema-registry");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts the registry from the distribution in {@code home} (which holds {@value #RUNNER} and {@code lib/}),
     * listening on {@code host:port}, with its database and log in {@code dataDir}; returns once it is ready.
     */
    public static EmbeddedRegistry start(Path home, String host, int port, Path dataDir) throws IOException {
        Path data = dataDir.toAbsolutePath();
        Path logFile = data.resolve("registry.log");
        Path runner = home.resolve(RUNNER);
        if (!Files.isRegularFile(runner)) {
            throw new IOException("no Apicurio Registry distribution at " + home + " (" + RUNNER + " missing): build with "
                    + "'mvn package', which unpacks it into stream-app/target/apicurio-registry, or give its folder "
                    + "with --registry-home, or as embedded.registry.home in the settings file (bench: --config)");
        }
        Ports.requireFree(host, port, "the embedded schema registry (--registry-port)");
        Files.createDirectories(data);
        List<String> command = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "-Xmx256m",
                "-Dquarkus.http.host=" + host, "-Dquarkus.http.port=" + port,
                "-Dquarkus.banner.enabled=false", "-Dquarkus.http.access-log.enabled=false",
                "-Dquarkus.log.level=WARN", "-Dquarkus.log.category.\"io.apicurio\".level=WARN",
                "-Dapicurio.datasource.url=jdbc:h2:file:" + data.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
                "-jar", runner.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        String base = "http://" + host + ":" + port;
        EmbeddedRegistry registry = new EmbeddedRegistry(process, base + "/apis/ccompat/v7");
        try {
            registry.awaitReady(base + "/health/ready", logFile);
            new RestSchemaRegistryClient(RegistryConfig.from(Map.of(RegistryConfig.URL, registry.url())))
                    .setCompatibility(null, "BACKWARD");
        } catch (IOException | RuntimeException e) {
            registry.close();
            throw e;
        }
        LOG.debug("schema registry (Apicurio {}) ready at {}", "3.0.9", registry.url());
        return registry;
    }

    /** The Confluent-compatible base URL, for {@code schema.registry.url}. */
    public String url() {
        return url;
    }

    private void awaitReady(String health, Path logFile) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the schema registry exited with code " + process.exitValue()
                        + " before it was ready (is the port taken?); its log: " + logFile);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(health))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the schema registry", e);
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the schema registry", e);
            }
        }
        throw new IOException("the schema registry was not ready within " + START_TIMEOUT.toSeconds() + " s; its log: "
                + logFile);
    }

    /** Stops the process: politely, then by force after ten seconds. */
    @Override
    public void close() {
        ChildProcesses.stop(process, reaper, Duration.ofSeconds(10));
    }
}
