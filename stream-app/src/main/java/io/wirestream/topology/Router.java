package io.wirestream.topology;

import io.wirestream.classify.Classification;
import io.wirestream.classify.Classifier;
import io.wirestream.classify.RoutingRecords;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.format.FormatParser;
import io.wirestream.format.ParsedDocument;
import io.wirestream.schema.Dispatch;
import io.wirestream.schema.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides the fates of one input record: read its format and its items, classify each, and tell a repeat from new
 * content. Pure but for
 * the deduplication state it is given, and free of Kafka, so every fate can be tested with plain values; the
 * work itself is the parser's and the classifier's.
 */
public final class Router {

    private final FormatParser parser;
    private final Classifier classifier;
    private final Map<Integer, Long> endOffsets;
    private final SeenContent seen;
    private final StoryLife life;

    /** A router that follows no story: each dispatch goes where its own text sends it, at once. */
    public Router(FormatParser parser, Classifier classifier, Map<Integer, Long> endOffsets, SeenContent seen) {
        this(parser, classifier, endOffsets, seen, StoryLife.OFF);
    }

    /**
     * @param endOffsets a bounded run's end by input partition (see {@link RoutingConfig#endOffsets()})
     * @param seen       the deduplication state; {@link SeenContent#NONE} for none
     * @param life       what follows stories through versions, kills and embargoes; {@link StoryLife#OFF} for none
     */
    public Router(FormatParser parser, Classifier classifier, Map<Integer, Long> endOffsets, SeenContent seen,
            StoryLife life) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.endOffsets = Map.copyOf(endOffsets);
        this.seen = Objects.requireNonNull(seen, "seen");
        this.life = Objects.requireNonNull(life, "life");
    }

    /**
     * The record's fates, in document order: one for a story, one per item of a feed or a newsMessage (plus one
     * for the items past the per-document limit), or one for a record that is no document at all.
     */
    public List<Outcome> route(RawRecord input) {
        if (input.origin().filter(this::isBeyondEnd).isPresent()) {
            return List.of(new Outcome.BeyondEnd());
        }
        ParsedDocument document;
        try {
            document = parser.parseAll(raw(input), input.hint());
        } catch (RuntimeException e) {
            // A bug must not stop the stream or lose the record: it is dead-lettered with the exception.
            return List.of(Outcome.DeadLetter.of(e, input.value()));
        }
        List<Outcome> outcomes = new ArrayList<>(document.results().size());
        for (ParseResult result : document.results()) {
            outcomes.addAll(fates(result, input));
        }
        return outcomes;
    }

    /** The held dispatches whose embargo ended by now: each released (or stale), once. */
    public List<Outcome> releaseDue() {
        return life.releaseDue();
    }

    /**
     * One item's fate: a dead letter with the whole record's bytes, a duplicate, or what its story's life makes of
     * it; followed by the fates of held dispatches of its story that it releases or withdraws.
     */
    private List<Outcome> fates(ParseResult result, RawRecord input) {
        if (result instanceof ParseResult.Failed failed) {
            return List.of(Outcome.DeadLetter.of(failed, input.value()));
        }
        Dispatch dispatch = ((ParseResult.Parsed) result).dispatch();
        Classification decision;
        try {
            decision = classifier.classify(dispatch);
            dispatch.setRouting(RoutingRecords.toAvro(decision, classifier.ruleSet()));
        } catch (RuntimeException e) {
            return List.of(Outcome.DeadLetter.of(e, input.value()));
        }
        // Outside the try: a state store that fails is Kafka's trouble, to be retried, not the record's.
        if (seen.isRepeat(dispatch.getContentId())) {
            return List.of(new Outcome.Duplicate(dispatch.getContentId()));
        }
        long timestamp = timestamp(dispatch, input.timestamp());
        List<String> subjects = decision.routed().stream().map(score -> score.subject().id()).toList();
        return life.fate(dispatch, subjects, timestamp, input.headers());
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
