package io.wirestream.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words some rules can match: every term and phrase word of their queries, and the beginnings their prefix
 * queries name. A dispatch's other words can never decide a match, so {@link AnalyzedText} counts them (phrase
 * distances need their places) but keeps none of them: no string, no posting list. Looking a word up costs a hash
 * over the characters already in the tokenizer's buffer, so a word no rule knows allocates nothing. Each word gets
 * an id, the index of the analysis's posting lists and of the rules' index of anchors.
 */
final class Vocabulary {

    /** Keeps every word: for a query tried alone, with no index of rules around it. */
    static final Vocabulary ALL = new Vocabulary(List.of(), List.of(), true);

    /** The words by id, and an open-addressing table of them: each slot's word, hash, characters and id. */
    private final String[] wordsById;
    private final String[] table;
    private final int[] hashes;
    private final char[][] chars;
    private final int[] ids;
    private final String[] prefixes;
    /** The distinct lengths of the prefixes, ascending. */
    private final int[] prefixLengths;
    private final boolean keepsAll;

    private Vocabulary(Collection<String> words, Collection<String> prefixes, boolean keepsAll) {
        this.wordsById = words.stream().distinct().toArray(String[]::new);
        int size = tableSize(wordsById.length);
        this.table = new String[size];
        this.hashes = new int[size];
        this.chars = new char[size][];
        this.ids = new int[size];
        for (int id = 0; id < wordsById.length; id++) {
            String word = wordsById[id];
            int slot = spread(word.hashCode()) & (size - 1);
            while (table[slot] != null) {
                slot = (slot + 1) & (size - 1);
            }
            table[slot] = word;
            hashes[slot] = word.hashCode();
            chars[slot] = word.toCharArray();
            ids[slot] = id;
        }
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

    /** Returned by {@link #find(char[], int)} for a word kept without an id: a prefix's, or any when all are kept. */
    static final int NO_ID = -2;

    /** The number of words with an id: ids run from 0 to this, exclusive. */
    int size() {
        return wordsById.length;
    }

    /** The word with this id. */
    String word(int id) {
        return wordsById[id];
    }

    /** The id of {@code term}, or -1 when it has none. Rule terms are interned, so most probes end on identity. */
    int id(String term) {
        int hash = term.hashCode();
        int mask = table.length - 1;
        for (int slot = spread(hash) & mask; table[slot] != null; slot = (slot + 1) & mask) {
            if (table[slot] == term || hashes[slot] == hash && table[slot].equals(term)) {
                return ids[slot];
            }
        }
        return -1;
    }

    /**
     * The id of the word in {@code buffer[0, length)}, whose {@link String#hashCode} is {@code hash};
     * {@link #NO_ID} when it is kept without one (only a prefix reaches it, or every word is kept); -1 when no rule
     * can match it. Nothing is allocated.
     */
    int find(char[] buffer, int length, int hash) {
        if (keepsAll) {
            return NO_ID;
        }
        int mask = table.length - 1;
        for (int slot = spread(hash) & mask; table[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && sameChars(chars[slot], buffer, length)) {
                return ids[slot];
            }
        }
        if (prefixLengths.length > 0) {
            int prefixHash = 0;
            int next = 0;
            for (int i = 0; i < length && next < prefixLengths.length; i++) {
                prefixHash = 31 * prefixHash + buffer[i];
                if (prefixLengths[next] == i + 1) {
                    next++;
                    if (lookup(prefixes, buffer, i + 1, prefixHash) != null) {
                        return NO_ID;
                    }
                }
            }
        }
        return -1;
    }

    /** Whether {@code term} is kept: it has an id, or a prefix reaches it, or every word is kept. */
    boolean keeps(String term) {
        if (keepsAll || id(term) >= 0) {
            return true;
        }
        for (int length : prefixLengths) {
            if (length > term.length()) {
                break;
            }
            if (lookup(prefixes, term.substring(0, length)) != null) {
                return true;
            }
        }
        return false;
    }

    private static String[] table(Collection<String> keys) {
        int size = tableSize(keys.size());
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

    private static int tableSize(int keys) {
        return Integer.highestOneBit(Math.max(4, keys * 2 + 1)) << 1;
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

    private static boolean sameChars(char[] key, char[] buffer, int length) {
        return Arrays.equals(key, 0, key.length, buffer, 0, length);
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
