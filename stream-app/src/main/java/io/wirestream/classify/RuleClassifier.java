package io.wirestream.classify;

import io.wirestream.schema.Dispatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Classifies by a {@link RuleSet}. The dispatch is analyzed once. Each rule is indexed by what a dispatch must
 * contain for it to match, as groups of terms (all the words of a phrase, both sides of an AND), and only rules
 * every group of which the dispatch's words reach are evaluated. The cost per dispatch follows the dispatch's
 * length and the rules that could match, not the number of rules.
 *
 * <p>A dispatch is scored by the rules of its language when subjects have rules of their own for it (Korean
 * copy by the {@code ko} rules), else by the subjects' own rules: one index per language, chosen by the
 * dispatch's {@code language}.
 */
public final class RuleClassifier implements Classifier {

    /** At most this many distinct words are kept per rule match, for explanation. */
    private static final int MAX_TERMS_PER_RULE = 10;
    /** At most this many groups of a rule are indexed; the rest are left to evaluation. */
    private static final int MAX_GROUPS = 63;

    private final RuleSet ruleSet;
    private final Profile common;
    private final Map<String, Profile> byLanguage = new HashMap<>();

    public RuleClassifier(RuleSet ruleSet) {
        this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet");
        this.common = new Profile(ruleSet.subjects(), null, null);
        for (String language : ruleSet.languages()) {
            byLanguage.put(language, new Profile(ruleSet.subjects().stream().map(s -> s.forLanguage(language)).toList(),
                    ruleSet.models().get(language), ruleSet.subjects().stream().map(s -> s.languages().get(language))
                            .mapToDouble(l -> l == null ? 0 : l.modelWeight()).toArray()));
        }
    }

    @Override
    public RuleSet ruleSet() {
        return ruleSet;
    }

    @Override
    public Classification classify(Dispatch dispatch) {
        Profile profile = byLanguage.getOrDefault(dispatch.getLanguage(), common);
        return profile.classify(dispatch.getHeadline(), dispatch.getParagraphs());
    }

    /**
     * The subjects as they score the dispatches of one language, with their rules indexed, and the language's
     * learned model where subjects count it.
     */
    private static final class Profile {
        private final List<Subject> subjects;
        private final TextModel model;
        /** Per subject: how much the model's log-odds count (0: not at all), its number in the model, its rule id. */
        private final double[] modelWeights;
        private final int[] modelSubjects;
        private final String[] modelRuleIds;
        private final Rule[] rules;
        private final int[] subjectOf;
        /** Per anchor term, by its id in the vocabulary: entries {@code rule * 64 + group}, or null. */
        private final int[][] rulesByAnchor;
        /** Per rule: the mask with one bit for each of its indexed groups. */
        private final long[] fullMask;
        private final int[] unanchored;
        /** Per rule: the first rule with the same query (often a subject's "recurring" and "mentioned"). */
        private final int[] sameQuery;
        private final ThreadLocal<Scratch> scratch;

        Profile(List<Subject> subjects, TextModel model, double[] modelWeights) {
            this.subjects = List.copyOf(subjects);
            this.modelWeights = modelWeights == null ? new double[subjects.size()] : modelWeights;
            this.model = Arrays.stream(this.modelWeights).anyMatch(w -> w > 0) ? model : null;
            this.modelSubjects = new int[subjects.size()];
            this.modelRuleIds = new String[subjects.size()];
            for (int s = 0; s < subjects.size() && this.model != null; s++) {
                modelSubjects[s] = model.subjects().indexOf(subjects.get(s).id());
                modelRuleIds[s] = ModelSection.ruleId(model.language(), subjects.get(s).id());
            }
            List<Rule> flat = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            for (int s = 0; s < subjects.size(); s++) {
                for (Rule rule : subjects.get(s).rules()) {
                    flat.add(rule);
                    owners.add(s);
                }
            }
            this.rules = flat.toArray(new Rule[0]);
            this.subjectOf = owners.stream().mapToInt(Integer::intValue).toArray();
            this.sameQuery = new int[rules.length];
            Map<QueryNode, Integer> firstWith = new HashMap<>();
            for (int r = 0; r < rules.length; r++) {
                Integer first = firstWith.putIfAbsent(rules[r].node(), r);
                sameQuery[r] = first == null ? r : first;
            }
            Map<String, List<Integer>> index = new HashMap<>();
            List<Integer> always = new ArrayList<>();
            this.fullMask = new long[rules.length];
            for (int r = 0; r < rules.length; r++) {
                List<List<String>> groups = rules[r].node().anchors();
                if (groups == null) {
                    always.add(r);
                    continue;
                }
                int indexed = Math.min(groups.size(), MAX_GROUPS);
                fullMask[r] = (1L << indexed) - 1;
                for (int g = 0; g < indexed; g++) {
                    for (String anchor : new LinkedHashSet<>(groups.get(g))) {
                        index.computeIfAbsent(anchor, k -> new ArrayList<>()).add(r * 64 + g);
                    }
                }
            }
            this.unanchored = always.stream().mapToInt(Integer::intValue).toArray();
            Vocabulary vocabulary = Vocabulary.of(flat.stream().map(Rule::node).toList());
            this.rulesByAnchor = new int[vocabulary.size()][];
            index.forEach((term, entries) -> {
                int id = vocabulary.id(term);
                if (id < 0) {
                    throw new IllegalStateException("an anchor outside the rules' vocabulary: " + term);
                }
                rulesByAnchor[id] = entries.stream().mapToInt(Integer::intValue).toArray();
            });
            this.scratch = ThreadLocal.withInitial(() -> new Scratch(rules.length, vocabulary,
                    this.model == null ? null : this.model.reading()));
        }

        @SuppressWarnings("unchecked")
        Classification classify(String headline, List<String> paragraphs) {
            Scratch current = scratch.get();
            current.stamp++;
            AnalyzedText text = current.text.analyze(headline, paragraphs);
            double[] scores = new double[subjects.size()];
            List<Classification.RuleMatch>[] matches = new List[subjects.size()];
            Spans spans = new Spans();
            for (int c = 0, candidates = candidates(current); c < candidates; c++) {
                int r = current.candidates[c];
                Rule rule = rules[r];
                int same = sameQuery[r];
                int count;
                List<String> words;
                if (same != r && current.stamps[same] == current.stamp
                        && (current.words[same] != null || current.counts[same] < rule.minMatches())) {
                    count = current.counts[same];
                    words = current.words[same];
                } else {
                    spans.clear();
                    count = rule.node().count(text, spans);
                    words = count >= rule.minMatches() ? surfaces(text, spans) : null;
                    current.remember(r, count, words);
                }
                if (count >= rule.minMatches()) {
                    add(scores, matches, subjectOf[r],
                            new Classification.RuleMatch(rule.id(), rule.weight(), count, words));
                }
            }
            if (model != null) {
                ModelReading reading = current.reading.read(headline, paragraphs);
                for (int s = 0; s < subjects.size(); s++) {
                    if (modelWeights[s] > 0) {
                        double logOdds = reading.logOdds(modelSubjects[s]);
                        // Rounded as shown, so that the score is the sum of the weights an explanation lists.
                        double weight = Math.round(modelWeights[s] * logOdds * 100) / 100.0;
                        // The words are shown and highlighted only where the model speaks for the subject.
                        List<String> words = logOdds > 0
                                ? reading.words(modelSubjects[s], 1, MAX_TERMS_PER_RULE) : List.of();
                        add(scores, matches, s, new Classification.RuleMatch(modelRuleIds[s], weight, 1, words));
                    }
                }
            }
            List<Classification.SubjectScore> result = new ArrayList<>();
            for (int s = 0; s < subjects.size(); s++) {
                if (matches[s] != null) {
                    Subject subject = subjects.get(s);
                    result.add(new Classification.SubjectScore(subject, scores[s], scores[s] >= subject.threshold(),
                            matches[s]));
                }
            }
            return new Classification(result);
        }

        private static void add(double[] scores, List<Classification.RuleMatch>[] matches, int subject,
                Classification.RuleMatch match) {
            scores[subject] += match.weight();
            if (matches[subject] == null) {
                matches[subject] = new ArrayList<>();
            }
            matches[subject].add(match);
        }

        /**
         * Rules whose every indexed group the dispatch reaches, and the unanchored ones, in rules-file order: put in
         * the scratch's candidates; returns how many.
         */
        private int candidates(Scratch marks) {
            AnalyzedText text = marks.text;
            for (int i = 0; i < text.touchedCount(); i++) {
                int[] entries = rulesByAnchor[text.touchedId(i)];
                if (entries != null) {
                    for (int entry : entries) {
                        marks.mark(entry >>> 6, entry & 63);
                    }
                }
            }
            int[] candidates = marks.candidates;
            int count = 0;
            for (int i = 0; i < marks.touchedCount; i++) {
                int rule = marks.touched[i];
                if (marks.masks[rule] == fullMask[rule]) {
                    candidates[count++] = rule;
                }
                marks.masks[rule] = 0;
            }
            marks.touchedCount = 0;
            for (int rule : unanchored) {
                candidates[count++] = rule;
            }
            Arrays.sort(candidates, 0, count);
            return count;
        }
    }

    /**
     * Per thread: the analysis of the dispatch in hand, on the words these rules can match (the others are counted,
     * not kept), the marks of which groups of which rules it reached, and what each rule counted, so that a rule
     * with the same query as one before it (another field's or count's version of it) is not evaluated again.
     */
    private static final class Scratch {
        final AnalyzedText text;
        final long[] masks;
        int[] touched = new int[256];
        int touchedCount;
        /** The dispatch in hand's number, and per rule: for which dispatch it counted, how often, and its words. */
        int stamp;
        final int[] stamps;
        final int[] counts;
        final List<String>[] words;
        /** The rules to evaluate on the dispatch in hand: no more than there are rules. */
        final int[] candidates;

        /** The learned model's reading of the dispatch in hand, when the profile has a model. */
        final ModelReading reading;

        @SuppressWarnings("unchecked")
        Scratch(int rules, Vocabulary vocabulary, ModelReading reading) {
            text = new AnalyzedText(vocabulary);
            this.reading = reading;
            candidates = new int[rules];
            masks = new long[rules];
            stamps = new int[rules];
            counts = new int[rules];
            words = new List[rules];
        }

        /** A rule's count on the dispatch in hand, and its words when it matched, for rules with the same query. */
        void remember(int rule, int count, List<String> matched) {
            stamps[rule] = stamp;
            counts[rule] = count;
            words[rule] = matched;
        }

        void mark(int rule, int group) {
            if (masks[rule] == 0) {
                if (touchedCount == touched.length) {
                    touched = Arrays.copyOf(touched, touchedCount * 2);
                }
                touched[touchedCount++] = rule;
            }
            masks[rule] |= 1L << group;
        }
    }

    /** The words of a rule's matches, each once, in order, at most ten: a scan of ten, not a set for each rule. */
    private static List<String> surfaces(AnalyzedText text, Spans spans) {
        String[] words = new String[Math.min(spans.size(), MAX_TERMS_PER_RULE)];
        int count = 0;
        for (int i = 0; i < spans.size() && count < words.length; i++) {
            String word = text.surface(spans.first(i), spans.last(i));
            if (indexOf(words, count, word) < 0) {
                words[count++] = word;
            }
        }
        return List.of(count == words.length ? words : Arrays.copyOf(words, count));
    }

    private static int indexOf(String[] words, int count, String word) {
        for (int i = 0; i < count; i++) {
            if (words[i].equals(word)) {
                return i;
            }
        }
        return -1;
    }
}
