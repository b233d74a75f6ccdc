package io.wirestream.testing;

import io.wirestream.classify.Classification;
import io.wirestream.classify.Classifier;
import io.wirestream.classify.RuleSet;
import io.wirestream.classify.Subject;
import io.wirestream.schema.Dispatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fixed {@link Classifier} for tests where the real rules are beside the point: a dispatch belongs to a subject
 * when its headline or a paragraph contains the subject's keyword, ignoring case. Each subject writes to the topic
 * of its own name. Decisions list subjects in the order given, like the rules file's.
 */
public final class KeywordClassifier implements Classifier {

    private final Map<Subject, String> keywords = new LinkedHashMap<>();
    private final RuleSet ruleSet;

    private KeywordClassifier(Map<String, String> keywordBySubject) {
        keywordBySubject.forEach((subject, keyword) -> keywords.put(new Subject(subject, subject,
                "dispatches that mention " + keyword, 1.0, List.of()), keyword.toLowerCase(Locale.ROOT)));
        ruleSet = new RuleSet(List.copyOf(keywords.keySet()), "keyword classifier", "keywords");
    }

    /** Subject, keyword, subject, keyword, …: e.g. {@code of("north-korea", "missile", "alliance", "USFK")}. */
    public static KeywordClassifier of(String... subjectsAndKeywords) {
        Map<String, String> keywordBySubject = new LinkedHashMap<>();
        for (int i = 0; i < subjectsAndKeywords.length; i += 2) {
            keywordBySubject.put(subjectsAndKeywords[i], subjectsAndKeywords[i + 1]);
        }
        return new KeywordClassifier(keywordBySubject);
    }

    @Override
    public Classification classify(Dispatch dispatch) {
        String text = (dispatch.getHeadline() + "\n" + String.join("\n", dispatch.getParagraphs()))
                .toLowerCase(Locale.ROOT);
        List<Classification.SubjectScore> scores = new ArrayList<>();
        keywords.forEach((subject, keyword) -> {
            if (text.contains(keyword)) {
                scores.add(new Classification.SubjectScore(subject, 1.0, true,
                        List.of(new Classification.RuleMatch("mentions " + keyword, 1.0, 1, List.of(keyword)))));
            }
        });
        return new Classification(scores);
    }

    @Override
    public RuleSet ruleSet() {
        return ruleSet;
    }
}
