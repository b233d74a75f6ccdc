package io.wirestream.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Korean words by Lucene's own Korean analyzer (Nori): its tokenizer, with a user dictionary of the compounds the
 * subjects need, and its part-of-speech filter, which drops particles and endings, so that {@code 북한이},
 * {@code 북한의} and {@code 북한은} are all {@code 북한}.
 *
 * <p>Nori is given one run of Hangul and Hanja at a time, never the spaces, digits or Latin letters around it
 * ({@link WireTerms} cuts those), so that a run is always analyzed the same wherever it stands, in a query or in a
 * dispatch. That makes the analysis of a run a pure function, and it is remembered: Nori costs about a
 * microsecond per character, far more than a lookup, and news repeats its words. The memory holds two
 * generations of at most {@value #GENERATION} runs each; a run used again moves to the young one, and when the
 * young one is full the old one is dropped.
 */
final class KoreanTerms {

    /** The user dictionary shipped with the rules. */
    static final String DICTIONARY = "/rules/korean-dictionary.txt";
    /** With the shipped dictionary; what the classifier and the rule queries use. */
    static final KoreanTerms DEFAULT = new KoreanTerms(load(DICTIONARY));

    static final int GENERATION = 50_000;

    /** The words of one run: each word's text, and where it starts and ends in the run. */
    record Words(String[] terms, int[] starts, int[] ends) {
        int size() {
            return terms.length;
        }
    }

    private final UserDictionary dictionary;
    private final ThreadLocal<Chain> chains;
    private volatile Map<String, Words> young = new ConcurrentHashMap<>();
    private volatile Map<String, Words> old = new ConcurrentHashMap<>();

    KoreanTerms(UserDictionary dictionary) {
        this.dictionary = dictionary;
        this.chains = ThreadLocal.withInitial(() -> new Chain(this.dictionary));
    }

    /** The words of a run of Hangul and Hanja. */
    Words words(String run) {
        Words words = young.get(run);
        if (words != null) {
            return words;
        }
        words = old.get(run);
        if (words == null) {
            words = chains.get().analyze(run);
        }
        Map<String, Words> current = young;
        current.put(run, words);
        if (current.size() > GENERATION) {
            old = current;
            young = new ConcurrentHashMap<>();
        }
        return words;
    }

    /** Nori's words for a run, not remembered: for measuring what the memory saves. */
    Words analyzeUncached(String run) {
        return chains.get().analyze(run);
    }

    /** Reads a user dictionary in Nori's format: one entry a line, {@code #} comments. */
    static UserDictionary parse(String text) throws IOException {
        return UserDictionary.open(new StringReader(text));
    }

    private static UserDictionary load(String resource) {
        try (InputStream in = KoreanTerms.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return UserDictionary.open(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the Korean user dictionary does not load", e);
        }
    }

    /** One thread's tokenizer and filter, reused run after run. */
    private static final class Chain {
        private final KoreanTokenizer tokenizer;
        private final TokenStream stream;
        private final CharTermAttribute term;
        private final OffsetAttribute offset;
        private final List<String> terms = new ArrayList<>(8);
        private final List<int[]> spans = new ArrayList<>(8);

        Chain(UserDictionary dictionary) {
            tokenizer = new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, dictionary,
                    KoreanTokenizer.DEFAULT_DECOMPOUND, false, true);
            stream = new KoreanPartOfSpeechStopFilter(tokenizer);
            term = stream.addAttribute(CharTermAttribute.class);
            offset = stream.addAttribute(OffsetAttribute.class);
        }

        Words analyze(String run) {
            terms.clear();
            spans.clear();
            try {
                // The space a run is followed by in text: at the very end of its input Nori prefers to end on a
                // noun, and cuts "미국의" into "미" and "국의" instead of "미국" and the particle "의".
                tokenizer.setReader(new StringReader(run + " "));
                stream.reset();
                while (stream.incrementToken()) {
                    terms.add(term.toString());
                    spans.add(new int[] {offset.startOffset(), offset.endOffset()});
                }
                stream.end();
            } catch (IOException e) {
                // A StringReader does not fail.
                throw new UncheckedIOException(e);
            } finally {
                closeQuietly();
            }
            int[] starts = new int[terms.size()];
            int[] ends = new int[terms.size()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = spans.get(i)[0];
                ends[i] = spans.get(i)[1];
            }
            return new Words(terms.toArray(new String[0]), starts, ends);
        }

        private void closeQuietly() {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
