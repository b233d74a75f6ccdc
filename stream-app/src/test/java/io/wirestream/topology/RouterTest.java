package io.wirestream.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirestream.classify.Classification;
import io.wirestream.classify.Classifier;
import io.wirestream.classify.RuleSet;
import io.wirestream.format.FormatParser;
import io.wirestream.schema.Dispatch;
import io.wirestream.testing.KeywordClassifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The router's decisions, as plain values: no Kafka, no driver. */
class RouterTest {

    private static final Classifier KEYWORDS = KeywordClassifier.of("alliance", "troops", "defense-cost", "cost",
            "north-korea", "missile");
    private static final String SMA = """
            S. Korea, U.S. agree on new defense cost-sharing deal
            SEOUL, Oct. 4 (Yonhap) -- South Korea and the United States agreed on a new deal on the cost of keeping 28,500 U.S. troops here, officials said Friday.
            (END)
            """;
    private static final String KPOP = """
            K-pop group tops Billboard chart
            SEOUL, Oct. 4 (Yonhap) -- A K-pop group topped the Billboard 200 chart for the first time, its agency said.
            (END)
            """;
    private static final long RECEIVED = Instant.parse("2024-10-04T22:00:00Z").toEpochMilli();
    private static final RawRecord.Origin ORIGIN = new RawRecord.Origin("raw-feed", 2, 40);

    private final Router router = new Router(new FormatParser(), KEYWORDS, Map.of(), SeenContent.NONE);

    @Test
    void shouldRouteADispatchToEverySubjectItBelongsToUnderItsStoryKey() {
        Outcome outcome = only(router.route(input(SMA)));

        assertThat(outcome).isInstanceOf(Outcome.Routed.class);
        Outcome.Routed routed = (Outcome.Routed) outcome;
        assertThat(routed.subjects()).containsExactly("alliance", "defense-cost");
        assertThat(routed.key()).isNotBlank().isEqualTo(routed.dispatch().getStoryKey());
        assertThat(routed.dispatch().getRouting().getSubjects()).containsExactly("alliance", "defense-cost");
        assertThat(routed.dispatch().getRouting().getRulesDigest()).isEqualTo("keywords");
        assertThat(routed.dispatch().getSource().getTopic()).isEqualTo("raw-feed");
        assertThat(routed.dispatch().getSource().getPartition()).isEqualTo(2);
        assertThat(routed.dispatch().getSource().getOffset()).isEqualTo(40);
    }

    @Test
    void shouldGiveEveryItemOfAFeedItsOwnFateInDocumentOrder() {
        // Given an RSS feed of two stories, one of them on the alliance, and an item with no text at all
        String feed = """
                <rss version="2.0"><channel><title>Wire</title>
                <item><title>S. Korea, U.S. sign missile defense pact</title><guid>w-1</guid>
                <description>SEOUL, Oct. 4 (Yonhap) -- The allies signed a missile defense pact on Friday.</description></item>
                <item><title>K-pop group tops Billboard chart</title><guid>w-2</guid>
                <description>SEOUL, Oct. 4 (Yonhap) -- A K-pop group topped the chart.</description></item>
                <item><guid>w-3</guid></item>
                </channel></rss>
                """;

        // When
        List<Outcome> outcomes = router.route(input(feed));

        // Then
        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(0)).isInstanceOf(Outcome.Routed.class);
        assertThat(((Outcome.Routed) outcomes.get(0)).dispatch().getGuid()).isEqualTo("w-1");
        assertThat(((Outcome.Routed) outcomes.get(0)).dispatch().getFormat()).isEqualTo("rss");
        assertThat(outcomes.get(1)).isInstanceOf(Outcome.Unrouted.class);
        assertThat(((Outcome.Unrouted) outcomes.get(1)).dispatch().getGuid()).isEqualTo("w-2");
        assertThat(outcomes.get(2)).isInstanceOf(Outcome.DeadLetter.class);
        Outcome.DeadLetter third = (Outcome.DeadLetter) outcomes.get(2);
        assertThat(third.message()).startsWith("item 3 of 3");
        assertThat(third.original()).isEqualTo(bytes(feed));
    }

    @Test
    void shouldReadARecordAsTheFormatItsHeaderNames() {
        // The bytes sniff as Yonhap text; the header says ninjs, so they are read (and refused) as JSON.
        Outcome outcome = only(router.route(new RawRecord(bytes(KPOP), RECEIVED, Optional.of(ORIGIN), "ninjs")));

        assertThat(outcome).isInstanceOf(Outcome.DeadLetter.class);
        assertThat(((Outcome.DeadLetter) outcome).reason()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void shouldCountARepeatedItemAsADuplicateAndRouteTheNewOnesOfTheSameFeed() {
        Set<String> seen = new HashSet<>();
        Router deduplicating = new Router(new FormatParser(), KEYWORDS, Map.of(), id -> !seen.add(id));
        String one = "<rss version=\"2.0\"><channel><title>W</title><item><title>K-pop group tops chart</title>"
                + "<description>SEOUL, Oct. 4 (Yonhap) -- A group topped it.</description></item>";
        String two = "<item><title>BOK holds rate</title><description>SEOUL, Oct. 4 (Yonhap) -- Rates stay."
                + "</description></item>";

        only(deduplicating.route(input(one + "</channel></rss>")));
        List<Outcome> again = deduplicating.route(input(one + two + "</channel></rss>"));

        assertThat(again).hasSize(2);
        assertThat(again.get(0)).isInstanceOf(Outcome.Duplicate.class);
        assertThat(again.get(1)).isInstanceOf(Outcome.Unrouted.class);
    }

    @Test
    void shouldSendADispatchOfNoSubjectToUnrouted() {
        Outcome outcome = only(router.route(input(KPOP)));

        assertThat(outcome).isInstanceOf(Outcome.Unrouted.class);
        Outcome.Unrouted unrouted = (Outcome.Unrouted) outcome;
        assertThat(unrouted.subjects()).isEmpty();
        assertThat(unrouted.dispatch().getRouting().getSubjects()).isEmpty();
        assertThat(unrouted.key()).isEqualTo(unrouted.dispatch().getStoryKey());
    }

    @Test
    void shouldTimeADispatchByItsPublishTimeWhenKnown() {
        Outcome.Delivered delivered = (Outcome.Delivered) only(router.route(input(SMA)));

        assertThat(delivered.timestamp()).isEqualTo(delivered.dispatch().getPublishedAt().toEpochMilli());
    }

    @Test
    void shouldKeepTheInputTimeWhenTheDatelineResolvesBefore1970AndNeverGoBelowZero() {
        String old = "Old story\nSEOUL, Dec. 25 (Yonhap) -- Something happened long ago.\n(END)";

        Outcome.Delivered atEpoch = (Outcome.Delivered) only(router.route(
                new RawRecord(bytes(old), 0, Optional.empty(), null)));
        Outcome.Delivered before = (Outcome.Delivered) only(router.route(
                new RawRecord(bytes(old), -5, Optional.empty(), null)));

        assertThat(atEpoch.timestamp()).isZero();
        assertThat(before.timestamp()).isZero();
    }

    @Test
    void shouldDeadLetterUnparseableInputWithItsOriginalBytesAndTheParsersReason() {
        byte[] bad = {'H', 'i', '\n', (byte) 0x92, '\n'};

        Outcome outcome = only(router.route(new RawRecord(bad, RECEIVED, Optional.of(ORIGIN), null)));

        assertThat(outcome).isInstanceOf(Outcome.DeadLetter.class);
        Outcome.DeadLetter dead = (Outcome.DeadLetter) outcome;
        assertThat(dead.original()).isSameAs(bad);
        assertThat(dead.reason()).isEqualTo("INVALID_UTF8");
        assertThat(dead.exception()).isEqualTo(DeadLetterHeaders.PARSE_FAILURE);
        assertThat(dead.message()).contains("0x92");
    }

    @Test
    void shouldDeadLetterATombstoneAsEmptyKeepingItsNullValue() {
        Outcome outcome = only(router.route(new RawRecord(null, RECEIVED, Optional.of(ORIGIN), null)));

        assertThat(outcome).isInstanceOf(Outcome.DeadLetter.class);
        assertThat(((Outcome.DeadLetter) outcome).reason()).isEqualTo("EMPTY");
        assertThat(((Outcome.DeadLetter) outcome).original()).isNull();
    }

    @Test
    void shouldDeadLetterInputThatBreaksTheClassifierWithTheException() {
        Classifier broken = new Classifier() {
            @Override
            public Classification classify(Dispatch dispatch) {
                throw new IllegalStateException("a bug");
            }

            @Override
            public RuleSet ruleSet() {
                return KEYWORDS.ruleSet();
            }
        };
        Router breaking = new Router(new FormatParser(), broken, Map.of(), SeenContent.NONE);

        Outcome outcome = only(breaking.route(input(KPOP)));

        assertThat(outcome).isInstanceOf(Outcome.DeadLetter.class);
        Outcome.DeadLetter dead = (Outcome.DeadLetter) outcome;
        assertThat(dead.reason()).isEqualTo(DeadLetterHeaders.PROCESSING_ERROR);
        assertThat(dead.exception()).isEqualTo(IllegalStateException.class.getName());
        assertThat(dead.message()).isEqualTo("a bug");
        assertThat(dead.original()).isEqualTo(bytes(KPOP));
    }

    @Test
    void shouldDropContentSeenBeforeAsADuplicateAndAskOnlyForDispatches() {
        Set<String> asked = new HashSet<>();
        Router deduplicating = new Router(new FormatParser(), KEYWORDS, Map.of(), id -> !asked.add(id));

        Outcome first = only(deduplicating.route(input(KPOP)));
        Outcome again = only(deduplicating.route(input(KPOP.replace("\n", "\r\n"))));
        Outcome bad = only(deduplicating.route(input("")));

        assertThat(first).isInstanceOf(Outcome.Unrouted.class);
        assertThat(again).isEqualTo(new Outcome.Duplicate(((Outcome.Unrouted) first).dispatch().getContentId()));
        assertThat(bad).isInstanceOf(Outcome.DeadLetter.class);
        assertThat(asked).hasSize(1);
    }

    @Test
    void shouldLetAFailingDeduplicationStateFailTheRecordRatherThanDeadLetterIt() {
        Router failing = new Router(new FormatParser(), KEYWORDS, Map.of(), id -> {
            throw new IllegalStateException("store closed");
        });

        assertThatThrownBy(() -> only(failing.route(input(KPOP)))).hasMessage("store closed");
    }

    @Test
    void shouldLeaveRecordsAtOrPastABoundedRunsEndAloneOnItsPartitionsOnly() {
        Router bounded = new Router(new FormatParser(), KEYWORDS, Map.of(2, 40L), SeenContent.NONE);

        assertThat(only(bounded.route(at(2, 39)))).isInstanceOf(Outcome.Unrouted.class);
        assertThat(only(bounded.route(at(2, 40)))).isEqualTo(new Outcome.BeyondEnd());
        assertThat(only(bounded.route(at(2, 41)))).isEqualTo(new Outcome.BeyondEnd());
        assertThat(only(bounded.route(at(1, 1000)))).as("a partition not named is unbounded")
                .isInstanceOf(Outcome.Unrouted.class);
        assertThat(only(bounded.route(new RawRecord(bytes(KPOP), RECEIVED, Optional.empty(), null))))
                .as("a record of unknown origin is routed").isInstanceOf(Outcome.Unrouted.class);
    }

    @Test
    void shouldRefuseARoutedOutcomeWithoutSubjects() {
        Outcome.Unrouted unrouted = (Outcome.Unrouted) only(router.route(input(KPOP)));

        assertThatThrownBy(() -> new Outcome.Routed(unrouted.dispatch(), unrouted.key(), 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RawRecord at(int partition, long offset) {
        return new RawRecord(bytes(KPOP), RECEIVED, Optional.of(new RawRecord.Origin("raw-feed", partition, offset)),
                null);
    }

    private static RawRecord input(String text) {
        return new RawRecord(bytes(text), RECEIVED, Optional.of(ORIGIN), null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The one fate of a record that holds one story (or none). */
    private static Outcome only(List<Outcome> outcomes) {
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }
}
