package io.wirestream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schema.Dispatch;
import io.wirestream.schema.Source;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Behaviour of the parser as a component; the wire conventions themselves are covered by parser-cases/. */
class DispatchParserTest {

    private static final Instant RECEIVED = Instant.parse("2023-11-20T06:00:00Z");
    private static final String STORY = """
            (LEAD) S. Korea, U.S. wrap up combined air drills
            By Kim Han-joo
            SEOUL, Nov. 20 (Yonhap) -- South Korea and the United States wrapped up a five-day combined air exercise Monday.
            About 100 aircraft took part, the Air Force said.
            khj@yna.co.kr
            (END)
            """;

    private final DispatchParser parser = new DispatchParser();

    @Test
    void shouldCarryReceivedTimeAndSourceIntoTheRecord() {
        Source source = new Source("raw-feed", 3, 42L);
        Dispatch dispatch = parsed(new RawDispatch(bytes(STORY), RECEIVED, source));
        assertThat(dispatch.getSource()).isEqualTo(source);
        assertThat(dispatch.getReceivedAt()).isEqualTo(RECEIVED);
        assertThat(dispatch.getPublishedAt()).isEqualTo(RECEIVED);
        assertThat(dispatch.getVersion()).isEqualTo(1);
    }

    @Test
    void shouldGiveAKillNoticeTheKeyOfTheStoryItNamesInItsHeadline() {
        String story = "S. Korea, U.S. wrap up combined air drills";
        Dispatch original = parsed(RawDispatch.of(bytes(STORY), RECEIVED));
        Dispatch killWord = parsed(RawDispatch.of(bytes("KILL -- " + story
                + "\n(ATTN: the story is killed.)\n(END)\n"), RECEIVED));
        Dispatch killTag = parsed(RawDispatch.of(bytes("(WITHDRAWAL) " + story + "\n(END)\n"), RECEIVED));
        Dispatch news = parsed(RawDispatch.of(bytes("Kill switch " + story
                + "\nSEOUL, Nov. 20 (Yonhap) -- Text.\n(END)\n"), RECEIVED));

        assertThat(killWord.getPubStatus()).isEqualTo("canceled");
        assertThat(killWord.getHeadline()).as("the notice keeps its own headline").startsWith("KILL -- ");
        assertThat(killWord.getStoryKey()).isEqualTo(original.getStoryKey()).isEqualTo(killTag.getStoryKey());
        assertThat(news.getStoryKey()).as("a headline that opens with 'Kill' is news")
                .isNotEqualTo(original.getStoryKey());
    }

    @Test
    void shouldApplyTheConfiguredSizeLimitInclusively() {
        byte[] story = bytes(STORY);
        DispatchParser exact = new DispatchParser(ParserConfig.defaults().withMaxBytes(story.length));
        DispatchParser smaller = new DispatchParser(ParserConfig.defaults().withMaxBytes(story.length - 1));
        assertThat(exact.parse(RawDispatch.of(story, RECEIVED))).isInstanceOf(ParseResult.Parsed.class);
        ParseResult tooLarge = smaller.parse(RawDispatch.of(story, RECEIVED));
        assertThat(tooLarge).isInstanceOfSatisfying(ParseResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.TOO_LARGE);
            assertThat(failed.message()).contains(String.valueOf(story.length));
        });
    }

    @Test
    void shouldDefaultToOneMebibyte() {
        assertThat(parser.config().maxBytes()).isEqualTo(1_048_576);
        byte[] big = bytes("Headline\nSEOUL -- " + "x".repeat(1_048_576));
        assertThat(reasonOf(big)).isEqualTo(FailureReason.TOO_LARGE);
    }

    @Test
    void shouldGiveTheSameFailureIdToTheSameBadBytes() {
        byte[] bad = {'H', 'i', '\n', (byte) 0xFF};
        ParseResult first = parser.parse(RawDispatch.of(bad, RECEIVED));
        ParseResult second = parser.parse(RawDispatch.of(bad.clone(), null));
        assertThat(first).isEqualTo(second);
        assertThat(first.id()).matches("[0-9a-f]{32}");
        assertThat(((ParseResult.Failed) first).message()).contains("0xFF").contains("offset 3");
    }

    @Test
    void shouldSayWhyAHeadlineIsMissing() {
        ParseResult result = parser.parse(RawDispatch.of(
                bytes("SEOUL, Nov. 20 (Yonhap) -- South Korea said Monday it will hold talks.\nkhj@yna.co.kr\n(END)"),
                RECEIVED));
        assertThat(result).isInstanceOfSatisfying(ParseResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.NO_HEADLINE);
            assertThat(failed.message()).contains("dateline");
        });
    }

    @Test
    void shouldTellBinaryFromTextWithAFewStrayControls() {
        String noisy = STORY.replace("About", "About\u0007");
        assertThat(parsed(RawDispatch.of(bytes(noisy), RECEIVED)).getFlags()).containsExactly("CONTROL_CHARS_REMOVED");
        String binary = "Headline\n" + "\u0001\u0002\u0003x".repeat(50);
        assertThat(reasonOf(bytes(binary))).isEqualTo(FailureReason.BINARY);
    }

    @Test
    void shouldNotMistakeParenthesesInsideAHeadlineForTags() {
        Dispatch dispatch = parsed(RawDispatch.of(
                bytes("(News Focus) Exports (excluding chips) rise\nSEOUL -- Exports rose.\n(END)"), RECEIVED));
        assertThat(dispatch.getTags()).containsExactly("News Focus");
        assertThat(dispatch.getHeadline()).isEqualTo("Exports (excluding chips) rise");
    }

    @Test
    void shouldSurviveMegabyteLinesWithoutBacktrackingBlowUps() {
        String hostileLine = "(".repeat(200_000) + "a@b.".repeat(100_000) + "SEOUL, ".repeat(20_000);
        assertThat(reasonOf(bytes(hostileLine))).isEqualTo(FailureReason.HEADLINE_TOO_LONG);
        Dispatch longBody = parsed(RawDispatch.of(bytes("Headline\n" + hostileLine + "\n(END)"), RECEIVED));
        // Compared as a boolean: a failure message holding the megabyte line would bury the report.
        assertThat(longBody.getParagraphs()).hasSize(1);
        assertThat(longBody.getParagraphs().get(0).equals(hostileLine.strip())).isTrue();
        assertThat(longBody.getFlags()).containsExactly("MISSING_DATELINE");
    }

    @Test
    void shouldRefuseWebPagesButParseKoreanLanguageDispatches() {
        assertThat(reasonOf(bytes("<!DOCTYPE html>\n<html><body><h1>News</h1></body></html>"))).isEqualTo(FailureReason.MARKUP);
        Dispatch korean = parsed(RawDispatch.of(bytes("북한, 동해상으로 탄도미사일 발사\n(서울=연합뉴스) 북한이 오늘 오전 동해상으로 탄도미사일을 발사했다고 합동참모본부가 밝혔다.\n(끝)"), RECEIVED));
        assertThat(korean.getLanguage()).isEqualTo("ko");
        assertThat(korean.getDateline().getCity()).isEqualTo("서울");
        assertThat(korean.getEndSeen()).isTrue();
        assertThat(korean.getFlags()).isEmpty();
    }

    private Dispatch parsed(RawDispatch raw) {
        ParseResult result = parser.parse(raw);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).dispatch();
    }

    private FailureReason reasonOf(byte[] bytes) {
        ParseResult result = parser.parse(RawDispatch.of(bytes, RECEIVED));
        assertThat(result).isInstanceOf(ParseResult.Failed.class);
        return ((ParseResult.Failed) result).reason();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
