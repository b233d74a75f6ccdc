package io.wirestream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.input.Timestamps;
import io.wirestream.schema.Dispatch;
import io.wirestream.testing.KoreanCorpus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every dispatch of the Korean corpus, every part, read by the Korean service's conventions: a dateline-byline with
 * reporters, the day of the lead resolved to the Seoul day of the received time (or, abroad, the local day, one behind at most), tags off the headline, no caption or credit among
 * the paragraphs, e-mails, and the end mark.
 */
class KoreanCorpusParsingTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private final DispatchParser parser = new DispatchParser();

    @TestFactory
    Stream<DynamicTest> shouldReadEveryKoreanDispatchByTheKoreanConventions() {
        return KoreanCorpus.all().stream()
                .map(node -> DynamicTest.dynamicTest(node.get("id").asText(), () -> check(node)));
    }

    private void check(JsonNode node) {
        Instant received = Timestamps.parse(node.get("received_at").asText());
        String text = node.get("text").asText();
        ParseResult result = parser.parse(RawDispatch.of(text.getBytes(StandardCharsets.UTF_8), received));
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        Dispatch dispatch = ((ParseResult.Parsed) result).dispatch();

        assertThat(dispatch.getLanguage()).isEqualTo("ko");
        assertThat(dispatch.getEndSeen()).isTrue();
        assertThat(dispatch.getEmails()).isNotEmpty().allMatch(e -> e.endsWith("@yna.co.kr"));
        assertThat(dispatch.getHeadline()).doesNotEndWith(")").doesNotStartWith("[");
        assertThat(dispatch.getParagraphs()).hasSizeGreaterThanOrEqualTo(2).noneMatch(p -> p.startsWith("(")
                && p.contains("=연합뉴스)")).noneMatch(p -> p.startsWith("[")).noneMatch(p -> p.contains("@"));
        if ("editorial".equals(dispatch.getGenre())) {
            assertThat(dispatch.getDateline()).isNull();
            assertThat(dispatch.getFlags()).containsExactly(Flag.MISSING_DATELINE.name());
            return;
        }
        assertThat(dispatch.getFlags()).isEmpty();
        assertThat(dispatch.getBylines()).isNotEmpty();
        assertThat(dispatch.getDateline().getAgency()).isEqualTo("연합뉴스");
        assertThat(dispatch.getDateline().getCity()).isNotBlank();
        LocalDate seoulDay = LocalDate.ofInstant(received, SEOUL);
        boolean localDay = dispatch.getParagraphs().get(0).contains("일(현지시간)");
        List<LocalDate> allowed = localDay ? List.of(seoulDay, seoulDay.minusDays(1)) : List.of(seoulDay);
        assertThat(dispatch.getDateline().getDate()).isIn(allowed);
        assertThat(dispatch.getPublishedAt()).isEqualTo(received);
    }
}
