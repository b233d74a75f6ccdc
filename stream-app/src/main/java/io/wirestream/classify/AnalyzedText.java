package io.wirestream.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dispatch split into terms once, for every rule to match against. Every word gets an ordinal (its index in
 * reading order: headline, then paragraphs), but only the words of the {@link Vocabulary} are kept, as
 * occurrences: each with its ordinal, a position for phrase distances, and the place of its surface text, so that
 * matches can be shown as the words the dispatch used. Posting lists hold occurrence indices, in reading order.
 * Fields are ordinal ranges.
 */
final class AnalyzedText implements WireTerms.Sink {

    /** Positions jump this far between headline and paragraphs, so no phrase spans two of them. */
    static final int SOURCE_GAP = 1 << 16;

    private final Vocabulary vocabulary;
    /** Posting lists of the vocabulary's words, by id; kept from one dispatch to the next, emptied by count. */
    private final int[][] byId;
    /** The ids with occurrences in this dispatch, in order of first occurrence. */
    private int[] touched = new int[64];
    private int touchedCount;
    /** Posting lists of the words kept without an id (a prefix's words, or all when every word is kept). */
    private final Map<String, int[]> others = new HashMap<>();
    private final char[] scratch = new char[64];
    /** The text being split, copied out of its string once. */
    private char[] chars = new char[1024];
    private List<String> sources = List.of();
    private int[] ordinals = new int[64];
    private int[] positions = new int[64];
    private int[] sourceOf = new int[64];
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    /** Per first occurrence: the last surface given from it, where it ended, and for which dispatch. */
    private String[] surfaces = new String[64];
    private int[] surfaceLast = new int[64];
    private int[] surfaceStamp = new int[64];
    private final KnownSurfaces known = new KnownSurfaces();
    /** Per phrase length, the array for a phrase's posting lists, used one phrase at a time. */
    private int[][][] phraseLists = new int[8][][];
    private int stamp;
    private int occurrences;
    private int words;
    private int source;
    private int headlineEnd;
    private int leadEnd;
    private String[] sortedTerms;

    /**
     * An analysis to be filled by {@link #analyze}, again and again: its arrays are kept from one dispatch to the
     * next, so a thread that classifies many allocates them once. One dispatch at a time.
     */
    AnalyzedText(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.byId = new int[vocabulary.size()][];
    }

    /** Analyzes a headline and its paragraphs (the first being the lead), keeping every word. */
    static AnalyzedText of(String headline, List<String> paragraphs) {
        return of(headline, paragraphs, Vocabulary.ALL);
    }

    /** Analyzes a headline and its paragraphs, keeping the words of {@code vocabulary}, in a new analysis. */
    static AnalyzedText of(String headline, List<String> paragraphs, Vocabulary vocabulary) {
        return new AnalyzedText(vocabulary).analyze(headline, paragraphs);
    }

    /** Forgets the last dispatch and analyzes this one; returns this analysis. */
    AnalyzedText analyze(String headline, List<String> paragraphs) {
        String[] all = new String[paragraphs.size() + 1];
        all[0] = headline;
        for (int i = 0; i < paragraphs.size(); i++) {
            all[i + 1] = paragraphs.get(i);
        }
        sources = Arrays.asList(all);
        for (int i = 0; i < touchedCount; i++) {
            byId[touched[i]][0] = 0;
        }
        touchedCount = 0;
        others.clear();
        stamp++;
        sortedTerms = null;
        occurrences = 0;
        words = 0;
        headlineEnd = 0;
        leadEnd = 0;
        for (int s = 0; s < all.length; s++) {
            source = s;
            String text = all[s];
            if (text.length() > chars.length) {
                chars = new char[Math.max(text.length(), chars.length * 2)];
            }
            text.getChars(0, text.length(), chars, 0);
            WireTerms.split(chars, text.length(), scratch, this);
            if (s == 0) {
                headlineEnd = words;
            }
            if (s <= 1) {
                leadEnd = words;
            }
        }
        return this;
    }

    @Override
    public void term(char[] buffer, int length, int hash, int start, int end) {
        int id = vocabulary.find(buffer, length, hash);
        if (id >= 0) {
            keep(id, start, end);
        } else if (id == Vocabulary.NO_ID) {
            keep(new String(buffer, 0, length), start, end);
        }
        words++;
    }

    @Override
    public void term(String term, int start, int end) {
        int id = vocabulary.id(term);
        if (id >= 0) {
            keep(id, start, end);
        } else if (vocabulary.keeps(term)) {
            keep(term, start, end);
        }
        words++;
    }

    private void keep(int id, int start, int end) {
        int[] list = byId[id];
        if (list == null) {
            list = new int[4];
            byId[id] = list;
        }
        if (list[0] == 0) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = id;
        } else if (list[0] + 1 == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            byId[id] = list;
        }
        list[++list[0]] = occur(start, end);
    }

    private void keep(String term, int start, int end) {
        int[] list = others.get(term);
        if (list == null) {
            list = new int[4];
            others.put(term, list);
        } else if (list[0] + 1 == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            others.put(term, list);
        }
        list[++list[0]] = occur(start, end);
    }

    /** Records an occurrence of the word in hand and returns its index. */
    private int occur(int start, int end) {
        if (occurrences == ordinals.length) {
            int size = occurrences * 2;
            ordinals = Arrays.copyOf(ordinals, size);
            positions = Arrays.copyOf(positions, size);
            sourceOf = Arrays.copyOf(sourceOf, size);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
            surfaces = Arrays.copyOf(surfaces, size);
            surfaceLast = Arrays.copyOf(surfaceLast, size);
            surfaceStamp = Arrays.copyOf(surfaceStamp, size);
        }
        int occurrence = occurrences++;
        ordinals[occurrence] = words;
        positions[occurrence] = words + source * SOURCE_GAP;
        sourceOf[occurrence] = source;
        starts[occurrence] = start;
        ends[occurrence] = end;
        return occurrence;
    }

    /** Occurrences of {@code term}, as {@code [count, occurrence...]} in ascending order, or null. */
    int[] postings(String term) {
        int id = vocabulary.id(term);
        if (id >= 0) {
            return postings(id);
        }
        return others.isEmpty() ? null : others.get(term);
    }

    /** Occurrences of the word with this id, as {@link #postings(String)} gives them, or null. */
    int[] postings(int id) {
        int[] list = byId[id];
        return list == null || list[0] == 0 ? null : list;
    }

    /** How many of the vocabulary's words occur; {@link #touchedId} gives them. */
    int touchedCount() {
        return touchedCount;
    }

    /** The id of the {@code i}th word of the vocabulary to occur. */
    int touchedId(int i) {
        return touched[i];
    }

    /** The distinct words kept that start with {@code prefix}, found by binary search in the words sorted once. */
    List<String> termsStartingWith(String prefix) {
        if (sortedTerms == null) {
            List<String> kept = new ArrayList<>(others.keySet());
            for (int i = 0; i < touchedCount; i++) {
                kept.add(vocabulary.word(touched[i]));
            }
            sortedTerms = kept.toArray(new String[0]);
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

    /** The ordinal of the word at {@code occurrence}. */
    int ordinal(int occurrence) {
        return ordinals[occurrence];
    }

    /** The occurrence in {@code postings} of the word at {@code ordinal}, or -1; by binary search. */
    int occurrenceAt(int[] postings, int ordinal) {
        int low = 1;
        int high = postings[0];
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int found = ordinals[postings[middle]];
            if (found < ordinal) {
                low = middle + 1;
            } else if (found > ordinal) {
                high = middle - 1;
            } else {
                return postings[middle];
            }
        }
        return -1;
    }

    int position(int occurrence) {
        return positions[occurrence];
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
                return words;
        }
    }

    /** An array for the posting lists of a phrase of {@code n} words: the same one for every such phrase. */
    int[][] phraseLists(int n) {
        if (n >= phraseLists.length) {
            phraseLists = Arrays.copyOf(phraseLists, n + 1);
        }
        if (phraseLists[n] == null) {
            phraseLists[n] = new int[n][];
        }
        return phraseLists[n];
    }

    /** The words of the dispatch from occurrence {@code first} to {@code last}, as written. */
    String surface(int first, int last) {
        // Many rules match the same words (a subject's rules share them): each is cut out of its text once.
        if (surfaceStamp[first] == stamp && surfaceLast[first] == last) {
            return surfaces[first];
        }
        String surface = known.of(sources.get(sourceOf[first]), starts[first],
                sourceOf[first] != sourceOf[last] ? ends[first] : ends[last]);
        surfaces[first] = surface;
        surfaceLast[first] = last;
        surfaceStamp[first] = stamp;
        return surface;
    }
}
