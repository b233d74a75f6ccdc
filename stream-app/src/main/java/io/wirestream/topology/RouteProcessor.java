package io.wirestream.topology;

import io.wirestream.schema.Dispatch;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Carries out the {@link Router}'s decisions for every raw record, one per item of the document it holds: a
 * {@code Dispatch} to each subject's sink, or one to unrouted, then its alerts; or the dead letter; or, for a
 * duplicate or a record past a bounded run's end, nothing. The listener hears each fate. Keys become the story key and timestamps the publish time, when known.
 */
final class RouteProcessor implements Processor<byte[], byte[], Object, Object> {

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
        router = new Router(collaborators.parser(), collaborators.classifier(), config.endOffsets(), seen);
        alerts = config.alerts().map(topics -> new AlertWriter(collaborators.alertBook(),
                collaborators.alertSerde().serializer(), topics.alerts(), listener));
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Optional<RawRecord.Origin> origin = context.recordMetadata()
                .map(m -> new RawRecord.Origin(m.topic(), m.partition(), m.offset()));
        for (Outcome outcome : router.route(new RawRecord(record.value(), record.timestamp(), origin,
                FormatHint.of(record.headers())))) {
            carryOut(record, origin, outcome);
        }
    }

    /** One fate of the record: a document of several items has several, each carried out in turn. */
    private void carryOut(Record<byte[], byte[]> record, Optional<RawRecord.Origin> origin, Outcome outcome) {
        if (outcome instanceof Outcome.Delivered delivered) {
            deliver(record, delivered);
        } else if (outcome instanceof Outcome.DeadLetter deadLetter) {
            forward(DeadLetters.of(record, deadLetter, origin), RoutingTopology.DEAD_LETTER_SINK);
            listener.outcome(RoutingListener.Outcome.DEAD_LETTER, deadLetter.reason(), record.timestamp());
        } else if (outcome instanceof Outcome.Duplicate) {
            listener.outcome(RoutingListener.Outcome.DUPLICATE, null, record.timestamp());
        }
        // Outcome.BeyondEnd: left alone, for the live pipeline, and no one's business here.
    }

    private void deliver(Record<byte[], byte[]> input, Outcome.Delivered delivered) {
        if (delivered.subjects().isEmpty()) {
            forward(copy(input, delivered), RoutingTopology.UNROUTED_SINK);
            listener.outcome(RoutingListener.Outcome.UNROUTED, null, input.timestamp());
        }
        for (String subject : delivered.subjects()) {
            forward(copy(input, delivered), sinkBySubject.get(subject));
            listener.outcome(RoutingListener.Outcome.ROUTED, subject, input.timestamp());
        }
        alerts.ifPresent(writer -> writer.write(delivered, context.currentSystemTimeMs(),
                alert -> forward(alert, RoutingTopology.ALERTS_SINK)));
    }

    /** One output's record of the dispatch, with headers of its own. */
    private static Record<String, Dispatch> copy(Record<byte[], byte[]> input, Outcome.Delivered delivered) {
        RecordHeaders headers = CarriedHeaders.of(input.headers());
        // A dead letter fed back in (after a fix) must not carry its old verdict onto the routed copy.
        DeadLetterHeaders.removeAll(headers);
        return new Record<>(delivered.key(), delivered.dispatch(), delivered.timestamp(), headers);
    }

    /** Every record this processor writes goes out here. */
    private void forward(Record<?, ?> record, String sink) {
        context.forward(record, sink);
    }
}
