package io.wirestream.runtime;

import io.wirestream.config.WirestreamConfig;
import io.wirestream.ingest.Ingester;
import io.wirestream.ingest.Source;
import io.wirestream.ingest.SourcesFile;
import io.wirestream.metrics.Metrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code run --ingest FILE}: the ingest of {@code wirestream ingest --sources FILE}, polling inside the pipeline's
 * process, its figures on the pipeline's {@code /metrics}. Nothing at all without a sources file.
 */
final class PipelineIngest implements AutoCloseable {

    private final Ingester ingester;

    private PipelineIngest(Ingester ingester) {
        this.ingester = ingester;
    }

    /** Polling started, when {@code config} names a sources file; else a no-op to close. */
    static PipelineIngest start(WirestreamConfig config, Metrics metrics, PrintWriter out) throws IOException,
            InterruptedException {
        WirestreamConfig.Ingest settings = config.ingest();
        if (settings.sources() == null) {
            return new PipelineIngest(null);
        }
        List<Source> sources = SourcesFile.resolve(settings, List.of(), false, System.getenv());
        Topics.ensure(config.kafkaClientConfig(), List.of(config.topics().input(), settings.stateTopic()),
                Set.of(settings.stateTopic()), Topics.Layout.of(config.topics()));
        Ingester ingester = Ingester.open(config, sources, Duration.ZERO);
        metrics.bindIngest(ingester.stats());
        ingester.start();
        out.printf("  ingest:          %d sources of %s (state in %s)%n", sources.size(), settings.sources(),
                settings.stateTopic());
        return new PipelineIngest(ingester);
    }

    @Override
    public void close() {
        if (ingester != null) {
            ingester.close();
        }
    }
}
