package io.wirestream.topology;

import io.wirestream.schema.Dispatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Carries out the {@link Router}'s decisions for every raw record, one per item of the document it holds: a
 * {@code Dispatch} to each subject's sink, or one to unrouted, then its alerts; or the dead letter; or, for a
 * duplicate, a stale version, a held dispatch or a record past a bounded run's end, nothing yet. Held dispatches
 * go out from a wall-clock punctuation once their embargo is over. The listener hears each fate. Keys become the
 * story (guid, else story key) and timestamps the publish time, when known.
 */
final class RouteProcessor implements Processor<byte[], byte[], Object, Object> {

    /** How often held dispatches are looked at: an embargo ends at most this late. */
    static final Duration RELEASE_INTERVAL = Duration.ofSeconds(1);

    private final RoutingConfig config;
    private final Collaborators collaborators;
    private final Map<String, String> sinkBySubject;
    private final RoutingListener listener;
    private ProcessorContext<Object, Object> context;
    private Router router;
    private Optional<AlertWriter> alerts;

    RouteProcessor(RoutingConfig config, Collaborators collaborators, Map<String, String> sinkBySubject) {
        this.config = config;
        this.collaborators = collaborators;
        this.sinkBySubject = sinkBySubject;
        this.listener = collaborators.listener();
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        SeenContent seen = config.deduplicates() ? SeenContentStore.open(context, config.deduplicationWindow())
                : SeenContent.NONE;
        KnownStories stories = config.followsStories() ? StoryStore.open(context, config.deduplicationWindow())
                : KnownStories.NONE;
        HeldDispatches held = config.holdsEmbargoes() ? new HeldStore(context) : HeldDispatches.NONE;
        StoryLife life = new StoryLife(stories, held, config.lifecycle().sticky(), config.holdsEmbargoes(),
                context::currentSystemTimeMs);
        router = new Router(collaborators.parser(), collaborators.classifier(), config.endOffsets(), seen, life);
        alerts = config.alerts().map(topics -> new AlertWriter(collaborators.alertBook(),
                collaborators.alertSerde().serializer(), topics.alerts(), listener));
        if (config.holdsEmbargoes()) {
            context.schedule(RELEASE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> releaseDue());
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Optional<RawRecord.Origin> origin = context.recordMetadata()
                .map(m -> new RawRecord.Origin(m.topic(), m.partition(), m.offset()));
        RawRecord input = new RawRecord(record.value(), record.timestamp(), origin, FormatHint.of(record.headers()),
                carried(record.headers()));
        for (Outcome outcome : router.route(input)) {
            carryOut(record, origin, outcome);
        }
    }

    /** Held dispatches whose time has come go out, in the task's transaction: once, whatever crashes after. */
    private void releaseDue() {
        for (Outcome outcome : router.releaseDue()) {
            carryOut(null, Optional.empty(), outcome);
        }
    }

    /**
     * One fate of the record (null for a punctuation's): a document of several items has several, each carried
     * out in turn.
     */
    private void carryOut(Record<byte[], byte[]> record, Optional<RawRecord.Origin> origin, Outcome outcome) {
        long inputTime = record == null ? context.currentSystemTimeMs() : record.timestamp();
        if (outcome instanceof Outcome.Delivered delivered) {
            deliver(record == null ? null : record.headers(), delivered, inputTime);
        } else if (outcome instanceof Outcome.DeadLetter deadLetter) {
            forward(DeadLetters.of(record, deadLetter, origin), RoutingTopology.DEAD_LETTER_SINK);
            listener.outcome(RoutingListener.Outcome.DEAD_LETTER, deadLetter.reason(), inputTime);
        } else if (outcome instanceof Outcome.Duplicate) {
            listener.outcome(RoutingListener.Outcome.DUPLICATE, null, inputTime);
        } else if (outcome instanceof Outcome.Stale) {
            listener.outcome(RoutingListener.Outcome.STALE, null, inputTime);
        } else if (outcome instanceof Outcome.Held) {
            listener.outcome(RoutingListener.Outcome.HELD, null, inputTime);
        } else if (outcome instanceof Outcome.Withdrawn) {
            listener.outcome(RoutingListener.Outcome.CANCELED, null, inputTime);
        }
        // Outcome.BeyondEnd: left alone, for the live pipeline, and no one's business here.
    }

    private void deliver(Headers input, Outcome.Delivered delivered, long inputTime) {
        RoutingListener.Outcome counted = countedAs(delivered);
        Headers headers = delivered instanceof Outcome.Released released ? headersOf(released.headers()) : input;
        if (delivered.subjects().isEmpty()) {
            forward(copy(headers, delivered), RoutingTopology.UNROUTED_SINK);
            listener.outcome(counted, null, inputTime);
        }
        for (String subject : delivered.subjects()) {
            forward(copy(headers, delivered), sinkBySubject.get(subject));
            listener.outcome(counted, subject, inputTime);
        }
        if (!(delivered instanceof Outcome.Canceled)) {
            alerts.ifPresent(writer -> writer.write(delivered, context.currentSystemTimeMs(),
                    alert -> forward(alert, RoutingTopology.ALERTS_SINK)));
        }
    }

    private static RoutingListener.Outcome countedAs(Outcome.Delivered delivered) {
        if (delivered instanceof Outcome.Released) {
            return RoutingListener.Outcome.RELEASED;
        }
        if (delivered instanceof Outcome.Canceled) {
            return RoutingListener.Outcome.CANCELED;
        }
        return delivered.subjects().isEmpty() ? RoutingListener.Outcome.UNROUTED : RoutingListener.Outcome.ROUTED;
    }

    /** One output's record of the dispatch, with headers of its own. */
    private static Record<String, Dispatch> copy(Headers input, Outcome.Delivered delivered) {
        RecordHeaders headers = CarriedHeaders.of(input);
        // A dead letter fed back in (after a fix) must not carry its old verdict onto the routed copy.
        DeadLetterHeaders.removeAll(headers);
        return new Record<>(delivered.key(), delivered.dispatch(), delivered.timestamp(), headers);
    }

    /** The headers a record's outcomes carry, as plain values, kept with a dispatch that is held back. */
    private static List<RawRecord.Header> carried(Headers input) {
        List<RawRecord.Header> headers = new ArrayList<>();
        for (Header header : input) {
            headers.add(new RawRecord.Header(header.key(), header.value()));
        }
        return headers;
    }

    private static Headers headersOf(List<RawRecord.Header> headers) {
        RecordHeaders kafka = new RecordHeaders();
        headers.forEach(header -> kafka.add(header.key(), header.value()));
        return kafka;
    }

    /** Every record this processor writes goes out here. */
    private void forward(Record<?, ?> record, String sink) {
        context.forward(record, sink);
    }
}
