package io.wirestream.web;

import io.wirestream.classify.RoutingRecords;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RulesLoader;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.schema.Alert;
import io.wirestream.schema.AlertRule;
import io.wirestream.schema.Dispatch;
import io.wirestream.schema.Source;
import io.wirestream.topology.DeadLetterHeaders;
import io.wirestream.topology.HeldList;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Fixed inputs for the dashboard's JSON: a routed dispatch with a dateline, one with neither dateline, source nor
 * routing, dead letters with and without headers, an alert and two rules. The same inputs before and after a
 * change of how the JSON is made, so that its shape can be compared with the golden files.
 */
final class ApiFixtures {

    static final Instant RECEIVED = Instant.parse("2024-11-29T01:02:03.456Z");
    static final Instant FIRED = Instant.parse("2024-11-29T01:02:04Z");
    static final Instant CREATED = Instant.parse("2024-11-28T09:00:00.001Z");

    private ApiFixtures() {
    }

    /** Parsed and classified with the default rules, as the topology writes it. */
    static Dispatch routed() {
        Dispatch dispatch = parse("(LEAD) N. Korea fires ballistic missile into East Sea\nBy Kim Boram\n"
                + "SEOUL, Nov. 29 (Yonhap) -- North Korea fired a short-range ballistic missile into the East Sea on "
                + "Friday, the Joint Chiefs of Staff said.\nkim@yna.co.kr\n(END)\n", new Source("raw-feed", 1, 7L));
        RuleClassifier classifier = new RuleClassifier(RulesLoader.loadDefault());
        dispatch.setRouting(RoutingRecords.toAvro(classifier.classify(dispatch), classifier.ruleSet()));
        return dispatch;
    }

    /** No dateline, no source, no routing: every optional part null. */
    static Dispatch bare() {
        return parse("K-pop group tops Billboard chart\n"
                + "A K-pop group topped the Billboard 200 chart, its agency said.\n", null);
    }

    private static Dispatch parse(String text, Source source) {
        ParseResult result = new DispatchParser().parse(new RawDispatch(text.getBytes(StandardCharsets.UTF_8),
                RECEIVED, source));
        return ((ParseResult.Parsed) result).dispatch();
    }

    static RecordHeaders deadLetterHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.EXCEPTION, utf8(DeadLetterHeaders.PARSE_FAILURE));
        headers.add(DeadLetterHeaders.MESSAGE, utf8("markup, not a dispatch: <html> \"quoted\""));
        headers.add(DeadLetterHeaders.TOPIC, utf8("raw-feed"));
        headers.add(DeadLetterHeaders.PARTITION, utf8("2"));
        headers.add(DeadLetterHeaders.OFFSET, utf8("41"));
        headers.add(DeadLetterHeaders.REASON, utf8("MARKUP"));
        return headers;
    }

    /** Markup, then a byte that is not UTF-8: the preview shows a replacement character. */
    static byte[] deadLetterValue() {
        byte[] text = utf8("<html><script>window.pwned=4</script>");
        byte[] value = new byte[text.length + 2];
        System.arraycopy(text, 0, value, 0, text.length);
        value[text.length] = (byte) 0x92;
        value[text.length + 1] = 'x';
        return value;
    }

    static Alert alert() {
        return new Alert("missiles-3f2a9c", "Missiles <b>", "\"ballistic missile\"", null,
                List.of("ballistic missile"), FIRED, routed());
    }

    static AlertRule anyRule() {
        return new AlertRule("missiles-3f2a9c", "Missiles <b>", "\"ballistic missile\"", null, CREATED);
    }

    static AlertRule subjectRule() {
        return new AlertRule("camp-humphreys-00aa11", "Camp Humphreys", "\"Camp Humphreys\" OR Pyeongtaek",
                "north-korea", CREATED);
    }

    /** The one dispatch the fixtures' backend holds back: embargoed, its release time set. */
    static final HeldList.Entry HELD = new HeldList.Entry("urn:example:1", "Fertility rate falls to record low",
            Instant.parse("2024-02-28T03:00:00Z"), false, List.of("economy"));

    /**
     * A backend that says what it is told: ready (state RUNNING) or not (REBALANCING), and counts for a span;
     * it holds {@link #HELD}.
     */
    static DashboardServer.Backend backend(BooleanSupplier ready,
            BiFunction<Instant, Instant, Map<String, Map<Instant, Long>>> counts) {
        return new DashboardServer.Backend() {
            @Override
            public boolean ready() {
                return ready.getAsBoolean();
            }

            @Override
            public boolean alive() {
                return true;
            }

            @Override
            public String state() {
                return ready.getAsBoolean() ? "RUNNING" : "REBALANCING";
            }

            @Override
            public Map<String, Map<Instant, Long>> counts(Instant from, Instant to) {
                return counts.apply(from, to);
            }

            @Override
            public List<HeldList.Entry> held() {
                return List.of(HELD);
            }
        };
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
