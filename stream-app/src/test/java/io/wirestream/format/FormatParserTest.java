package io.wirestream.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.FailureReason;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.ParserConfig;
import io.wirestream.dispatch.RawDispatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The front of the format layer: one fate per item, exact accounting, the item limit, hints and sizes. */
class FormatParserTest {

    private static final Instant RECEIVED = Instant.parse("2024-01-22T00:00:00Z");

    @Test
    void shouldReadTheItemsUpToTheLimitAndAccountForTheRestWithOneFailure() {
        // Given a feed of five items and a limit of three items per document
        FormatParser parser = new FormatParser(ParserConfig.defaults(), 3);
        RawDispatch raw = raw(rss(5));

        // When it is parsed
        ParsedDocument document = parser.parseAll(raw, null);

        // Then three items are read, and one TOO_MANY_ITEMS failure says which were not
        assertThat(document.itemCount()).isEqualTo(5);
        assertThat(document.dispatches()).extracting(d -> d.getHeadline())
                .containsExactly("Story 1 of the day", "Story 2 of the day", "Story 3 of the day");
        assertThat(document.results()).hasSize(4);
        ParseResult.Failed rest = document.failures().get(0);
        assertThat(rest.reason()).isEqualTo(FailureReason.TOO_MANY_ITEMS);
        assertThat(rest.message()).contains("holds 5 items", "items 4 to 5 were not", "limit of 3 items");
    }

    @Test
    void shouldApplyTheLimitToTheItemsOfANewsMessage() {
        // Given a newsMessage of four newsItems and a limit of two
        String items = IntStream.rangeClosed(1, 4).mapToObj(i -> "<newsItem guid='g" + i + "' version='1'>"
                + "<contentMeta><headline>Item " + i + " headline</headline></contentMeta><contentSet><inlineData>"
                + "SEOUL -- Body " + i + ".</inlineData></contentSet></newsItem>").collect(Collectors.joining());
        String message = "<newsMessage xmlns='http://iptc.org/std/nar/2006-10-01/'><itemSet>" + items
                + "</itemSet></newsMessage>";

        // When parsed
        ParsedDocument document = new FormatParser(ParserConfig.defaults(), 2).parseAll(raw(message), null);

        // Then two dispatches and one failure for the other two
        assertThat(document.itemCount()).isEqualTo(4);
        assertThat(document.dispatches()).extracting(d -> d.getGuid()).containsExactly("g1", "g2");
        assertThat(document.failures()).singleElement().extracting(ParseResult.Failed::reason)
                .isEqualTo(FailureReason.TOO_MANY_ITEMS);
    }

    @Test
    void shouldGiveEachFailedItemItsOwnStableId() {
        // Given a feed whose items all lack a title
        byte[] feed = "<rss><channel><item><description>a</description></item><item><description>b</description></item>"
                .concat("</channel></rss>").getBytes(StandardCharsets.UTF_8);

        // When it is parsed twice
        ParsedDocument once = new FormatParser().parseAll(RawDispatch.of(feed, RECEIVED), null);
        ParsedDocument twice = new FormatParser().parseAll(RawDispatch.of(feed.clone(), RECEIVED), null);

        // Then each item has a failure of its own, with an id distinct from the other's and the same each time
        assertThat(once.failures()).hasSize(2);
        assertThat(once.failures().get(0).id()).isNotEqualTo(once.failures().get(1).id());
        assertThat(once.results()).isEqualTo(twice.results());
    }

    @Test
    void shouldRefuseADocumentBrokenAfterItsItemsWholeRatherThanDeliverHalf() {
        // Given a feed whose first item is fine and whose end is broken
        String feed = rss(1).replace("</channel></rss>", "<item><title>t</title></channel></rss>");

        // When parsed
        ParsedDocument document = new FormatParser().parseAll(raw(feed), null);

        // Then the whole document is one MALFORMED_XML failure
        assertThat(document.itemCount()).isZero();
        assertThat(document.failures()).singleElement().extracting(ParseResult.Failed::reason)
                .isEqualTo(FailureReason.MALFORMED_XML);
        assertThat(document.dispatches()).isEmpty();
    }

    @Test
    void shouldReadPlainTextExactlyAsTheTextParserDoes() {
        // Given a Yonhap dispatch
        RawDispatch raw = raw("(LEAD) S. Korea wins gold\nBy Kim Boram\nSEOUL, Oct. 8 (Yonhap) -- South Korea won.\n"
                + "kbr@yna.co.kr\n(END)\n-\nOther story");

        // When read by the format layer and by the text parser
        ParsedDocument document = new FormatParser().parseAll(raw, null);

        // Then the results are the same
        assertThat(document.format()).isEqualTo(Format.YONHAP_TEXT);
        assertThat(document.single()).isEqualTo(new DispatchParser().parse(raw));
    }

    @Test
    void shouldTakeTheFormatTheHintNamesEvenAgainstTheBytes() {
        // Given a ninjs item announced as RSS
        RawDispatch raw = raw("{\"uri\": \"urn:x\", \"headline\": \"h\", \"body_text\": \"b\"}");

        // When parsed with that hint
        ParsedDocument document = new FormatParser().parseAll(raw, "application/rss+xml");

        // Then it is read as RSS, and is no XML
        assertThat(document.format()).isEqualTo(Format.RSS);
        assertThat(document.failures()).singleElement().satisfies(failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.MALFORMED_XML);
            assertThat(failed.message()).startsWith("line 1, column 1: ");
        });
    }

    @Test
    void shouldRefuseEmptyAndOversizedInputBeforeLookingAtIt() {
        // Given no bytes, and more bytes than the limit
        FormatParser parser = new FormatParser(ParserConfig.defaults().withMaxBytes(100));

        // When parsed, then each is one failure with no format
        ParsedDocument empty = parser.parseAll(RawDispatch.of(new byte[0], RECEIVED), "rss");
        ParsedDocument large = parser.parseAll(raw("{\"uri\": \"" + "x".repeat(200) + "\"}"), null);
        assertThat(empty.format()).isNull();
        assertThat(empty.single()).extracting(r -> ((ParseResult.Failed) r).reason()).isEqualTo(FailureReason.EMPTY);
        assertThat(large.format()).isNull();
        assertThat(large.single()).extracting(r -> ((ParseResult.Failed) r).reason())
                .isEqualTo(FailureReason.TOO_LARGE);
    }

    @Test
    void shouldRefuseAnUnknownFormatWithTheReason() {
        ParsedDocument document = new FormatParser().parseAll(raw("<NewsML><NewsItem/></NewsML>"), null);

        assertThat(document.format()).isNull();
        assertThat(document.failures()).singleElement().satisfies(failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.UNSUPPORTED_FORMAT);
            assertThat(failed.message()).contains("<NewsML>");
        });
    }

    @Test
    void shouldRefuseAStoryFormatForcedOnAnotherVocabulary() {
        // Given an Atom entry, forced to be read as NITF
        ParsedDocument document = new FormatParser().parseAll(raw("<entry xmlns='http://www.w3.org/2005/Atom'/>"),
                "nitf");

        // Then the root is named in an UNSUPPORTED_FORMAT failure
        assertThat(document.failures()).singleElement().satisfies(failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.UNSUPPORTED_FORMAT);
            assertThat(failed.message()).contains("<entry>");
        });
    }

    @Test
    void shouldKeepTheNewsItemsMetadataOverThatOfTheNitfItCarries() {
        // Given a NewsML-G2 item whose inline NITF has a head of its own
        String item = "<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/' guid='g2-guid' version='2'>"
                + "<contentMeta><urgency>4</urgency><headline>The item's headline</headline></contentMeta>"
                + "<contentSet><inlineXML><nitf><head><docdata management-status='canceled'><doc-id id-string='nitf-id'/>"
                + "<urgency ed-urg='1'/></docdata></head><body><body.content><p>SEOUL -- Text.</p></body.content>"
                + "</body></nitf></inlineXML></contentSet></newsItem>";

        // When parsed
        ParsedDocument document = new FormatParser().parseAll(raw(item), null);

        // Then the item's id, urgency and status stand, and the NITF gives only its body
        assertThat(document.dispatches()).singleElement().satisfies(d -> {
            assertThat(d.getGuid()).isEqualTo("g2-guid");
            assertThat(d.getUrgency()).isEqualTo(4);
            assertThat(d.getPubStatus()).isEqualTo("usable");
            assertThat(d.getParagraphs()).containsExactly("Text.");
        });
    }

    static String rss(int items) {
        StringBuilder feed = new StringBuilder("<rss version='2.0'><channel><title>t</title>");
        for (int i = 1; i <= items; i++) {
            feed.append("<item><title>Story ").append(i).append(" of the day</title><guid>id-").append(i)
                    .append("</guid><description>SEOUL, Jan. 22 (Yonhap) -- Paragraph of story ").append(i)
                    .append(".</description></item>");
        }
        return feed.append("</channel></rss>").toString();
    }

    private static RawDispatch raw(String text) {
        return RawDispatch.of(text.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }
}
