package io.wirestream.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Parses a rule's query with Lucene's classic query parser and compiles it to a {@link QueryNode}. Terms without
 * a field search {@link Field#TEXT}; a multi-word term such as {@code F-35A} becomes a phrase.
 */
final class QueryCompiler {

    /** A query that cannot be used, with a message for the rule's author. */
    static final class InvalidQueryException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidQueryException(String message) {
            super(message);
        }
    }

    private static final WireAnalyzer ANALYZER = new WireAnalyzer();

    private QueryCompiler() {
    }

    /** Parses {@code text} as Lucene syntax, words without a field searching {@link Field#TEXT}. */
    static Query parse(String text) throws InvalidQueryException {
        return parse(text, Field.TEXT);
    }

    /** Parses {@code text} as Lucene syntax, words without a field searching {@code defaultField}. */
    static Query parse(String text, Field defaultField) throws InvalidQueryException {
        QueryParser parser = new QueryParser(defaultField.queryName(), ANALYZER);
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        parser.setDefaultOperator(QueryParser.Operator.OR);
        try {
            return parser.parse(text);
        } catch (ParseException e) {
            throw new InvalidQueryException("bad query syntax: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            // The parser throws unchecked errors for some inputs, e.g. too many clauses.
            throw new InvalidQueryException("bad query: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    static QueryNode compile(String text) throws InvalidQueryException {
        return compile(parse(text));
    }

    static QueryNode compile(String text, Field defaultField) throws InvalidQueryException {
        return compile(parse(text, defaultField));
    }

    static QueryNode compile(Query query) throws InvalidQueryException {
        if (query instanceof TermQuery term) {
            return new QueryNode.Term(field(term.getTerm()), word(term.getTerm()));
        }
        if (query instanceof PhraseQuery phrase) {
            return phrase(phrase);
        }
        if (query instanceof PrefixQuery prefix) {
            String text = prefix.getPrefix().text();
            if (text.isEmpty()) {
                throw new InvalidQueryException("a bare * matches everything; give a prefix");
            }
            for (int i = 0; i < text.length(); i++) {
                if (!WireTerms.isTermChar(text.charAt(i))) {
                    throw new InvalidQueryException("the prefix '" + text + "*' is not one word: punctuation splits "
                            + "words here, so it could never match");
                }
            }
            // Words are indexed with plurals folded, so the prefix is too: missiles* finds "missile".
            char[] chars = text.toCharArray();
            return new QueryNode.Prefix(field(prefix.getPrefix()), new String(chars, 0, WireTerms.normalize(chars, chars.length)));
        }
        if (query instanceof BooleanQuery bool) {
            return bool(bool);
        }
        if (query instanceof BoostQuery) {
            throw new InvalidQueryException("boosts (^) are not used; give the rule a weight instead");
        }
        if (query instanceof MatchNoDocsQuery) {
            throw new InvalidQueryException("the query has no searchable words");
        }
        throw new InvalidQueryException("unsupported query: " + query
                + " (use terms, \"phrases\", \"phrases\"~N, prefix*, AND, OR, NOT, +, - and parentheses)");
    }

    private static QueryNode phrase(PhraseQuery phrase) throws InvalidQueryException {
        Term[] terms = phrase.getTerms();
        if (terms.length == 0) {
            throw new InvalidQueryException("empty phrase");
        }
        int[] positions = phrase.getPositions();
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] != i) {
                throw new InvalidQueryException("phrase with gaps: " + phrase);
            }
        }
        Field field = field(terms[0]);
        if (terms.length == 1) {
            return new QueryNode.Term(field, word(terms[0]));
        }
        return new QueryNode.Phrase(field, Arrays.stream(terms).map(QueryCompiler::word).toList(), phrase.getSlop());
    }

    /**
     * A query's word as one shared string: the same word in many rules is one object, so the analysis finds its
     * posting list by identity, before any comparison of characters.
     */
    private static String word(Term term) {
        return term.text().intern();
    }

    private static QueryNode bool(BooleanQuery bool) throws InvalidQueryException {
        List<QueryNode> must = new ArrayList<>();
        List<QueryNode> should = new ArrayList<>();
        List<QueryNode> mustNot = new ArrayList<>();
        for (BooleanClause clause : bool.clauses()) {
            QueryNode node = compile(clause.getQuery());
            switch (clause.getOccur()) {
                case MUST, FILTER -> must.add(node);
                case SHOULD -> should.add(node);
                case MUST_NOT -> mustNot.add(node);
                default -> throw new InvalidQueryException("unknown clause " + clause);
            }
        }
        if (must.isEmpty() && should.isEmpty()) {
            throw new InvalidQueryException("a query of exclusions only (NOT ...) matches nearly everything");
        }
        return new QueryNode.Bool(List.copyOf(must), List.copyOf(should), List.copyOf(mustNot),
                bool.getMinimumNumberShouldMatch());
    }

    private static Field field(Term term) throws InvalidQueryException {
        Field field = Field.fromQueryName(term.field());
        if (field == null) {
            throw new InvalidQueryException("unknown field '" + term.field() + "' (fields: " + Field.names() + ")");
        }
        return field;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
