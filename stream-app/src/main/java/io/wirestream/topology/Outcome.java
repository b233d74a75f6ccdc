package io.wirestream.topology;

import io.wirestream.dispatch.ParseResult;
import io.wirestream.schema.Dispatch;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The fate of one input record, as the {@link Router} decides it: exactly one of these per item of the record; and
 * for a dispatch that was held back, one more when it leaves the hold ({@link Released}, {@link Withdrawn}, or
 * {@link Stale}). Plain values, no Kafka types: the processor turns each into what it writes.
 */
public sealed interface Outcome {

    /** A dispatch that goes out: to its subjects, or to unrouted. */
    sealed interface Delivered extends Outcome permits Routed, Unrouted, Released, Canceled {

        /** The dispatch, with its routing decision recorded in it. */
        Dispatch dispatch();

        /** The story (its guid, else its story key): every version of a story has the same one. */
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

    /**
     * A version of a story older than one already routed (same guid): dropped, and counted.
     *
     * @param version the version that came; {@code routed} the highest one routed before it
     */
    record Stale(String story, long version, long routed) implements Outcome {
    }

    /**
     * A dispatch kept out of every topic for now: embargoed until {@code until}, or withheld until a later version of
     * its story comes. What it will be delivered as is kept with it.
     *
     * @param subjects its own subjects, as its text decides (its story's are added when it goes out)
     * @param story    its story, see {@link io.wirestream.dispatch.StoryIdentity}
     * @param version  its version within the story
     * @param until    the end of its embargo; null when it has none still to come
     * @param withheld the provider withheld it: it waits for a later version as well as for {@code until}
     * @param headers  the headers its outcomes will carry
     */
    record Held(Dispatch dispatch, String key, long timestamp, List<String> subjects, String story, long version,
            Instant until, boolean withheld, List<RawRecord.Header> headers) implements Outcome {

        public Held {
            Objects.requireNonNull(dispatch, "dispatch");
            Objects.requireNonNull(story, "story");
            subjects = List.copyOf(subjects);
            headers = List.copyOf(headers);
            if (until == null && !withheld) {
                throw new IllegalArgumentException("a held dispatch waits for a time or for a later version");
            }
        }

        /** The same dispatch, no longer withheld: it waits for its embargo alone. */
        Held embargoedOnly() {
            return new Held(dispatch, key, timestamp, subjects, story, version, until, false, headers);
        }
    }

    /**
     * A held dispatch that goes out now, its embargo over or a later version come: to its subjects (its own and its
     * story's), or to unrouted when there are none; with the headers of the record it came in.
     */
    record Released(Dispatch dispatch, String key, long timestamp, List<String> subjects,
            List<RawRecord.Header> headers) implements Delivered {

        public Released {
            Objects.requireNonNull(dispatch, "dispatch");
            subjects = List.copyOf(subjects);
            headers = List.copyOf(headers);
        }
    }

    /**
     * A kill or withdrawal ({@code pubStatus} canceled) of a story routed before: to every subject the story went to,
     * whatever its own text says, so that consumers can retract it. (A kill of a story never routed is
     * {@link Unrouted}.)
     */
    record Canceled(Dispatch dispatch, String key, long timestamp, List<String> subjects) implements Delivered {

        public Canceled {
            Objects.requireNonNull(dispatch, "dispatch");
            subjects = List.copyOf(subjects);
            if (subjects.isEmpty()) {
                throw new IllegalArgumentException("a kill follows its story to a subject");
            }
        }
    }

    /** A held dispatch whose story was killed before it went out: it never will. */
    record Withdrawn(Held held) implements Outcome {

        public Withdrawn {
            Objects.requireNonNull(held, "held");
        }
    }
}
