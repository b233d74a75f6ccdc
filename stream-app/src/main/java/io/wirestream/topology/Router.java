package io.wirestream.topology;

import io.wirestream.classify.Classification;
import io.wirestream.classify.Classifier;
import io.wirestream.classify.RoutingRecords;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.schema.Dispatch;
import io.wirestream.schema.Source;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides the fate of one input record: parse it, classify it, and tell a repeat from new content. Pure but for
 * the deduplication state it is given, and free of Kafka, so every fate can be tested with plain values; the
 * work itself is the parser's and the classifier's.
 */
public final class Router {

    private final DispatchParser parser;
    private final Classifier classifier;
    private final Map<Integer, Long> endOffsets;
    private final SeenContent seen;

    /**
     * @param endOffsets a bounded run's end by input partition (see {@link RoutingConfig#endOffsets()})
     * @param seen       the deduplication state; {@link SeenContent#NONE} for none
     */
    public Router(DispatchParser parser, Classifier classifier, Map<Integer, Long> endOffsets, SeenContent seen) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.endOffsets = Map.copyOf(endOffsets);
        this.seen = Objects.requireNonNull(seen, "seen");
    }

    /** The record's one fate. */
    public Outcome route(RawRecord input) {
        if (input.origin().filter(this::isBeyondEnd).isPresent()) {
            return new Outcome.BeyondEnd();
        }
        ParseResult result;
        Classification decision = null;
        try {
            result = parser.parse(raw(input));
            if (result instanceof ParseResult.Parsed parsed) {
                decision = classifier.classify(parsed.dispatch());
                parsed.dispatch().setRouting(RoutingRecords.toAvro(decision, classifier.ruleSet()));
            }
        } catch (RuntimeException e) {
            // A bug must not stop the stream or lose the record: it is dead-lettered with the exception.
            return Outcome.DeadLetter.of(e, input.value());
        }
        if (result instanceof ParseResult.Failed failed) {
            return Outcome.DeadLetter.of(failed, input.value());
        }
        Dispatch dispatch = ((ParseResult.Parsed) result).dispatch();
        // Outside the try: a state store that fails is Kafka's trouble, to be retried, not the record's.
        if (seen.isRepeat(dispatch.getContentId())) {
            return new Outcome.Duplicate(dispatch.getContentId());
        }
        long timestamp = timestamp(dispatch, input.timestamp());
        List<String> subjects = decision.routed().stream().map(score -> score.subject().id()).toList();
        return subjects.isEmpty() ? new Outcome.Unrouted(dispatch, dispatch.getStoryKey(), timestamp)
                : new Outcome.Routed(dispatch, dispatch.getStoryKey(), timestamp, subjects);
    }

    /** A bounded run stops at the end it saw when it started; newer records are the live pipeline's. */
    private boolean isBeyondEnd(RawRecord.Origin origin) {
        return origin.offset() >= endOffsets.getOrDefault(origin.partition(), Long.MAX_VALUE);
    }

    /** The publish time; a record cannot carry a time before 1970: a dateline resolved that early keeps the input's. */
    private static long timestamp(Dispatch dispatch, long inputTimestamp) {
        Instant published = dispatch.getPublishedAt();
        return published != null && published.toEpochMilli() >= 0 ? published.toEpochMilli()
                : Math.max(0, inputTimestamp);
    }

    private static RawDispatch raw(RawRecord input) {
        byte[] value = input.value() == null ? new byte[0] : input.value();
        Source source = input.origin().map(o -> new Source(o.topic(), o.partition(), o.offset())).orElse(null);
        return new RawDispatch(value, Instant.ofEpochMilli(input.timestamp()), source);
    }
}
