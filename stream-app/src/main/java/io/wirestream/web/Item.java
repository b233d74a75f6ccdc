package io.wirestream.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.wirestream.topology.DeadLetterView;

/**
 * One card of a column, as the page reads it: where the record is ({@code id}, {@code topic:partition:offset}),
 * its column, its record timestamp and when the page's feed read it ({@code seenAt}), both in epoch milliseconds,
 * then the dispatch's or the dead letter's own fields.
 */
sealed interface Item {

    String column();

    /** A dispatch, routed or not. */
    record DispatchItem(String id, String column, long timestamp, long seenAt,
            @JsonUnwrapped DispatchBody dispatch) implements Item {
    }

    /** Input that is not a dispatch, with why. */
    record DeadLetterItem(String id, String column, long timestamp, long seenAt,
            @JsonUnwrapped DeadLetterView deadLetter) implements Item {
    }
}
