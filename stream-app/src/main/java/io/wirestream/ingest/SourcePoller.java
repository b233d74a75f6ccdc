package io.wirestream.ingest;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one source: fetches (conditionally) or lists, cuts what came into items, and has the writer send the new
 * and changed ones. A failure is a warning and a later retry, with backoff; it never leaves this class as an
 * exception, except {@link IngestWriter.Fenced}, which ends the ingest.
 */
final class SourcePoller {

    private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);

    /**
     * One poll's outcome.
     *
     * @param read true when the source was read (or had nothing new); false when it failed
     * @param next when to poll it again
     */
    record Poll(boolean read, int sent, Duration next) {
    }

    private final Source source;
    private final HttpFetcher http;
    private final DropFolder folder;
    private final ItemReader reader;
    private final IngestWriter writer;
    private final IngestStats stats;
    private final Clock clock;
    private final Set<String> warned = new HashSet<>();
    private int failures;

    SourcePoller(Source source, HttpFetcher http, DropFolder folder, ItemReader reader, IngestWriter writer,
            IngestStats stats, Clock clock) {
        this.source = source;
        this.http = http;
        this.folder = folder;
        this.reader = reader;
        this.writer = writer;
        this.stats = stats;
        this.clock = clock;
    }

    Source source() {
        return source;
    }

    Poll poll() {
        try {
            return source.isFolder() ? pollFolder() : pollUrl();
        } catch (KafkaException | IllegalStateException e) {
            return failed("could not write to Kafka: " + e.getMessage(), null);
        }
    }

    private Poll pollUrl() {
        Instant fetchedAt = clock.instant();
        Fetch.Validators validators = writer.validators(source.name());
        Fetch fetch = http.fetch(source.url(), validators, source.auth());
        if (fetch instanceof Fetch.Failed failed) {
            return failed(failed.problem(), failed.retryAfter());
        }
        if (fetch instanceof Fetch.NotModified) {
            LOG.debug("{}: not modified", source.name());
            return succeeded(0, 0);
        }
        Fetch.Body body = (Fetch.Body) fetch;
        ItemReader.Result result = reader.read(body.bytes(), source.format(), fetchedAt, null);
        if (result.problem() != null) {
            return failed("the answer has no items to send (" + result.problem() + ")", null);
        }
        List<Item> sent = writer.write(source, result.items(), body.validators(), fetchedAt);
        return succeeded(sent.size(), result.items().size());
    }

    private Poll pollFolder() {
        DropFolder.Listing listing;
        try {
            listing = folder.list();
        } catch (IOException e) {
            return failed("cannot read the folder: " + e.getMessage(), null);
        }
        listing.problems().stream().filter(warned::add)
                .forEach(problem -> LOG.warn("{}: skipping a file: {}", source.name(), problem));
        int sent = 0;
        int items = 0;
        for (DropFolder.File file : listing.complete()) {
            Instant fetchedAt = clock.instant();
            String name = folder.relative(file);
            ItemReader.Result result = reader.read(file.bytes(), source.format(), fetchedAt,
                    n -> "file:" + source.name() + "/" + name + (n == 0 ? "" : "#" + n));
            List<Item> fileItems = result.items();
            if (result.problem() != null) {
                // A delivered file is sent even when it cannot be read, for the pipeline to dead-letter with why.
                fileItems = List.of(ItemReader.whole(file.bytes(), result.format(), "file:" + source.name() + "/"
                        + name));
                LOG.warn("{}: {} is sent whole, to be dead-lettered: {}", source.name(), name, result.problem());
            }
            sent += writer.write(source, fileItems, null, fetchedAt).size();
            items += fileItems.size();
            try {
                folder.done(file, source.moveToDone());
            } catch (IOException e) {
                LOG.warn("{}: could not move {} to {}/: {}", source.name(), name, DropFolder.DONE, e.getMessage());
            }
        }
        if (listing.unsettled() > 0) {
            LOG.debug("{}: {} files still being written", source.name(), listing.unsettled());
        }
        return succeeded(sent, items);
    }

    private Poll succeeded(int sent, int items) {
        if (failures > 0) {
            LOG.info("{}: read again after {} failed polls", source.name(), failures);
        }
        failures = 0;
        stats.succeeded(source.name(), sent, clock.instant());
        if (sent > 0) {
            LOG.info("{}: sent {} new or changed items of {}", source.name(), sent, items);
        }
        return new Poll(true, sent, source.interval());
    }

    private Poll failed(String problem, Duration retryAfter) {
        failures++;
        stats.failed(source.name(), problem);
        Duration next = Backoff.delay(failures, source.interval(), retryAfter, ThreadLocalRandom.current());
        LOG.warn("{} ({}): {}; next try in {} s", source.name(), source.location(), problem,
                Math.max(1, next.toSeconds()));
        return new Poll(false, 0, next);
    }
}
