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
            // Most phrases miss a word: find that out before allocating anything.
            for (int i = 0; i < n; i++) {
                if (text.postings(terms.get(i)) == null) {
                    return 0;
                }
            }
            int[][] lists = text.phraseLists(n);
            for (int i = 0; i < n; i++) {
                lists[i] = text.postings(terms.get(i));
            }
            if (slop == 0) {
                return exact(text, lists, spans);
            }
            PhraseSearch search = new PhraseSearch(text, lists, text.from(field), text.to(field), slop);
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
        public Bool {
            must = List.copyOf(must);
            should = List.copyOf(should);
            mustNot = List.copyOf(mustNot);
        }

        @Override
        public int count(AnalyzedText text, Spans spans) {
            // Indexed loops: these run for every clause of every candidate rule, and an iterator each adds up.
            int mark = spans.size();
            for (int i = 0; i < mustNot.size(); i++) {
                if (mustNot.get(i).count(text, spans) > 0) {
                    spans.truncate(mark);
                    return 0;
                }
            }
            int matches = 0;
            for (int i = 0; i < must.size(); i++) {
                int clauseMatches = must.get(i).count(text, spans);
                if (clauseMatches == 0) {
                    spans.truncate(mark);
                    return 0;
                }
                matches += clauseMatches;
            }
            int shouldMatched = 0;
            for (int i = 0; i < should.size(); i++) {
                int clauseMatches = should.get(i).count(text, spans);
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
