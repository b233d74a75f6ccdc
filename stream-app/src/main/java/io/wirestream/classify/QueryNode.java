package io.wirestream.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule query compiled for matching against one {@link AnalyzedText}: the subset of Lucene's query syntax that
 * rules use (terms, phrases with slop, prefixes, boolean logic, fields). Evaluation returns how many times the
 * query matched, adding what matched to the spans.
 */
sealed interface QueryNode {

    int count(AnalyzedText text, Spans spans);

    /**
     * What a dispatch must contain for this query to match, as groups of terms: at least one term of every group
     * must occur. Null when nothing can be said (a prefix). Used to skip rules that cannot match: a phrase needs
     * all its words, {@code +a +b} needs both, {@code a OR b} needs either.
     */
    List<List<String>> anchors();

    /** One term in one field. */
    record Term(Field field, String term) implements QueryNode {
        @Override
        public int count(AnalyzedText text, Spans spans) {
            int[] postings = text.postings(term);
            if (postings == null) {
                return 0;
            }
            int from = text.from(field);
            int to = text.to(field);
            int matches = 0;
            for (int i = 1; i <= postings[0]; i++) {
                int occurrence = postings[i];
                int ordinal = text.ordinal(occurrence);
                if (ordinal >= from && ordinal < to) {
                    spans.add(occurrence, occurrence);
                    matches++;
                }
            }
            return matches;
        }

        @Override
        public List<List<String>> anchors() {
            return List.of(List.of(term));
        }
    }

    /** Terms in one field beginning with a prefix ({@code missile*}). */
    record Prefix(Field field, String prefix) implements QueryNode {
        @Override
        public int count(AnalyzedText text, Spans spans) {
            int matches = 0;
            for (String term : text.termsStartingWith(prefix)) {
                matches += new Term(field, term).count(text, spans);
            }
            return matches;
        }

        @Override
        public List<List<String>> anchors() {
            return null;
        }
    }

    /**
     * Terms in order ({@code "U.S. troops"}), or, with slop, within that many moves of it ({@code "troops
     * cut"~3}), as Lucene measures it: the spread of the terms' positions, each less its place in the phrase, with
     * every term at a different word. Each occurrence of the first term that starts a match counts once.
     */
    record Phrase(Field field, List<String> terms, int slop) implements QueryNode {
        @Override
        public int count(AnalyzedText text, Spans spans) {
            int n = terms.size();
            int[][] lists = new int[n][];
            for (int i = 0; i < n; i++) {
                lists[i] = text.postings(terms.get(i));
                if (lists[i] == null) {
                    return 0;
                }
            }
            if (slop == 0) {
                return exact(text, lists, spans);
            }
            Search search = new Search(text, lists, text.from(field), text.to(field), slop);
            int matches = 0;
            for (int k = 1; k <= lists[0][0]; k++) {
                int anchor = lists[0][k];
                if (search.inField(anchor) && search.extend(1, anchor, text.position(anchor), text.position(anchor))) {
                    spans.add(search.firstOrdinal(), search.lastOrdinal());
                    matches++;
                }
            }
            return matches;
        }

        /** Words side by side: each next term at the next position, found by binary search. */
        private int exact(AnalyzedText text, int[][] lists, Spans spans) {
            int from = text.from(field);
            int to = text.to(field);
            int n = lists.length;
            int matches = 0;
            int[] first = lists[0];
            for (int k = 1; k <= first[0]; k++) {
                int start = first[k];
                int startOrdinal = text.ordinal(start);
                if (startOrdinal < from || startOrdinal + n - 1 >= to) {
                    continue;
                }
                int last = start;
                for (int i = 1; i < n && last >= 0; i++) {
                    last = text.occurrenceAt(lists[i], startOrdinal + i);
                    if (last >= 0 && text.position(last) != text.position(start) + i) {
                        last = -1;
                    }
                }
                if (last >= 0) {
                    spans.add(start, last);
                    matches++;
                }
            }
            return matches;
        }

        /** Depth-first choice of one occurrence per term; phrases are short, so this stays cheap. */
        private static final class Search {
            private final AnalyzedText text;
            private final int[][] lists;
            private final int from;
            private final int to;
            private final int slop;
            private final int[] chosen;

            Search(AnalyzedText text, int[][] lists, int from, int to, int slop) {
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

        @Override
        public List<List<String>> anchors() {
            return terms.stream().distinct().map(List::of).toList();
        }
    }

    /**
     * Boolean logic: every {@code must} clause matches, no {@code mustNot} clause matches, and at least
     * {@code minShould} {@code should} clauses match (at least one when there is no {@code must}).
     */
    record Bool(List<QueryNode> must, List<QueryNode> should, List<QueryNode> mustNot, int minShould)
            implements QueryNode {
        @Override
        public int count(AnalyzedText text, Spans spans) {
            int mark = spans.size();
            for (QueryNode clause : mustNot) {
                if (clause.count(text, spans) > 0) {
                    spans.truncate(mark);
                    return 0;
                }
            }
            int matches = 0;
            for (QueryNode clause : must) {
                int clauseMatches = clause.count(text, spans);
                if (clauseMatches == 0) {
                    spans.truncate(mark);
                    return 0;
                }
                matches += clauseMatches;
            }
            int shouldMatched = 0;
            for (QueryNode clause : should) {
                int clauseMatches = clause.count(text, spans);
                if (clauseMatches > 0) {
                    shouldMatched++;
                    matches += clauseMatches;
                }
            }
            int required = must.isEmpty() ? Math.max(1, minShould) : minShould;
            if (shouldMatched < required) {
                spans.truncate(mark);
                return 0;
            }
            return matches;
        }

        @Override
        public List<List<String>> anchors() {
            List<List<String>> groups = new ArrayList<>();
            for (QueryNode clause : must) {
                List<List<String>> clauseGroups = clause.anchors();
                if (clauseGroups != null) {
                    groups.addAll(clauseGroups);
                }
            }
            if (!must.isEmpty()) {
                return groups.isEmpty() ? null : groups;
            }
            // Any one clause may match: one group, taking from each clause the group of its longest words.
            Set<String> either = new LinkedHashSet<>();
            for (QueryNode clause : should) {
                List<List<String>> clauseGroups = clause.anchors();
                if (clauseGroups == null) {
                    return null;
                }
                either.addAll(Collections.max(clauseGroups, Comparator.comparingInt(Bool::shortest)));
            }
            return either.isEmpty() ? null : List.of(List.copyOf(either));
        }

        private static int shortest(List<String> group) {
            return group.stream().mapToInt(String::length).min().orElse(0);
        }
    }
}
