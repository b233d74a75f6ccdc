package io.wirestream.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One dispatch's pieces as a {@link TextModel} weighs them, and, per subject, its log-odds and the words behind them.
 * Its arrays are kept from one dispatch to the next; not for two threads.
 */
public final class ModelReading implements CharGrams.Sink {
    private final TextModel model;
    /** Per slot of the model's index: 0, or 1 + where the piece is in {@code touched}. */
    private final int[] state;
    /**
     * The words read lately (padded, lower-case) with the slots of their pieces: news repeats its words, so most
     * are looked up once, not piece by piece. Forgotten all at once when it holds {@value #MAX_KNOWN}.
     */
    private final Map<String, int[]> known = new HashMap<>();
    /** The pieces of the dispatch in hand (their slots), with their counts and weighed values. */
    private int[] touched = new int[1024];
    private int[] counts = new int[1024];
    private double[] values = new double[1024];
    /** Per piece of the dispatch in hand: its value over the norm and its count, a share per occurrence. */
    private double[] perOccurrence = new double[1024];
    private int touchedCount;
    /** Every occurrence of a known piece: where it is in {@code touched}, its word and its weight. */
    private int[] occurrences = new int[3 * 2048];
    private int occurrenceCount;
    /** Per word: its source and where it is there. */
    private int[] wordPlaces = new int[3 * 512];
    private String headline = "";
    private List<String> paragraphs = List.of();
    private int wordCount;
    /** Per word of the dispatch in hand, its share of one subject's log-odds, while words are picked. */
    private double[] shares = new double[512];
    private double norm;

    ModelReading(TextModel model) {
        this.model = model;
        this.state = new int[model.index.slots()];
    }

    /** Forgets the last dispatch and reads this one. */
    public ModelReading read(String headline, List<String> paragraphs) {
        for (int t = 0; t < touchedCount; t++) {
            state[touched[t]] = 0;
        }
        touchedCount = 0;
        occurrenceCount = 0;
        this.headline = headline;
        this.paragraphs = paragraphs;
        wordCount = CharGrams.split(headline, paragraphs, this);
        double sum = 0;
        for (int t = 0; t < touchedCount; t++) {
            double value = dampened(counts[t]) * model.data[touched[t] * model.stride];
            values[t] = value;
            sum += value * value;
        }
        norm = sum == 0 ? 1 : Math.sqrt(sum);
        for (int t = 0; t < touchedCount; t++) {
            perOccurrence[t] = values[t] / norm / counts[t];
        }
        return this;
    }

    @Override
    public boolean word(int word, int source, int start, int end, char[] padded, int size, int weight) {
        if (word * 3 + 3 > wordPlaces.length) {
            wordPlaces = Arrays.copyOf(wordPlaces, wordPlaces.length * 2);
        }
        wordPlaces[word * 3] = source;
        wordPlaces[word * 3 + 1] = start;
        wordPlaces[word * 3 + 2] = end;
        String key = new String(padded, 0, size);
        int[] slots = known.get(key);
        if (slots == null) {
            slots = slots(padded, size);
            if (known.size() >= MAX_KNOWN) {
                known.clear();
            }
            known.put(key, slots);
        }
        for (int slot : slots) {
            count(slot, word, weight);
        }
        return true;
    }

    @Override
    public void gram(long key, int word, int weight) {
        int slot = model.index.slot(key);
        if (slot >= 0) {
            count(slot, word, weight);
        }
    }

    /** The slots of the word's pieces the model knows, in order: what {@link #known} remembers of a word. */
    private int[] slots(char[] padded, int size) {
        int[] slots = new int[3 * size];
        int count = 0;
        for (int n = CharGrams.MIN; n <= CharGrams.MAX; n++) {
            for (int at = 0; at + n <= size; at++) {
                int slot = model.index.slot(CharGrams.key(padded, at, n));
                if (slot >= 0) {
                    slots[count++] = slot;
                }
            }
        }
        return Arrays.copyOf(slots, count);
    }

    private void count(int slot, int word, int weight) {
        int t = state[slot] - 1;
        if (t < 0) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
                counts = Arrays.copyOf(counts, touchedCount * 2);
                values = Arrays.copyOf(values, touchedCount * 2);
                perOccurrence = Arrays.copyOf(perOccurrence, touchedCount * 2);
            }
            t = touchedCount++;
            touched[t] = slot;
            counts[t] = 0;
            state[slot] = t + 1;
        }
        counts[t] += weight;
        if (occurrenceCount * 3 + 3 > occurrences.length) {
            occurrences = Arrays.copyOf(occurrences, occurrences.length * 2);
        }
        occurrences[occurrenceCount * 3] = t;
        occurrences[occurrenceCount * 3 + 1] = word;
        occurrences[occurrenceCount * 3 + 2] = weight;
        occurrenceCount++;
    }

    /** The model's log-odds that the dispatch read belongs to its subject number {@code subject}. */
    public double logOdds(int subject) {
        float[] data = model.data;
        int stride = model.stride;
        double sum = 0;
        for (int t = 0; t < touchedCount; t++) {
            sum += data[touched[t] * stride + 1 + subject] * values[t];
        }
        return model.bias[subject] + sum / norm;
    }

    /**
     * The words that moved the subject's log-odds most in the direction of {@code sign} (positive: toward it),
     * as the dispatch wrote them without the punctuation around them, each once, strongest first: at most
     * {@code most}, from the {@code 2 * most} strongest occurrences. Each occurrence of a word is weighed on its
     * own, which spares a map of words for every dispatch.
     */
    public List<String> words(int subject, double sign, int most) {
        if (most <= 0) {
            return List.of();
        }
        if (shares.length < wordCount) {
            shares = new double[Math.max(wordCount, shares.length * 2)];
        }
        Arrays.fill(shares, 0, wordCount, 0);
        float[] data = model.data;
        int at = 1 + subject;
        for (int o = 0; o < occurrenceCount * 3; o += 3) {
            int t = occurrences[o];
            shares[occurrences[o + 1]] += data[touched[t] * model.stride + at] * perOccurrence[t] * occurrences[o + 2];
        }
        // The strongest occurrences, strongest first, found in one pass: a short list kept in order.
        int[] best = new int[most * 2];
        int kept = 0;
        for (int w = 0; w < wordCount; w++) {
            double share = shares[w] * sign;
            if (share <= 0 || (kept == best.length && share <= shares[best[kept - 1]] * sign)) {
                continue;
            }
            int i = Math.min(kept, best.length - 1);
            while (i > 0 && shares[best[i - 1]] * sign < share) {
                best[i] = best[i - 1];
                i--;
            }
            best[i] = w;
            kept = Math.min(kept + 1, best.length);
        }
        List<String> words = new ArrayList<>(most);
        for (int i = 0; i < kept && words.size() < most; i++) {
            String word = surface(best[i]);
            if (!word.isEmpty() && !words.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /** 1 + ln(count), the count dampened as the model was trained, from a table for the common small counts. */
    static double dampened(int count) {
        return count < DAMPENED.length ? DAMPENED[count] : 1 + Math.log(count);
    }

    private static final double[] DAMPENED = new double[64];
    private static final int MAX_KNOWN = 20_000;

    static {
        for (int count = 1; count < DAMPENED.length; count++) {
            DAMPENED[count] = 1 + Math.log(count);
        }
    }

    private String surface(int word) {
        int source = wordPlaces[word * 3];
        String text = source == 0 ? headline : paragraphs.get(source - 1);
        int start = wordPlaces[word * 3 + 1];
        int end = wordPlaces[word * 3 + 2];
        while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
