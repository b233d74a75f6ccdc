package io.wirestream.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dispatch split into terms once, for every rule to match against. Each term occurrence has an ordinal (its
 * index in reading order: headline, then paragraphs), a position for phrase distances, and the place of its
 * surface text, so that matches can be shown as the words the dispatch used. Fields are ordinal ranges.
 */
final class AnalyzedText {

    /** Positions jump this far between headline and paragraphs, so no phrase spans two of them. */
    static final int SOURCE_GAP = 1 << 16;

    private final List<String> sources;
    private final Map<String, int[]> postings;
    private int[] positions = new int[256];
    private int[] sourceOf = new int[256];
    private int[] starts = new int[256];
    private int[] ends = new int[256];
    private int count;
    private final int headlineEnd;
    private final int leadEnd;

    private AnalyzedText(List<String> sources) {
        this.sources = sources;
        this.postings = new HashMap<>(512);
        char[] scratch = new char[64];
        int leadEndSeen = 0;
        int headlineEndSeen = 0;
        for (int s = 0; s < sources.size(); s++) {
            int source = s;
            WireTerms.split(sources.get(s), scratch, (term, start, end) -> add(source, term, start, end));
            if (s == 0) {
                headlineEndSeen = count;
            }
            if (s <= 1) {
                leadEndSeen = count;
            }
        }
        this.headlineEnd = headlineEndSeen;
        this.leadEnd = leadEndSeen;
    }

    /** Analyzes a headline and its paragraphs (the first being the lead). */
    static AnalyzedText of(String headline, List<String> paragraphs) {
        String[] sources = new String[paragraphs.size() + 1];
        sources[0] = headline;
        for (int i = 0; i < paragraphs.size(); i++) {
            sources[i + 1] = paragraphs.get(i);
        }
        return new AnalyzedText(Arrays.asList(sources));
    }

    private void add(int source, String term, int start, int end) {
        if (count == positions.length) {
            int size = count * 2;
            positions = Arrays.copyOf(positions, size);
            sourceOf = Arrays.copyOf(sourceOf, size);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
        }
        int ordinal = count++;
        positions[ordinal] = ordinal + source * SOURCE_GAP;
        sourceOf[ordinal] = source;
        starts[ordinal] = start;
        ends[ordinal] = end;
        int[] list = postings.get(term);
        if (list == null) {
            list = new int[4];
            postings.put(term, list);
        } else if (list[0] + 1 == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            postings.put(term, list);
        }
        list[++list[0]] = ordinal;
    }

    /** Ordinals of {@code term}, as {@code [count, ordinal...]} in ascending order, or null. */
    int[] postings(String term) {
        return postings.get(term);
    }

    Set<String> terms() {
        return postings.keySet();
    }

    private String[] sortedTerms;

    /** The distinct words starting with {@code prefix}, found by binary search in the words sorted once. */
    List<String> termsStartingWith(String prefix) {
        if (sortedTerms == null) {
            sortedTerms = postings.keySet().toArray(new String[0]);
            Arrays.sort(sortedTerms);
        }
        int from = Arrays.binarySearch(sortedTerms, prefix);
        if (from < 0) {
            from = -from - 1;
        }
        List<String> found = new ArrayList<>();
        for (int i = from; i < sortedTerms.length && sortedTerms[i].startsWith(prefix); i++) {
            found.add(sortedTerms[i]);
        }
        return found;
    }

    int position(int ordinal) {
        return positions[ordinal];
    }

    /** First ordinal of a field. */
    int from(Field field) {
        return field == Field.LEAD || field == Field.BODY ? headlineEnd : 0;
    }

    /** End (exclusive) ordinal of a field. */
    int to(Field field) {
        switch (field) {
            case HEADLINE:
                return headlineEnd;
            case LEAD:
            case TOP:
                return leadEnd;
            default:
                return count;
        }
    }

    /** The words of the dispatch from ordinal {@code first} to {@code last}, as written. */
    String surface(int first, int last) {
        if (sourceOf[first] != sourceOf[last]) {
            return sources.get(sourceOf[first]).substring(starts[first], ends[first]);
        }
        return sources.get(sourceOf[first]).substring(starts[first], ends[last]);
    }
}
