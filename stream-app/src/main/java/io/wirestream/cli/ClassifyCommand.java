package io.wirestream.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.wirestream.classify.Classification;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RuleSet;
import io.wirestream.classify.RulesException;
import io.wirestream.classify.RulesLoader;
import io.wirestream.classify.Subject;
import io.wirestream.dispatch.DispatchJson;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.input.InputRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirestream classify}: parses and classifies dispatches, printing each decision as JSON. */
@Command(name = "classify",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Classifies wire dispatches by subject and prints one JSON object per dispatch on stdout: "
                    + "{\"id\", \"origin\", \"status\": \"routed\" | \"unrouted\" | \"dead-letter\", \"topics\": "
                    + "[subject ids], \"headline\", \"matches\": {subject: {score, rules, terms}}}.",
            "",
            "Try a changed rules file against an archive before deploying it: "
                    + "wirestream classify --rules my-rules.yaml archive/",
            "A summary goes to stderr."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every input was read (dead letters included)",
            "1:some input could not be read, or the rules file is invalid",
            "2:invalid command line"})
final class ClassifyCommand implements Callable<Integer> {

    private static final String ROUTED = "routed";
    private static final String UNROUTED = "unrouted";

    @Spec
    private CommandSpec spec;

    @Mixin
    InputOptions inputs;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Rules file (YAML). Default: the bundled rules (print them with 'wirestream rules show').")
    private Path rulesFile;

    @Option(names = "--explain",
            description = "Also show every subject any rule matched for or against, with each rule's weight, "
                    + "count and words, routed or not.")
    private boolean explain;

    @Override
    public Integer call() {
        RuleSet rules;
        try {
            rules = RulesLoader.loadOrDefault(rulesFile);
        } catch (RulesException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        RuleClassifier classifier = new RuleClassifier(rules);
        Tally tally = new Tally();
        Map<String, Integer> perSubject = new LinkedHashMap<>();
        rules.subjects().forEach(subject -> perSubject.put(subject.id(), 0));
        try (JsonLines out = new JsonLines(spec.commandLine().getOut())) {
            inputs.parseEach((record, result) -> {
                tally.read();
                out.write(json -> write(json, record, result, classifier, tally, perSubject));
            });
        }
        tally.print(spec.commandLine().getErr(), ROUTED, UNROUTED, Tally.DEAD_LETTERED);
        spec.commandLine().getErr().println("per subject: " + Tally.format(perSubject));
        return tally.any(ParseCommand.UNREADABLE) ? 1 : 0;
    }

    private void write(JsonGenerator json, InputRecord record, ParseResult result, RuleClassifier classifier,
            Tally tally, Map<String, Integer> perSubject) throws IOException {
        String id = ParseCommand.idOf(record, result);
        if (result == null) {
            DispatchJson.writeDeadLetter(json, id, record.origin(), ParseCommand.UNREADABLE, record.error());
            tally.deadLetter(ParseCommand.UNREADABLE);
            return;
        }
        if (result instanceof ParseResult.Failed failed) {
            DispatchJson.writeDeadLetter(json, id, record.origin(), failed.reason().name(), failed.message());
            tally.deadLetter(failed.reason().name());
            return;
        }
        var dispatch = ((ParseResult.Parsed) result).dispatch();
        Classification decision = classifier.classify(dispatch);
        tally.outcome(decision.isRouted() ? ROUTED : UNROUTED);
        json.writeStartObject();
        json.writeStringField("id", id);
        json.writeStringField("origin", record.origin());
        json.writeStringField("status", decision.isRouted() ? ROUTED : UNROUTED);
        json.writeArrayFieldStart("topics");
        for (Classification.SubjectScore score : decision.routed()) {
            json.writeString(score.subject().id());
            perSubject.merge(score.subject().id(), 1, Integer::sum);
        }
        json.writeEndArray();
        json.writeStringField("headline", dispatch.getHeadline());
        json.writeObjectFieldStart("matches");
        for (Classification.SubjectScore score : explain ? decision.scores() : decision.routed()) {
            writeScore(json, score);
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void writeScore(JsonGenerator json, Classification.SubjectScore score) throws IOException {
        Subject subject = score.subject();
        json.writeObjectFieldStart(subject.id());
        json.writeNumberField("score", score.score());
        if (explain) {
            json.writeNumberField("threshold", subject.threshold());
            json.writeBooleanField("routed", score.routed());
            json.writeArrayFieldStart("rules");
            for (Classification.RuleMatch rule : score.rules()) {
                json.writeStartObject();
                json.writeStringField("id", rule.ruleId());
                json.writeNumberField("weight", rule.weight());
                json.writeNumberField("count", rule.count());
                DispatchJson.writeStrings(json, "terms", rule.terms());
                json.writeEndObject();
            }
            json.writeEndArray();
        } else {
            DispatchJson.writeStrings(json, "rules", score.rules().stream().map(Classification.RuleMatch::ruleId).toList());
        }
        DispatchJson.writeStrings(json, "terms", score.terms());
        json.writeEndObject();
    }
}
