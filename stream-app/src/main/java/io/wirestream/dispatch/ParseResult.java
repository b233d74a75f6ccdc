package io.wirestream.dispatch;

import io.wirestream.schema.Dispatch;
import java.util.Objects;

/** The outcome of parsing one input: a dispatch, or a failure with its reason. Never both, never neither. */
public sealed interface ParseResult {

    /** The id that names this input in output and logs: the content id, or the raw-bytes hash of a failure. */
    String id();

    /** A failure of the whole input: its id is the hash of the raw bytes. */
    static Failed failure(RawDispatch raw, FailureReason reason, String message) {
        return new Failed(raw.rawId(), reason, message);
    }

    /** A successfully parsed dispatch, possibly carrying {@link Flag}s. */
    record Parsed(Dispatch dispatch) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(dispatch, "dispatch");
        }

        @Override
        public String id() {
            return dispatch.getContentId();
        }
    }

    /**
     * Input that is not a dispatch.
     *
     * @param rawId   hash of the raw bytes, so that the same bad input always has the same id
     * @param reason  machine-readable reason
     * @param message what was wrong, for people
     */
    record Failed(String rawId, FailureReason reason, String message) implements ParseResult {
        public Failed {
            Objects.requireNonNull(rawId, "rawId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String id() {
            return rawId;
        }

        /**
         * This failure as the fate of one item of a document holding several: the id is made distinct per item, so
         * that each item's dead letter has its own, and the message says which item it was.
         *
         * @param index the item's position in the document, from 0
         * @param count how many items the document holds
         */
        public Failed ofItem(int index, int count) {
            return new Failed(ContentHash.ofText(rawId + "#" + index), reason,
                    "item " + (index + 1) + " of " + count + ": " + message);
        }
    }
}
