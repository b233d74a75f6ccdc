package io.wirestream.topology;

import io.wirestream.dispatch.ParseResult;
import io.wirestream.schema.Dispatch;
import java.util.List;
import java.util.Objects;

/**
 * The fate of one input record, as the {@link Router} decides it: exactly one of these per record. Plain values,
 * no Kafka types: the processor turns each into what it writes.
 */
public sealed interface Outcome {

    /** A dispatch that goes out: to its subjects, or to unrouted. */
    sealed interface Delivered extends Outcome permits Routed, Unrouted {

        /** The dispatch, with its routing decision recorded in it. */
        Dispatch dispatch();

        /** The story key: every version of a story has the same one. */
        String key();

        /** The publish time when known (and not before 1970), else the input's time. */
        long timestamp();

        /** The ids of the subjects it belongs to, in rules order; empty for unrouted. */
        List<String> subjects();
    }

    /** A dispatch that belongs to one subject or more. */
    record Routed(Dispatch dispatch, String key, long timestamp, List<String> subjects) implements Delivered {

        public Routed {
            Objects.requireNonNull(dispatch, "dispatch");
            subjects = List.copyOf(subjects);
            if (subjects.isEmpty()) {
                throw new IllegalArgumentException("a routed dispatch belongs to a subject");
            }
        }
    }

    /** A dispatch that belongs to no subject. */
    record Unrouted(Dispatch dispatch, String key, long timestamp) implements Delivered {

        public Unrouted {
            Objects.requireNonNull(dispatch, "dispatch");
        }

        @Override
        public List<String> subjects() {
            return List.of();
        }
    }

    /**
     * Input that is not a dispatch, or that broke the router: kept with its original bytes and the reason.
     *
     * @param reason    the parser's reason code, or {@link DeadLetterHeaders#PROCESSING_ERROR}
     * @param exception what failed: {@link DeadLetterHeaders#PARSE_FAILURE} for a parser's verdict, else the
     *                  exception's class
     * @param message   what was wrong, for people
     * @param original  the record's value as read; null for a tombstone
     */
    record DeadLetter(String reason, String exception, String message, byte[] original) implements Outcome {

        public DeadLetter {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(exception, "exception");
            Objects.requireNonNull(message, "message");
        }

        static DeadLetter of(ParseResult.Failed failure, byte[] original) {
            return new DeadLetter(failure.reason().name(), DeadLetterHeaders.PARSE_FAILURE, failure.message(),
                    original);
        }

        static DeadLetter of(RuntimeException error, byte[] original) {
            return new DeadLetter(DeadLetterHeaders.PROCESSING_ERROR, error.getClass().getName(),
                    String.valueOf(error.getMessage()), original);
        }
    }

    /** A dispatch whose content was routed within the deduplication window: dropped, and counted. */
    record Duplicate(String contentId) implements Outcome {
    }

    /** A record at or past the end of a bounded run: left alone, for the live pipeline. */
    record BeyondEnd() implements Outcome {
    }
}
