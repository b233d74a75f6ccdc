package io.wirestream.topology;

import io.wirestream.classify.Classification;
import io.wirestream.classify.RoutingRecords;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.schema.Dispatch;
import io.wirestream.schema.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Gives every raw record exactly one fate: a {@code Dispatch} to each subject it belongs to, or one to
 * {@code unrouted}, or the original bytes to the dead-letter topic with the reason, or, when deduplication is
 * on and the same content was routed within the window, none but a count in the {@code duplicate} metric.
 * Keys become the story key and timestamps the publish time, when known. The work itself is the parser's and
 * the classifier's.
 */
final class RouteProcessor implements Processor<byte[], byte[], Object, Object> {

    private final DispatchParser parser;
    private final RuleClassifier classifier;
    private final Map<String, String> sinkBySubject;
    private final Duration deduplicationWindow;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, Long> seen;
    private Sensor duplicates;

    /** {@code deduplicationWindow} null: every dispatch is routed, repeats included. */
    RouteProcessor(DispatchParser parser, RuleClassifier classifier, Map<String, String> sinkBySubject,
            Duration deduplicationWindow, Map<Integer, Long> endOffsets) {
        this.parser = parser;
        this.classifier = classifier;
        this.sinkBySubject = sinkBySubject;
        this.deduplicationWindow = deduplicationWindow;
        this.endOffsets = endOffsets;
    }

    private final Map<Integer, Long> endOffsets;

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        if (deduplicationWindow != null) {
            seen = context.getStateStore(RoutingTopology.SEEN_STORE);
            duplicates = context.metrics().addRateTotalSensor(RoutingTopology.METRIC_SCOPE, context.taskId().toString(),
                    RoutingTopology.DUPLICATE_OPERATION, Sensor.RecordingLevel.INFO);
            Duration every = deduplicationWindow.compareTo(Duration.ofHours(10)) > 0 ? Duration.ofHours(1)
                    : deduplicationWindow.dividedBy(10).plusMillis(1);
            context.schedule(every, PunctuationType.WALL_CLOCK_TIME, this::forgetExpired);
        }
    }


    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElse(null);
        if (source != null && source.offset() >= endOffsets.getOrDefault(source.partition(), Long.MAX_VALUE)) {
            return; // A bounded run stops at the end it saw when it started; newer records are the live pipeline's.
        }
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
            deadLetter(record, headers -> DeadLetterHeaders.addError(headers, e, source));
            return;
        }
        if (result instanceof ParseResult.Failed failed) {
            deadLetter(record, headers -> DeadLetterHeaders.addParseFailure(headers, failed, source));
            return;
        }
        Dispatch dispatch = ((ParseResult.Parsed) result).dispatch();
        if (isDuplicate(dispatch.getContentId())) {
            duplicates.record();
            return;
        }
        Instant published = dispatch.getPublishedAt();
        // A record cannot carry a time before 1970: a dateline resolved that early keeps the input's time.
        long timestamp = published != null && published.toEpochMilli() >= 0 ? published.toEpochMilli()
                : Math.max(0, record.timestamp());
        if (!decision.isRouted()) {
            forward(record, dispatch, timestamp, RoutingTopology.UNROUTED_SINK);
            return;
        }
        for (Classification.SubjectScore subject : decision.routed()) {
            forward(record, dispatch, timestamp, sinkBySubject.get(subject.subject().id()));
        }
    }

    /** True for a content id routed within the window; otherwise remembers it. */
    private boolean isDuplicate(String contentId) {
        if (seen == null) {
            return false;
        }
        long now = context.currentSystemTimeMs();
        Long first = seen.get(contentId);
        if (first != null && now - first < deduplicationWindow.toMillis()) {
            return true;
        }
        seen.put(contentId, now);
        return false;
    }

    private void forgetExpired(long now) {
        long oldest = now - deduplicationWindow.toMillis();
        try (KeyValueIterator<String, Long> all = seen.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (entry.value < oldest) {
                    seen.delete(entry.key);
                }
            }
        }
    }

    private void forward(Record<byte[], byte[]> input, Dispatch dispatch, long timestamp, String sink) {
        RecordHeaders headers = CarriedHeaders.of(input.headers());
        // A dead letter fed back in (after a fix) must not carry its old verdict onto the routed copy.
        DeadLetterHeaders.removeAll(headers);
        context.forward(new Record<Object, Object>(dispatch.getStoryKey(), dispatch, timestamp, headers), sink);
    }

    /** Sends the record to the dead-letter topic, with the input's headers, the reasons, and as much as fits. */
    private void deadLetter(Record<byte[], byte[]> record, Consumer<RecordHeaders> reasons) {
        RecordHeaders headers = CarriedHeaders.of(record.headers());
        long carried = CarriedHeaders.size(headers);
        reasons.accept(headers);
        context.forward(fitted(record.withHeaders(headers), carried), RoutingTopology.DEAD_LETTER_SINK);
    }

    /**
     * The record as it can be dead-lettered: whole, unless its value and the input's headers are larger than the
     * dead-letter topic takes, in which case the value is cut and a header keeps the original length (the broker
     * would refuse it whole, and refuse it again on every restart).
     */
    private Record<byte[], byte[]> fitted(Record<byte[], byte[]> record, long inputHeaderBytes) {
        byte[] value = record.value();
        int room = (int) (RoutingTopology.MAX_DEAD_LETTER_BYTES - inputHeaderBytes);
        if (value == null || value.length <= room) {
            return record;
        }
        record.headers().add(DeadLetterHeaders.ORIGINAL_LENGTH,
                Integer.toString(value.length).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return record.withValue(java.util.Arrays.copyOf(value, room));
    }

    private static RawDispatch raw(Record<byte[], byte[]> record, RecordMetadata source) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        Source origin = source == null ? null : new Source(source.topic(), source.partition(), source.offset());
        return new RawDispatch(value, Instant.ofEpochMilli(record.timestamp()), origin);
    }
}
