package io.wirestream.topology;

import io.wirestream.classify.AlertMatcher;
import io.wirestream.classify.Classification;
import io.wirestream.classify.RoutingRecords;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.schema.Alert;
import io.wirestream.schema.AlertRule;
import io.wirestream.schema.Dispatch;
import io.wirestream.schema.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private final AlertBook alerts;
    private final org.apache.kafka.common.serialization.Serializer<Alert> alertSerializer;
    private final String alertsTopic;
    private final RoutingListener listener;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, Long> seen;
    private Sensor duplicates;

    /** {@code deduplicationWindow} null: every dispatch is routed, repeats included. */
    RouteProcessor(DispatchParser parser, RuleClassifier classifier, Map<String, String> sinkBySubject,
            Duration deduplicationWindow, Map<Integer, Long> endOffsets, Alerting alerting, RoutingListener listener) {
        this.parser = parser;
        this.alerts = alerting == null ? null : alerting.book();
        this.alertSerializer = alerting == null ? null : alerting.alertSerde().serializer();
        this.alertsTopic = alerting == null ? null : alerting.alertsTopic();
        this.listener = listener;
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
            listener.outcome(RoutingListener.Outcome.DEAD_LETTER, DeadLetterHeaders.PROCESSING_ERROR, record.timestamp());
            return;
        }
        if (result instanceof ParseResult.Failed failed) {
            deadLetter(record, headers -> DeadLetterHeaders.addParseFailure(headers, failed, source));
            listener.outcome(RoutingListener.Outcome.DEAD_LETTER, failed.reason().name(), record.timestamp());
            return;
        }
        Dispatch dispatch = ((ParseResult.Parsed) result).dispatch();
        if (isDuplicate(dispatch.getContentId())) {
            duplicates.record();
            listener.outcome(RoutingListener.Outcome.DUPLICATE, null, record.timestamp());
            return;
        }
        Instant published = dispatch.getPublishedAt();
        // A record cannot carry a time before 1970: a dateline resolved that early keeps the input's time.
        long timestamp = published != null && published.toEpochMilli() >= 0 ? published.toEpochMilli()
                : Math.max(0, record.timestamp());
        List<String> routed = new ArrayList<>();
        if (!decision.isRouted()) {
            forward(record, dispatch, timestamp, RoutingTopology.UNROUTED_SINK);
            listener.outcome(RoutingListener.Outcome.UNROUTED, null, record.timestamp());
        }
        for (Classification.SubjectScore subject : decision.routed()) {
            forward(record, dispatch, timestamp, sinkBySubject.get(subject.subject().id()));
            listener.outcome(RoutingListener.Outcome.ROUTED, subject.subject().id(), record.timestamp());
            routed.add(subject.subject().id());
        }
        if (alerts != null) {
            alert(dispatch, routed, timestamp);
        }
    }

    /**
     * An {@code Alert} for each of the users' rules the dispatch matches, keyed by the rule's id. The alerts are
     * serialized here, so that a failure (a registry that refuses the schema, say) costs the alerts, logged and
     * counted, and never the dispatch's own outcome or the stream.
     */
    private void alert(Dispatch dispatch, List<String> routed, long timestamp) {
        List<byte[]> values = new ArrayList<>();
        List<AlertMatcher.Match> matches;
        try {
            matches = alerts.matcher().match(dispatch, routed);
            long now = context.currentSystemTimeMs();
            for (AlertMatcher.Match match : matches) {
                AlertRule rule = match.rule();
                values.add(alertSerializer.serialize(alertsTopic, new Alert(rule.getId(), rule.getName(),
                        rule.getQuery(), rule.getSubject(), match.terms(), Instant.ofEpochMilli(now), dispatch)));
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(RouteProcessor.class).error("no alerts for dispatch {}: {}",
                    dispatch.getContentId(), e.getMessage(), e);
            listener.alertFailed();
            return;
        }
        for (int i = 0; i < matches.size(); i++) {
            String ruleId = matches.get(i).rule().getId();
            context.forward(new Record<Object, Object>(ruleId.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    values.get(i), timestamp), RoutingTopology.ALERTS_SINK);
            listener.alert(ruleId);
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
