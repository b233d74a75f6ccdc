package io.wirestream.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words some rules can match: every term and phrase word of their queries, and the beginnings their prefix
 * queries name. A dispatch's other words can never decide a match, so {@link AnalyzedText} counts them (phrase
 * distances need their places) but keeps none of them: no string, no posting list. Looking a word up costs a hash
 * over the characters already in the tokenizer's buffer, so a word no rule knows allocates nothing.
 */
final class Vocabulary {

    /** Keeps every word: for a query tried alone, with no index of rules around it. */
    static final Vocabulary ALL = new Vocabulary(List.of(), List.of(), true);

    private final String[] words;
    private final String[] prefixes;
    /** The distinct lengths of the prefixes, ascending. */
    private final int[] prefixLengths;
    private final boolean keepsAll;

    private Vocabulary(Collection<String> words, Collection<String> prefixes, boolean keepsAll) {
        this.words = table(words);
        this.prefixes = table(prefixes);
        this.prefixLengths = prefixes.stream().mapToInt(String::length).filter(n -> n > 0).distinct().sorted()
                .toArray();
        this.keepsAll = keepsAll || prefixes.contains("");
    }

    /** The words the queries can match. */
    static Vocabulary of(Collection<QueryNode> queries) {
        Set<String> words = new LinkedHashSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (QueryNode query : queries) {
            collect(query, words, prefixes);
        }
        return new Vocabulary(words, prefixes, false);
    }

    private static void collect(QueryNode node, Set<String> words, Set<String> prefixes) {
        if (node instanceof QueryNode.Term term) {
            words.add(term.term());
        } else if (node instanceof QueryNode.Phrase phrase) {
            words.addAll(phrase.terms());
        } else if (node instanceof QueryNode.Prefix prefix) {
            prefixes.add(prefix.prefix());
        } else if (node instanceof QueryNode.Bool bool) {
            List<QueryNode> clauses = new ArrayList<>(bool.must());
            clauses.addAll(bool.should());
            clauses.addAll(bool.mustNot());
            clauses.forEach(clause -> collect(clause, words, prefixes));
        }
    }

    /**
     * The word in {@code buffer[0, length)} as the one string kept for it, or null when no rule can match it. A
     * word only a prefix reaches is made a string here, once per occurrence.
     */
    String find(char[] buffer, int length) {
        if (keepsAll) {
            return new String(buffer, 0, length);
        }
        int hash = 0;
        int next = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + buffer[i];
            if (next < prefixLengths.length && prefixLengths[next] == i + 1) {
                next++;
                if (lookup(prefixes, buffer, i + 1, hash) != null) {
                    return new String(buffer, 0, length);
                }
            }
        }
        return lookup(words, buffer, length, hash);
    }

    /** {@code term} itself if a rule can match it, else null. */
    String find(String term) {
        if (keepsAll || lookup(words, term) != null) {
            return term;
        }
        for (int length : prefixLengths) {
            if (length > term.length()) {
                break;
            }
            if (lookup(prefixes, term.substring(0, length)) != null) {
                return term;
            }
        }
        return null;
    }

    private static String[] table(Collection<String> keys) {
        int size = Integer.highestOneBit(Math.max(4, keys.size() * 2 + 1)) << 1;
        String[] table = new String[size];
        for (String key : keys) {
            int slot = spread(key.hashCode()) & (size - 1);
            while (table[slot] != null && !table[slot].equals(key)) {
                slot = (slot + 1) & (size - 1);
            }
            table[slot] = key;
        }
        return table;
    }

    private static String lookup(String[] table, String key) {
        int mask = table.length - 1;
        for (int slot = spread(key.hashCode()) & mask; table[slot] != null; slot = (slot + 1) & mask) {
            if (table[slot].equals(key)) {
                return table[slot];
            }
        }
        return null;
    }

    /** {@code hash} is {@link String#hashCode} of the characters, computed as they were read. */
    private static String lookup(String[] table, char[] buffer, int length, int hash) {
        int mask = table.length - 1;
        for (int slot = spread(hash) & mask; table[slot] != null; slot = (slot + 1) & mask) {
            if (sameChars(table[slot], buffer, length)) {
                return table[slot];
            }
        }
        return null;
    }

    private static boolean sameChars(String key, char[] buffer, int length) {
        if (key.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key.charAt(i) != buffer[i]) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
