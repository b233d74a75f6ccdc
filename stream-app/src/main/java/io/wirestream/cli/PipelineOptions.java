package io.wirestream.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of the routing pipeline's own settings, shared by {@code run} and {@code dashboard} (which must agree
 * with the pipeline it watches). Each is bound to its setting through {@code descriptionKey}; see
 * {@link GivenOptions}.
 */
final class PipelineOptions {

    @Option(names = "--application-id", paramLabel = "ID", descriptionKey = "application.id",
            description = "Kafka Streams application id. Default: ${DEFAULT-VALUE}.")
    String applicationId;

    @Option(names = "--processing-guarantee", paramLabel = "GUARANTEE", descriptionKey = "processing.guarantee",
            description = "exactly_once_v2 or at_least_once. Default: ${DEFAULT-VALUE}.")
    String processingGuarantee;

    @Option(names = "--rules", paramLabel = "FILE", descriptionKey = "rules",
            description = "Rules file. Default: the bundled rules.")
    Path rules;

    @Option(names = "--input-topic", paramLabel = "TOPIC", descriptionKey = "topic.input",
            description = "Raw dispatches. Default: ${DEFAULT-VALUE}.")
    String inputTopic;

    @Option(names = "--unrouted-topic", paramLabel = "TOPIC", descriptionKey = "topic.unrouted",
            description = "Dispatches of no subject. Default: ${DEFAULT-VALUE}.")
    String unroutedTopic;

    @Option(names = "--dead-letter-topic", paramLabel = "TOPIC", descriptionKey = "topic.dead-letter",
            description = "Input that is not a dispatch. Default: ${DEFAULT-VALUE}.")
    String deadLetterTopic;

    @Option(names = "--alert-rules-topic", paramLabel = "TOPIC", descriptionKey = "topic.alert-rules",
            description = "Users' alert rules (compacted). Default: ${DEFAULT-VALUE}.")
    String alertRulesTopic;

    @Option(names = "--alerts-topic", paramLabel = "TOPIC", descriptionKey = "topic.alerts",
            description = "Where alerts are written. Default: ${DEFAULT-VALUE}.")
    String alertsTopic;

    @Option(names = "--partitions", paramLabel = "N", descriptionKey = "topic.partitions",
            description = "Partitions of the topics wirestream creates when missing. Default: ${DEFAULT-VALUE}.")
    String partitions;

    @Option(names = "--replication-factor", paramLabel = "N", descriptionKey = "topic.replication-factor",
            description = "Replicas of each partition of the topics wirestream creates when missing and of Kafka "
                    + "Streams' internal topics; -1 for the broker's default.replication.factor. 3 on a production "
                    + "cluster. Default: ${DEFAULT-VALUE}.")
    String replicationFactor;

    @Option(names = "--data-dir", paramLabel = "DIR", descriptionKey = "data.dir",
            description = "Where the embedded broker keeps its log and Kafka Streams its state. "
                    + "Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--max-bytes", paramLabel = "SIZE", descriptionKey = "max.bytes",
            description = "Largest dispatch accepted, in bytes or with a unit (512KiB, 1MiB, at most 4MiB); larger "
                    + "ones are dead-lettered. Default: ${DEFAULT-VALUE}.")
    String maxBytes;

    @Option(names = "--dedup-window", paramLabel = "DURATION", descriptionKey = "dedup.window",
            description = "A dispatch whose exact content was routed within this much time is dropped and counted as a "
                    + "duplicate, so replaying a feed twice routes it once: 30d, 12h, 90s, P30D; 0 turns it off. "
                    + "Default: ${DEFAULT-VALUE}.")
    String dedupWindow;

    @Option(names = "--sticky-routing", negatable = true, descriptionKey = "routing.sticky",
            description = "A later version of a story goes at least to every topic an earlier one went to, and a "
                    + "version older than one already routed (same guid) is dropped as stale (--no-sticky-routing: "
                    + "each version by its own text). Stories are remembered for --dedup-window. Default: on.")
    Boolean stickyRouting;

    @Option(names = "--embargo-mode", paramLabel = "MODE", descriptionKey = "embargo.mode",
            description = "hold: keep an embargoed (or withheld) dispatch out of every topic until its time (or a later "
                    + "version), then route it; pass: route it at once, embargoedUntil set. Default: ${DEFAULT-VALUE}.")
    String embargoMode;
}
