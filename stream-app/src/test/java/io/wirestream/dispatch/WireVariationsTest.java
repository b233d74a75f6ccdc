package io.wirestream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schema.Dispatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Wire variations and hostile inputs found in review, each pinned so that it stays fixed. */
class WireVariationsTest {

    private static final Instant RECEIVED = Instant.parse("2023-11-03T06:00:00Z");
    private final DispatchParser parser = new DispatchParser();

    @Test
    void shouldSurviveAnEmailLikeTokenWithThousandsOfLabels() {
        String text = "Headline\nSEOUL -- Text.\nkim@" + "yna.".repeat(20_000) + "kr\n(END)";
        Dispatch dispatch = parsed(text);
        assertThat(dispatch.getEmails()).isEmpty();
        assertThat(dispatch.getParagraphs()).hasSize(2);
    }

    @Test
    void shouldNotEndTheBodyAtALoneEmDash() {
        Dispatch dispatch = parsed("H\nSEOUL, Nov. 3 (Yonhap) -- Text.\n\u2014\nMore story text.\n(END)");
        assertThat(dispatch.getParagraphs()).containsExactly("Text.", "\u2014", "More story text.");
        assertThat(dispatch.getEndSeen()).isTrue();
        assertThat(dispatch.getRelatedHeadlines()).isEmpty();
    }

    @Test
    void shouldKeepASentenceStartingWithByAsAParagraph() {
        Dispatch dispatch = parsed("Prices up 3 pct\nBy the end of the year, prices rose 3 percent and wages fell.\n(END)");
        assertThat(dispatch.getBylines()).isEmpty();
        assertThat(dispatch.getParagraphs()).containsExactly("By the end of the year, prices rose 3 percent and wages fell.");
    }

    @Test
    void shouldDropTheRoleFromABylineAndAcceptByTheNumbersAsAHeadline() {
        Dispatch dispatch = parsed("Talks end\nBy Kim Eun-jung, Yonhap correspondent\nSEOUL -- Talks ended.\n(END)");
        assertThat(dispatch.getBylines()).containsExactly("Kim Eun-jung");
        assertThat(parsed("By the numbers: Korea's exports in 2023\nSEOUL -- Exports rose.\n(END)").getHeadline())
                .isEqualTo("By the numbers: Korea's exports in 2023");
    }

    @Test
    void shouldRefuseADispatchWhoseOnlyParagraphIsADateline() {
        ParseResult result = parser.parse(raw("Headline\nSEOUL, Nov. 3 (Yonhap) --\n(END)"));
        assertThat(result).isInstanceOfSatisfying(ParseResult.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(FailureReason.NO_BODY));
    }

    @Test
    void shouldReadATagWithNoSpaceAfterIt() {
        Dispatch dispatch = parsed("(LEAD)N. Korea fires missile\nSEOUL -- The North fired.\n(END)");
        assertThat(dispatch.getTags()).containsExactly("LEAD");
        assertThat(dispatch.getHeadline()).isEqualTo("N. Korea fires missile");
    }

    @Test
    void shouldReadDatelinesWithAccentsSlashesAndMissingPieces() {
        assertThat(parsed("H\nS\u00C3O PAULO, Brazil, Nov. 3 (Yonhap) -- Text.\n(END)").getDateline().getCity())
                .isEqualTo("S\u00C3O PAULO");
        assertThat(parsed("H\nSEOUL/WASHINGTON, Nov. 3 (Yonhap) -- Text.\n(END)").getDateline().getCity())
                .isEqualTo("SEOUL/WASHINGTON");
        assertThat(parsed("H\nSEOUL, Nov.3 (Yonhap) -- Text.\n(END)").getDateline().getDay()).isEqualTo(3);
        Dispatch noDashes = parsed("H\nPYONGYANG, Oct. 10 (Yonhap) North Korea held a parade.\n(END)");
        assertThat(noDashes.getDateline().getRaw()).isEqualTo("PYONGYANG, Oct. 10 (Yonhap)");
        assertThat(noDashes.getParagraphs()).containsExactly("North Korea held a parade.");
    }

    @Test
    void shouldSeeEndMarkersOnTheHeadlineLineAndWithoutASpace() {
        Dispatch flash = parsed("(URGENT) N. Korea fires ballistic missile: JCS (END)");
        assertThat(flash.getHeadline()).isEqualTo("N. Korea fires ballistic missile: JCS");
        assertThat(flash.getEndSeen()).isTrue();
        assertThat(flash.getFlags()).containsExactly("HEADLINE_ONLY");
        Dispatch tight = parsed("H\nSEOUL -- He said.(END)\n-\nOther story");
        assertThat(tight.getParagraphs()).containsExactly("He said.");
        assertThat(tight.getRelatedHeadlines()).containsExactly("Other story");
    }

    @Test
    void shouldTakeAShortWordBeforeDashesInAHeadlineForAHeadline() {
        assertThat(parsed("BTS -- the K-pop band tops chart again\nSEOUL -- BTS topped the chart.\n(END)").getHeadline())
                .isEqualTo("BTS -- the K-pop band tops chart again");
    }

    @Test
    void shouldNotCallAFlashWithOneStrayControlBinary() {
        Dispatch flash = parsed("(URGENT) N. Korea fires missile\u001a: JCS");
        assertThat(flash.getHeadline()).isEqualTo("N. Korea fires missile: JCS");
        assertThat(flash.getFlags()).containsExactly("CONTROL_CHARS_REMOVED", "HEADLINE_ONLY", "MISSING_END");
    }

    private Dispatch parsed(String text) {
        ParseResult result = parser.parse(raw(text));
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).dispatch();
    }

    private static RawDispatch raw(String text) {
        return RawDispatch.of(text.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }
}
