package io.wirestream.input;

import java.time.Instant;

/**
 * One dispatch read from a file, a {@code .jsonl} line or stdin — or the reason it could not be read.
 *
 * @param origin     where it came from, e.g. {@code feeds/day1.jsonl:17}
 * @param id         the id given by the input ({@code .jsonl} field {@code id}), or null
 * @param bytes      the raw dispatch; null when {@code error} is set
 * @param receivedAt when the dispatch was received, as far as the input says; may be null
 * @param error      why the input could not be read, or null
 */
public record InputRecord(String origin, String id, byte[] bytes, Instant receivedAt, String error) {

    static InputRecord unreadable(String origin, String error) {
        return new InputRecord(origin, null, null, null, error);
    }

    public boolean readable() {
        return error == null;
    }

    /**
     * This record as the source of item {@code index} (from 0) of {@code count} in one document (a feed, a
     * newsMessage): origin and id name the item, as {@code feed.rss#2}.
     */
    public InputRecord item(int index, int count) {
        if (count <= 1) {
            return this;
        }
        String suffix = "#" + (index + 1);
        return new InputRecord(origin + suffix, id == null ? null : id + suffix, bytes, receivedAt, error);
    }
}
