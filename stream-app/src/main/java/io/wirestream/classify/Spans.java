package io.wirestream.classify;

import java.util.Arrays;

/** Ordinal ranges of matched words, collected while a query is evaluated, to explain the match. */
final class Spans {

    private int[] firsts = new int[16];
    private int[] lasts = new int[16];
    private int size;

    void add(int first, int last) {
        if (size == firsts.length) {
            firsts = Arrays.copyOf(firsts, size * 2);
            lasts = Arrays.copyOf(lasts, size * 2);
        }
        firsts[size] = first;
        lasts[size] = last;
        size++;
    }

    int size() {
        return size;
    }

    /** Forgets everything added after {@code mark}; for clauses that turn out not to count. */
    void truncate(int mark) {
        size = mark;
    }

    int first(int i) {
        return firsts[i];
    }

    int last(int i) {
        return lasts[i];
    }

    void clear() {
        size = 0;
    }
}
