package io.wirestream.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.wirestream.schema.Dispatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Learns a {@link TextModel} from labelled dispatches of one language: the pieces seen in at least
 * {@value #DEFAULT_MIN_DOCUMENTS} dispatches (by default) become its features, and each subject gets a logistic
 * regression (LIBLINEAR's trust-region Newton solver, L2-regularized, classes weighed by their sizes so a rare
 * subject is not drowned).
 * The same dispatches in the same order give the same model.
 */
public final class ModelTrainer {

    /**
     * By default a piece must occur in this many training dispatches to be a feature: rarer pieces teach little,
     * and a smaller model is read faster.
     */
    public static final int DEFAULT_MIN_DOCUMENTS = 5;
    /** How little the weights are held back: the regularization is 1 / C. Chosen by leave-a-part-out runs. */
    public static final double DEFAULT_C = 30;
    private static final double TOLERANCE = 0.01;

    static {
        Linear.disableDebugOutput();
    }

    private ModelTrainer() {
    }

    /** One dispatch to learn from, and the subjects it belongs to. */
    public record Example(Dispatch dispatch, Set<String> subjects) {
    }

    /** Trains on {@code examples} for {@code subjects}; every subject needs examples in and out of it. */
    public static TextModel train(String language, List<String> subjects, List<Example> examples, double c) {
        return train(language, subjects, examples, c, DEFAULT_MIN_DOCUMENTS);
    }

    /** Trains as above, with pieces seen in at least {@code minDocuments} dispatches. */
    public static TextModel train(String language, List<String> subjects, List<Example> examples, double c,
            int minDocuments) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no dispatches to learn from");
        }
        List<Map<Long, Integer>> documents = new ArrayList<>(examples.size());
        Map<Long, Integer> documentFrequency = new HashMap<>();
        for (Example example : examples) {
            Map<Long, Integer> counts = counts(example.dispatch());
            counts.keySet().forEach(key -> documentFrequency.merge(key, 1, Integer::sum));
            documents.add(counts);
        }
        TreeMap<Long, Integer> kept = new TreeMap<>();
        documentFrequency.forEach((key, df) -> {
            if (df >= minDocuments) {
                kept.put(key, df);
            }
        });
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no piece of text occurs in " + minDocuments + " dispatches: nothing "
                    + "to learn");
        }
        // LIBLINEAR numbers features densely, here in the order of the pieces' keys.
        Map<Long, Integer> ids = new HashMap<>();
        long[] keys = new long[kept.size()];
        double[] idf = new double[kept.size()];
        int n = examples.size();
        kept.forEach((key, df) -> {
            int id = ids.size();
            ids.put(key, id);
            keys[id] = key;
            idf[id] = Math.log((1.0 + n) / (1.0 + df)) + 1;
        });
        Feature[][] rows = new Feature[n][];
        for (int d = 0; d < n; d++) {
            rows[d] = row(documents.get(d), ids, idf);
        }
        double[] bias = new double[subjects.size()];
        double[][] weights = new double[subjects.size()][];
        for (int s = 0; s < subjects.size(); s++) {
            weights[s] = fit(subjects.get(s), examples, rows, keys.length, c);
            bias[s] = weights[s][keys.length];
        }
        TextModel.Builder model = new TextModel.Builder(language, subjects, keys.length,
                "learned from " + n + " dispatches");
        double[] pieceWeights = new double[subjects.size()];
        for (int id = 0; id < keys.length; id++) {
            for (int s = 0; s < subjects.size(); s++) {
                pieceWeights[s] = weights[s][id];
            }
            model.add(keys[id], idf[id], pieceWeights);
        }
        return model.build(bias);
    }

    private static Map<Long, Integer> counts(Dispatch dispatch) {
        Map<Long, Integer> counts = new HashMap<>();
        CharGrams.split(dispatch.getHeadline(), dispatch.getParagraphs(), new CharGrams.Sink() {
            @Override
            public boolean word(int word, int source, int start, int end, char[] padded, int size, int weight) {
                return false;
            }

            @Override
            public void gram(long key, int word, int weight) {
                counts.merge(key, weight, Integer::sum);
            }
        });
        return counts;
    }

    /** A dispatch's features as {@link ModelReading} computes them, in LIBLINEAR's sorted 1-based form. */
    private static Feature[] row(Map<Long, Integer> counts, Map<Long, Integer> ids, double[] idf) {
        TreeMap<Integer, Double> values = new TreeMap<>();
        double sum = 0;
        for (Map.Entry<Long, Integer> entry : counts.entrySet()) {
            Integer id = ids.get(entry.getKey());
            if (id != null) {
                double value = ModelReading.dampened(entry.getValue()) * idf[id];
                values.put(id, value);
                sum += value * value;
            }
        }
        double norm = sum == 0 ? 1 : Math.sqrt(sum);
        // LIBLINEAR learns the bias as the weight of one more feature, always 1, that each row carries last.
        Feature[] row = new Feature[values.size() + 1];
        int i = 0;
        for (Map.Entry<Integer, Double> entry : values.entrySet()) {
            row[i++] = new FeatureNode(entry.getKey() + 1, entry.getValue() / norm);
        }
        row[i] = new FeatureNode(idf.length + 1, 1);
        return row;
    }

    /** The weights for one subject, its bias last, oriented so that above 0 means "belongs". */
    private static double[] fit(String subject, List<Example> examples, Feature[][] rows, int features, double c) {
        Problem problem = new Problem();
        problem.l = rows.length;
        problem.n = features + 1;
        problem.x = rows;
        problem.bias = 1;
        problem.y = new double[rows.length];
        int in = 0;
        for (int d = 0; d < rows.length; d++) {
            boolean belongs = examples.get(d).subjects().contains(subject);
            problem.y[d] = belongs ? 1 : -1;
            in += belongs ? 1 : 0;
        }
        int out = rows.length - in;
        if (in == 0 || out == 0) {
            throw new IllegalArgumentException("subject " + subject + " needs dispatches in it and out of it to learn"
                    + " from; it has " + in + " in and " + out + " out");
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, c, TOLERANCE);
        parameter.setWeights(new double[] {rows.length / (2.0 * in), rows.length / (2.0 * out)}, new int[] {1, -1});
        Model model = Linear.train(problem, parameter);
        double[] w = model.getFeatureWeights();
        if (model.getLabels()[0] != 1) {
            for (int i = 0; i < w.length; i++) {
                w[i] = -w[i];
            }
        }
        return w;
    }
}
