package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schema.Dispatch;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;

/**
 * Our matcher must agree with Lucene itself: for random dispatches and random queries in the supported syntax,
 * a rule matches exactly when Lucene's {@link MemoryIndex}, fed the same fields through the same analyzer,
 * finds the document.
 */
class LuceneAgreementTest {

    private static final List<String> WORDS = List.of("north", "korea", "missiles", "allies", "drills", "u.s.", "seoul");
    private static final WireAnalyzer ANALYZER = new WireAnalyzer();

    @Property(tries = 10000)
    void shouldMatchExactlyWhenLuceneDoes(@ForAll("documents") List<List<String>> sources, @ForAll("queries") String query)
            throws Exception {
        String headline = String.join(" ", sources.get(0));
        List<String> paragraphs = sources.subList(1, sources.size()).stream().map(w -> String.join(" ", w)).toList();
        Dispatch dispatch = new Dispatch();
        dispatch.setHeadline(headline);
        dispatch.setParagraphs(paragraphs);

        Query lucene = QueryCompiler.parse(query);
        QueryNode ours = QueryCompiler.compile(lucene);
        boolean oursMatches = ours.count(AnalyzedText.of(headline, paragraphs), new Spans()) > 0;
        // Keeping only the query's own words must not change the answer: the others are counted, not kept.
        boolean oursOnItsWords = ours.count(AnalyzedText.of(headline, paragraphs, Vocabulary.of(List.of(ours))),
                new Spans()) > 0;

        MemoryIndex index = index(headline, paragraphs);
        boolean luceneMatches = index.search(lucene) > 0;

        assertThat(oursMatches).as("query %s on %s | %s", query, headline, paragraphs).isEqualTo(luceneMatches);
        assertThat(oursOnItsWords).as("query %s on its words of %s | %s", query, headline, paragraphs)
                .isEqualTo(luceneMatches);
    }

    @Property(tries = 500)
    void shouldRouteExactlyTheRulesLuceneMatchesDespiteSkippingRules(@ForAll("documents") List<List<String>> sources,
            @ForAll("ruleQueries") List<String> queries) throws Exception {
        String headline = String.join(" ", sources.get(0));
        List<String> paragraphs = sources.subList(1, sources.size()).stream().map(w -> String.join(" ", w)).toList();
        Dispatch dispatch = new Dispatch();
        dispatch.setHeadline(headline);
        dispatch.setParagraphs(paragraphs);
        StringBuilder yaml = new StringBuilder("subjects:\n");
        for (int i = 0; i < queries.size(); i++) {
            yaml.append("  - {id: s").append(i).append(", topic: t").append(i).append(", threshold: 1, rules: [{id: r")
                    .append(i).append(", query: '").append(queries.get(i)).append("'}]}\n");
        }
        RuleClassifier classifier = new RuleClassifier(RulesLoader.parse(
                yaml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "random"));
        MemoryIndex index = index(headline, paragraphs);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            if (index.search(QueryCompiler.parse(queries.get(i))) > 0) {
                expected.add("s" + i);
            }
        }
        assertThat(RuleClassifierTest.topics(classifier.classify(dispatch))).as("%s on %s | %s", queries, headline,
                paragraphs).containsExactlyElementsOf(expected);
    }

    @Provide
    Arbitrary<List<String>> ruleQueries() {
        return query(2).filter(q -> !q.startsWith("-") || q.contains("+")).list().ofMinSize(1).ofMaxSize(25)
                .filter(LuceneAgreementTest::allValid);
    }

    private static boolean allValid(List<String> queries) {
        for (String query : queries) {
            try {
                QueryCompiler.compile(query);
            } catch (QueryCompiler.InvalidQueryException e) {
                return false;
            }
        }
        return true;
    }

    private static MemoryIndex index(String headline, List<String> paragraphs) {
        MemoryIndex index = new MemoryIndex();
        index.addField(Field.HEADLINE.queryName(), headline, ANALYZER);
        index.addField(Field.TOP.queryName(), headline, ANALYZER);
        if (!paragraphs.isEmpty()) {
            index.addField(Field.LEAD.queryName(), paragraphs.get(0), ANALYZER);
            index.addField(Field.TOP.queryName(), paragraphs.get(0), ANALYZER);
        }
        index.addField(Field.TEXT.queryName(), headline, ANALYZER);
        for (String paragraph : paragraphs) {
            index.addField(Field.BODY.queryName(), paragraph, ANALYZER);
            index.addField(Field.TEXT.queryName(), paragraph, ANALYZER);
        }
        return index;
    }

    @Provide
    Arbitrary<List<List<String>>> documents() {
        Arbitrary<List<String>> source = Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(9);
        return source.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> queries() {
        return query(3);
    }

    private Arbitrary<String> query(int depth) {
        Arbitrary<String> field = Arbitraries.of("", "", "headline:", "lead:", "top:", "body:", "text:");
        Arbitrary<String> term = Arbitraries.oneOf(Arbitraries.of(WORDS).map(w -> w.equals("u.s.") ? "\"u.s.\"" : w),
                Arbitraries.of("missi*", "al*", "dr*", "nort*"));
        Arbitrary<String> phrase = Combinators.combine(Arbitraries.of(WORDS).list().ofMinSize(2).ofMaxSize(3),
                Arbitraries.integers().between(0, 4)).as((words, slop) -> "\"" + String.join(" ", words) + "\""
                        + (slop == 0 ? "" : "~" + slop));
        Arbitrary<String> leaf = Combinators.combine(field, Arbitraries.oneOf(term, phrase)).as((f, q) -> f + q);
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> bool = Combinators.combine(
                Arbitraries.of("+", "", "-").list().ofMinSize(2).ofMaxSize(3),
                Arbitraries.lazy(() -> query(depth - 1)).list().ofSize(3)).as((ops, subs) -> {
                    List<String> clauses = new ArrayList<>();
                    for (int i = 0; i < ops.size(); i++) {
                        clauses.add(ops.get(i) + "(" + subs.get(i) + ")");
                    }
                    if (ops.stream().allMatch("-"::equals)) {
                        clauses.add(subs.get(0));
                    }
                    return String.join(" ", clauses);
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(1, bool));
    }
}
