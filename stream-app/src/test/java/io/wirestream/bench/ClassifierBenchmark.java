package io.wirestream.bench;

import io.wirestream.classify.Classification;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RuleSet;
import io.wirestream.classify.RulesException;
import io.wirestream.classify.RulesLoader;
import io.wirestream.classify.Subject;
import io.wirestream.classify.WireAnalyzer;
import io.wirestream.schema.Dispatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to classify one 3 KB dispatch on one thread, with the three default subjects and with 10,000 extra
 * alert queries; beside it, Lucene's own {@link Monitor} given the same queries and the same analyzer.
 * Dispatches are parsed beforehand: this is the classification step alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class ClassifierBenchmark {

    private static final int ALERTS = 10_000;
    private static final int DISPATCHES = 64;

    /** {@code wirestream}: our classifier; {@code monitor}: Lucene Monitor with the same queries. */
    @Param({"wirestream", "monitor"})
    public String engine;

    /** {@code default}: the three shipped subjects; {@code alerts10k}: those plus 10,000 alert queries. */
    @Param({"default", "alerts10k"})
    public String rules;

    private List<Dispatch> dispatches;
    private RuleClassifier classifier;
    private Monitor monitor;
    private List<Document> documents;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException, RulesException, ParseException {
        dispatches = BenchmarkCorpus.dispatches(DISPATCHES, 3 * 1024);
        RuleSet ruleSet = ruleSet();
        if (engine.equals("wirestream")) {
            classifier = new RuleClassifier(ruleSet);
        } else {
            monitor = monitor(ruleSet);
            documents = new ArrayList<>();
            for (Dispatch dispatch : dispatches) {
                documents.add(document(dispatch));
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (monitor != null) {
            monitor.close();
        }
    }

    @Benchmark
    public Object classify() throws IOException {
        int i = next++ & (DISPATCHES - 1);
        if (classifier != null) {
            Classification decision = classifier.classify(dispatches.get(i));
            return decision;
        }
        MatchingQueries<QueryMatch> matches = monitor.match(documents.get(i), QueryMatch.SIMPLE_MATCHER);
        return matches;
    }

    private RuleSet ruleSet() throws RulesException {
        RuleSet defaults = RulesLoader.loadDefault();
        if (rules.equals("default")) {
            return defaults;
        }
        RuleSet alerts = RulesLoader.parse(BenchmarkCorpus.alertRulesYaml(ALERTS, 42).getBytes(StandardCharsets.UTF_8),
                "alerts");
        List<Subject> all = new ArrayList<>(defaults.subjects());
        all.addAll(alerts.subjects());
        return new RuleSet(all, "defaults+alerts", defaults.digest());
    }

    /** A Monitor holding every rule's query, parsed exactly as our loader parses it. */
    private static Monitor monitor(RuleSet ruleSet) throws IOException, ParseException {
        WireAnalyzer analyzer = new WireAnalyzer();
        Monitor monitor = new Monitor(analyzer);
        QueryParser parser = new QueryParser("text", analyzer);
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        List<MonitorQuery> queries = new ArrayList<>();
        for (Subject subject : ruleSet.subjects()) {
            for (var rule : subject.rules()) {
                queries.add(new MonitorQuery(rule.id(), parser.parse(rule.query())));
            }
        }
        monitor.register(queries);
        return monitor;
    }

    private static Document document(Dispatch dispatch) {
        Document document = new Document();
        document.add(new TextField("headline", dispatch.getHeadline(), Store.NO));
        document.add(new TextField("text", dispatch.getHeadline(), Store.NO));
        List<String> paragraphs = dispatch.getParagraphs();
        if (!paragraphs.isEmpty()) {
            document.add(new TextField("lead", paragraphs.get(0), Store.NO));
        }
        for (String paragraph : paragraphs) {
            document.add(new TextField("body", paragraph, Store.NO));
            document.add(new TextField("text", paragraph, Store.NO));
        }
        return document;
    }
}
