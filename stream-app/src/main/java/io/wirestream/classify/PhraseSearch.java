package io.wirestream.classify;

/**
 * One phrase with slop matched from one occurrence of its first word: a depth-first choice of one occurrence per
 * word, each at a different word, keeping the spread of positions within the slop. Phrases are short, so this stays
 * cheap.
 */
final class PhraseSearch {
    private final AnalyzedText text;
    private final int[][] lists;
    private final int from;
    private final int to;
    private final int slop;
    private final int[] chosen;

    PhraseSearch(AnalyzedText text, int[][] lists, int from, int to, int slop) {
        this.text = text;
        this.lists = lists;
        this.from = from;
        this.to = to;
        this.slop = slop;
        this.chosen = new int[lists.length];
    }

    boolean inField(int occurrence) {
        int ordinal = text.ordinal(occurrence);
        return ordinal >= from && ordinal < to;
    }

    boolean extend(int i, int previous, int lo, int hi) {
        chosen[i - 1] = previous;
        if (i == lists.length) {
            return true;
        }
        int[] postings = lists[i];
        // Only positions that keep the spread within the slop can join: p - i in [hi - slop, lo + slop].
        // Positions grow with occurrences, so those occurrences are one run, found by binary search.
        int lowest = hi - slop + i;
        int highest = lo + slop + i;
        for (int k = firstAtOrAfter(postings, lowest); k <= postings[0]; k++) {
            int ordinal = postings[k];
            if (text.position(ordinal) > highest) {
                break;
            }
            if (!inField(ordinal) || isChosen(ordinal, i)) {
                continue;
            }
            int adjusted = text.position(ordinal) - i;
            int newLo = Math.min(lo, adjusted);
            int newHi = Math.max(hi, adjusted);
            if (newHi - newLo <= slop && extend(i + 1, ordinal, newLo, newHi)) {
                return true;
            }
        }
        return false;
    }

    /** Index in {@code postings} (1-based, after the count) of the first occurrence at or after a position. */
    private int firstAtOrAfter(int[] postings, int position) {
        int low = 1;
        int high = postings[0] + 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (text.position(postings[middle]) < position) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private boolean isChosen(int ordinal, int upTo) {
        for (int j = 0; j < upTo; j++) {
            if (chosen[j] == ordinal) {
                return true;
            }
        }
        return false;
    }

    int firstOrdinal() {
        int first = chosen[0];
        for (int ordinal : chosen) {
            first = Math.min(first, ordinal);
        }
        return first;
    }

    int lastOrdinal() {
        int last = chosen[0];
        for (int ordinal : chosen) {
            last = Math.max(last, ordinal);
        }
        return last;
    }
}
