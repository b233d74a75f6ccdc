package io.wirestream.classify;

import java.util.List;

/**
 * What the learned model reads of a dispatch: every piece of two, three and four characters of each word, the
 * word lower-cased and padded with a space on each side, so that a piece at a word's edge (a particle such as
 * {@code 이 }) differs from the same letters inside one. Words are split at white space only, so particles and
 * punctuation stay on their word: that is what the pieces are for, and why Korean needs no analyzer here.
 * The headline counts {@value #HEADLINE_WEIGHT} times, as its words weigh more with an editor.
 *
 * <p>A piece is packed into a {@code long}, 16 bits a character: no two pieces share a key.
 */
final class CharGrams {

    static final int MIN = 2;
    static final int MAX = 4;
    static final int HEADLINE_WEIGHT = 3;

    /** Receives the words and the pieces of a dispatch, in reading order. */
    interface Sink {
        /**
         * A word, numbered from 0 in reading order ({@code source} 0 is the headline, then each paragraph), with
         * its padded lower-case characters in {@code padded[0..size)} and its weight. Returns true when the sink
         * took the word's pieces itself (from a memory of words, say); false to be given them one by one.
         */
        boolean word(int word, int source, int start, int end, char[] padded, int size, int weight);

        /** A piece of word {@code word}, counted {@code weight} times. */
        void gram(long key, int word, int weight);
    }

    private CharGrams() {
    }

    /** Splits the headline and the paragraphs; returns how many words there were. */
    static int split(String headline, List<String> paragraphs, Sink sink) {
        int words = split(headline, 0, 0, HEADLINE_WEIGHT, sink);
        for (int p = 0; p < paragraphs.size(); p++) {
            words = split(paragraphs.get(p), p + 1, words, 1, sink);
        }
        return words;
    }

    private static int split(String text, int source, int firstWord, int weight, Sink sink) {
        int word = firstWord;
        int i = 0;
        int length = text.length();
        char[] padded = new char[0];
        while (i < length) {
            while (i < length && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < length && !isSpace(text.charAt(i))) {
                i++;
            }
            if (i == start) {
                break;
            }
            int size = i - start + 2;
            if (padded.length < size) {
                padded = new char[Math.max(size, 32)];
            }
            padded[0] = ' ';
            for (int c = start; c < i; c++) {
                padded[c - start + 1] = lower(text.charAt(c));
            }
            padded[size - 1] = ' ';
            if (!sink.word(word, source, start, i, padded, size, weight)) {
                for (int n = MIN; n <= MAX; n++) {
                    for (int at = 0; at + n <= size; at++) {
                        sink.gram(key(padded, at, n), word, weight);
                    }
                }
            }
            word++;
        }
        return word;
    }

    /** The key of {@code n} characters of {@code chars} from {@code at}. */
    static long key(char[] chars, int at, int n) {
        long key = 0;
        for (int i = at; i < at + n; i++) {
            key = key << 16 | chars[i];
        }
        return key;
    }

    /** The key of a piece written out, as a model file holds it. */
    static long key(String piece) {
        if (piece.length() < MIN || piece.length() > MAX) {
            throw new IllegalArgumentException("a piece has " + MIN + " to " + MAX + " characters: '" + piece + "'");
        }
        if (piece.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("no piece holds the character U+0000");
        }
        return key(piece.toCharArray(), 0, piece.length());
    }

    /** The piece a key stands for. */
    static String piece(long key) {
        StringBuilder out = new StringBuilder(MAX);
        for (long rest = key; rest != 0; rest >>>= 16) {
            out.append((char) (rest & 0xFFFF));
        }
        return out.reverse().toString();
    }

    private static boolean isSpace(char c) {
        if (c >= '\uAC00' && c <= '\uD7A3') {
            return false;
        }
        return c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Lower case; Hangul syllables, which have none, skip the lookup. 0 becomes U+FFFD: no key holds a 0. */
    private static char lower(char c) {
        if (c >= '\uAC00' && c <= '\uD7A3') {
            return c;
        }
        return c == 0 ? '\uFFFD' : Character.toLowerCase(c);
    }
}
