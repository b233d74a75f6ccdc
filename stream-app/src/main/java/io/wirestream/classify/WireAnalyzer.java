package io.wirestream.classify;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The Lucene face of {@link WireTerms}: used to parse rule queries (and to feed Lucene's own Monitor in the
 * benchmarks), so that a query term is normalized exactly as a dispatch term is.
 */
public final class WireAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new WireTokenizer());
    }

    /** Keeps phrases from spanning the headline and paragraphs when one field holds several, as ours do. */
    @Override
    public int getPositionIncrementGap(String fieldName) {
        return AnalyzedText.SOURCE_GAP;
    }

    /** Wildcard and prefix terms are lower-cased but not stemmed, as Lucene's own analyzers do. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    private static final class WireTokenizer extends Tokenizer {
        private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offsetAttribute = addAttribute(OffsetAttribute.class);
        private final StringBuilder text = new StringBuilder();
        private final char[] scratch = new char[64];
        private int[] starts = new int[64];
        private int[] ends = new int[64];
        private String[] terms = new String[64];
        private int count;
        private int next;

        @Override
        public boolean incrementToken() throws IOException {
            if (next == 0 && count == 0) {
                readAll(input);
                WireTerms.split(text, scratch, this::collect);
            }
            if (next >= count) {
                return false;
            }
            clearAttributes();
            termAttribute.setEmpty().append(terms[next]);
            offsetAttribute.setOffset(correctOffset(starts[next]), correctOffset(ends[next]));
            next++;
            return true;
        }

        private void collect(String term, int start, int end) {
            if (count == terms.length) {
                terms = Arrays.copyOf(terms, count * 2);
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            terms[count] = term;
            starts[count] = start;
            ends[count] = end;
            count++;
        }

        private void readAll(Reader reader) throws IOException {
            char[] chunk = new char[1024];
            int read;
            while ((read = reader.read(chunk)) > 0) {
                text.append(chunk, 0, read);
            }
        }

        @Override
        public void end() throws IOException {
            super.end();
            int finalOffset = correctOffset(text.length());
            offsetAttribute.setOffset(finalOffset, finalOffset);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            text.setLength(0);
            count = 0;
            next = 0;
        }
    }
}
