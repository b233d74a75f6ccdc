package io.wirestream.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of {@code run --ingest}: the same ingest as {@code wirestream ingest}, inside the pipeline's process.
 * Each is bound to its setting through {@code descriptionKey}; see {@link GivenOptions}.
 */
final class IngestOptions {

    @Option(names = "--ingest", paramLabel = "FILE", descriptionKey = "ingest.sources",
            description = "Also poll the sources of this sources file (YAML, as 'wirestream ingest --sources') into "
                    + "the input topic, each item once. Default: none, no ingest.")
    Path sources;

    @Option(names = "--ingest-interval", paramLabel = "DURATION", descriptionKey = "ingest.interval",
            description = "How often a source is polled unless its entry says otherwise. Default: ${DEFAULT-VALUE}.")
    String interval;

    @Option(names = "--ingest-state-topic", paramLabel = "TOPIC", descriptionKey = "ingest.state-topic",
            description = "The compacted topic of what ingest sent. Default: ${DEFAULT-VALUE}.")
    String stateTopic;

    @Option(names = "--ingest-id", paramLabel = "ID", descriptionKey = "ingest.id",
            description = "Ingest's transactional id: one ingest runs with it at a time. "
                    + "Default: <application.id>-ingest.")
    String id;

    @Option(names = "--ingest-timeout", paramLabel = "DURATION", descriptionKey = "ingest.timeout",
            description = "The longest an HTTP exchange of ingest may take, body included. Default: ${DEFAULT-VALUE}.")
    String timeout;

    @Option(names = "--ingest-max-response", paramLabel = "SIZE", descriptionKey = "ingest.max-response",
            description = "The largest response or file ingest reads. Default: ${DEFAULT-VALUE}.")
    String maxResponse;

    @Option(names = "--ingest-settle", paramLabel = "DURATION", descriptionKey = "ingest.settle",
            description = "How long a drop-folder file must stay unchanged to count as complete. "
                    + "Default: ${DEFAULT-VALUE}.")
    String settle;
}
