package io.wirestream.classify;

import java.util.Arrays;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;

/**
 * How wire text becomes terms, shared by rule queries and dispatches so that both sides always agree. Runs of
 * letters and digits are lower-cased, with English plurals reduced ({@code missiles} → {@code missile}); everything
 * else separates terms, so {@code U.S.} is {@code u s} and {@code cost-sharing} is {@code cost sharing}. Runs of
 * Hangul and Hanja are Korean: Lucene's Korean analyzer cuts them into words, particles and endings dropped
 * ({@link KoreanTerms}). The script tells them apart, character by character, so a Korean dispatch's {@code ICBM}
 * and {@code F-35A} are the English path's words, and English text never reaches the Korean analyzer.
 */
final class WireTerms {

    /** Receives each term of a text with its character offsets. */
    interface Sink {
        void term(String term, int start, int end);

        /**
         * The term as the first {@code length} characters of a buffer that is reused for the next term, with their
         * {@link String#hashCode}, computed as they were read.
         */
        default void term(char[] buffer, int length, int hash, int start, int end) {
            term(new String(buffer, 0, length), start, end);
        }
    }

    private static final EnglishMinimalStemmer STEMMER = new EnglishMinimalStemmer();

    /** Per ASCII character: itself lower-cased when it is a letter or digit, as {@link #isTermChar} says, else 0. */
    private static final char[] ASCII_TERM_LOWER = new char[128];

    static {
        for (char c = 1; c < 128; c++) {
            ASCII_TERM_LOWER[c] = isTermChar(c) ? Character.toLowerCase(c) : 0;
        }
    }

    private WireTerms() {
    }

    static boolean isTermChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /**
     * Hangul (syllables and jamo) and Han ideographs, which Korean copy uses as abbreviations ({@code 北}, {@code 美}):
     * the characters the Korean analyzer reads. Below U+1100 nothing is, so Latin text pays one comparison.
     */
    static boolean isKorean(char c) {
        return c >= '\u1100' && ((c <= '\u11FF') || (c >= '\u3130' && c <= '\u318F')
                || (c >= '\uAC00' && c <= '\uD7A3') || (c >= '\u4E00' && c <= '\u9FFF')
                || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF')
                || (c >= '\uA960' && c <= '\uA97F') || (c >= '\uD7B0' && c <= '\uD7FF'));
    }

    /** Splits {@code text} into terms, handing each, normalized, to {@code sink}. */
    static void split(CharSequence text, char[] scratch, Sink sink) {
        char[] chars = text.toString().toCharArray();
        split(chars, chars.length, scratch, sink);
    }

    /**
     * Splits the first {@code n} characters of {@code text} into terms, handing each, normalized, to {@code sink},
     * with offsets into {@code text}. The hot path: the caller copies its string into an array it reuses, and the
     * scan reads the array, ASCII by one table that both tells and lower-cases.
     */
    static void split(char[] text, int n, char[] scratch, Sink sink) {
        int i = 0;
        char[] buffer = scratch;
        while (i < n) {
            char c = text[i];
            if (c < 128 ? ASCII_TERM_LOWER[c] == 0 : !isTermChar(c)) {
                i++;
                continue;
            }
            if (c >= 128 && isKorean(c)) {
                i = korean(text, n, i, sink);
                continue;
            }
            int start = i;
            int length = 0;
            int hash = 0;
            while (i < n) {
                c = text[i];
                if (c < 128) {
                    c = ASCII_TERM_LOWER[c];
                    if (c == 0) {
                        break;
                    }
                } else if (!isTermChar(c) || isKorean(c)) {
                    break;
                } else {
                    c = Character.toLowerCase(c);
                }
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                buffer[length++] = c;
                hash = 31 * hash + c;
                i++;
            }
            // The stemmer rewrites only words that end in s, so only theirs needs hashing again.
            if (buffer[length - 1] == 's') {
                length = normalize(buffer, length);
                hash = 0;
                for (int k = 0; k < length; k++) {
                    hash = 31 * hash + buffer[k];
                }
            }
            sink.term(buffer, length, hash, start, i);
        }
    }

    /** Hands on the Korean words of the run starting at {@code start}; returns where the run ends. */
    private static int korean(char[] text, int n, int start, Sink sink) {
        int end = start + 1;
        while (end < n && isKorean(text[end])) {
            end++;
        }
        KoreanTerms.Words words = KoreanTerms.DEFAULT.words(new String(text, start, end - start));
        for (int w = 0; w < words.size(); w++) {
            sink.term(words.terms()[w], start + words.starts()[w], start + words.ends()[w]);
        }
        return end;
    }

    /** Lower-cased in place already; reduces plurals and returns the new length. */
    static int normalize(char[] buffer, int length) {
        return STEMMER.stem(buffer, length);
    }
}
