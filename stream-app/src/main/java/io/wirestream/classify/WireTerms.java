package io.wirestream.classify;

import java.util.Arrays;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;

/**
 * How wire text becomes terms, shared by rule queries and dispatches so that both sides always agree: runs of
 * letters and digits, lower-cased, with English plurals reduced ({@code missiles} → {@code missile}). Everything
 * else separates terms, so {@code U.S.} is {@code u s} and {@code cost-sharing} is {@code cost sharing}.
 */
final class WireTerms {

    /** Receives each term of a text with its character offsets. */
    interface Sink {
        void term(char[] buffer, int length, int start, int end);
    }

    private static final EnglishMinimalStemmer STEMMER = new EnglishMinimalStemmer();

    private WireTerms() {
    }

    static boolean isTermChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** Splits {@code text} into terms, handing each, normalized, to {@code sink}. */
    static void split(CharSequence text, char[] scratch, Sink sink) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !isTermChar(text.charAt(i))) {
                i++;
            }
            int start = i;
            int length = 0;
            char[] buffer = scratch;
            while (i < n && isTermChar(text.charAt(i))) {
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                buffer[length++] = Character.toLowerCase(text.charAt(i));
                i++;
            }
            if (length > 0) {
                sink.term(buffer, normalize(buffer, length), start, i);
            }
        }
    }

    /** Lower-cased in place already; reduces plurals and returns the new length. */
    static int normalize(char[] buffer, int length) {
        return STEMMER.stem(buffer, length);
    }
}
