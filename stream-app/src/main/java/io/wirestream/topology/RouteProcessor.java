package io.wirestream.topology;

import io.wirestream.classify.Classification;
import io.wirestream.classify.RoutingRecords;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.schema.Dispatch;
import io.wirestream.schema.Source;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Gives every raw record exactly one fate: a {@code Dispatch} to each subject it belongs to, or one to
 * {@code unrouted}, or the original bytes to the dead-letter topic with the reason. Keys become the story key
 * and timestamps the publish time, when known. The work itself is the parser's and the classifier's.
 */
final class RouteProcessor implements Processor<byte[], byte[], Object, Object> {

    private final DispatchParser parser;
    private final RuleClassifier classifier;
    private final Map<String, String> sinkBySubject;
    private ProcessorContext<Object, Object> context;

    RouteProcessor(DispatchParser parser, RuleClassifier classifier, Map<String, String> sinkBySubject) {
        this.parser = parser;
        this.classifier = classifier;
        this.sinkBySubject = sinkBySubject;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElse(null);
        ParseResult result;
        Classification decision = null;
        try {
            result = parser.parse(raw(record, source));
            if (result instanceof ParseResult.Parsed parsed) {
                decision = classifier.classify(parsed.dispatch());
                parsed.dispatch().setRouting(RoutingRecords.toAvro(decision, classifier.ruleSet()));
            }
        } catch (RuntimeException e) {
            // A bug must not stop the stream or lose the record: it is dead-lettered with the exception.
            RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            DeadLetterHeaders.addError(headers, e, source);
            context.forward(record.withHeaders(headers), RoutingTopology.DEAD_LETTER_SINK);
            return;
        }
        if (result instanceof ParseResult.Failed failed) {
            RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            DeadLetterHeaders.addParseFailure(headers, failed, source);
            context.forward(record.withHeaders(headers), RoutingTopology.DEAD_LETTER_SINK);
            return;
        }
        Dispatch dispatch = ((ParseResult.Parsed) result).dispatch();
        Instant published = dispatch.getPublishedAt();
        long timestamp = published != null ? published.toEpochMilli() : record.timestamp();
        if (!decision.isRouted()) {
            forward(record, dispatch, timestamp, RoutingTopology.UNROUTED_SINK);
            return;
        }
        for (Classification.SubjectScore subject : decision.routed()) {
            forward(record, dispatch, timestamp, sinkBySubject.get(subject.subject().id()));
        }
    }

    private void forward(Record<byte[], byte[]> input, Dispatch dispatch, long timestamp, String sink) {
        context.forward(new Record<Object, Object>(dispatch.getStoryKey(), dispatch, timestamp,
                new RecordHeaders(input.headers().toArray())), sink);
    }

    private static RawDispatch raw(Record<byte[], byte[]> record, RecordMetadata source) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        Source origin = source == null ? null : new Source(source.topic(), source.partition(), source.offset());
        return new RawDispatch(value, Instant.ofEpochMilli(record.timestamp()), origin);
    }
}
