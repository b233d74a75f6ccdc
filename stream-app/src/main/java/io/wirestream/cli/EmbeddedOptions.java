package io.wirestream.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where {@code run}'s embedded broker and registry listen, when it starts them. */
final class EmbeddedOptions {

    @Option(names = "--bind", paramLabel = "ADDRESS", descriptionKey = "embedded.bind",
            description = "Address the embedded broker and registry listen on. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--kafka-port", paramLabel = "PORT", descriptionKey = "embedded.kafka.port",
            description = "Port of the embedded broker (its controller takes the next one). Default: ${DEFAULT-VALUE}.")
    String kafkaPort;

    @Option(names = "--registry-port", paramLabel = "PORT", descriptionKey = "embedded.registry.port",
            description = "Port of the embedded registry. Default: ${DEFAULT-VALUE}.")
    String registryPort;

    @Option(names = "--registry-home", paramLabel = "DIR", descriptionKey = "embedded.registry.home",
            description = "Apicurio Registry distribution for the embedded registry. Default: apicurio-registry beside "
                    + "the jar (mvn package puts it in stream-app/target).")
    Path registryHome;
}
