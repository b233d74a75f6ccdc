package io.wirestream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schema.Dateline;
import io.wirestream.schema.Dispatch;
import io.wirestream.testing.RequiresShared;
import io.wirestream.testing.SharedFixtures;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real dispatch in {@code shared/seed}, checked field by field. */
@RequiresShared
class SeedDispatchTest {

    /** Friday Feb. 6, 2021 in Washington is Saturday morning in Seoul. */
    private static final Instant RECEIVED = Instant.parse("2021-02-06T23:10:00Z");
    private static Dispatch seed;

    @BeforeAll
    static void parseSeed() throws Exception {
        byte[] bytes = Files.readAllBytes(SharedFixtures.seed());
        ParseResult result = new DispatchParser().parse(RawDispatch.of(bytes, RECEIVED));
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        seed = ((ParseResult.Parsed) result).dispatch();
    }

    @Test
    void shouldReadHeadlineWithoutTags() {
        assertThat(seed.getHeadline())
                .isEqualTo("U.S. committed to 'mutually acceptable' SMA deal with S. Korea: State Dept.");
        assertThat(seed.getHeadlineRaw()).isEqualTo(seed.getHeadline());
        assertThat(seed.getTags()).isEmpty();
        assertThat(seed.getVersion()).isZero();
        assertThat(seed.getUrgent()).isFalse();
        assertThat(seed.getEditorNotes()).isEmpty();
    }

    @Test
    void shouldReadByline() {
        assertThat(seed.getBylines()).containsExactly("Byun Duk-kun");
    }

    @Test
    void shouldReadDatelineAndResolveItsYear() {
        Dateline dateline = seed.getDateline();
        assertThat(dateline.getRaw()).isEqualTo("WASHINGTON, Feb. 6 (Yonhap)");
        assertThat(dateline.getCity()).isEqualTo("WASHINGTON");
        assertThat(dateline.getCountry()).isNull();
        assertThat(dateline.getMonth()).isEqualTo(2);
        assertThat(dateline.getDay()).isEqualTo(6);
        assertThat(dateline.getDate()).isEqualTo(LocalDate.of(2021, 2, 6));
        assertThat(dateline.getAgency()).isEqualTo("Yonhap");
    }

    @Test
    void shouldKeepAllTenParagraphsWithDatelineCutFromTheFirst() {
        assertThat(seed.getParagraphs()).hasSize(10);
        assertThat(seed.getParagraphs().get(0)).startsWith("The United States is committed to quickly reaching")
                .endsWith("an official from the U.S. Department of State said Friday.");
        assertThat(seed.getParagraphs().get(3)).isEqualTo("ROK stands for the Republic of Korea, South Korea's official name.");
        assertThat(seed.getParagraphs().get(9)).startsWith("The department official said negotiators")
                .endsWith("in the spirit of the alliance.\"");
        assertThat(seed.getParagraphs()).noneMatch(p -> p.contains("yna.co.kr") || p.contains("(END)"));
    }

    @Test
    void shouldReadEmailAndEndMarker() {
        assertThat(seed.getEmails()).containsExactly("bdk@yna.co.kr");
        assertThat(seed.getEndSeen()).isTrue();
        assertThat(seed.getFlags()).isEmpty();
    }

    @Test
    void shouldKeepTheTenRelatedHeadlinesApartFromTheStory() {
        assertThat(seed.getRelatedHeadlines()).hasSize(10);
        assertThat(seed.getRelatedHeadlines().get(0)).isEqualTo("All BTS members renew contract with BigHit");
        assertThat(seed.getRelatedHeadlines().get(1))
                .isEqualTo("(LEAD) S. Korea stages military parade in downtown Seoul for 1st time in decade");
        assertThat(seed.getRelatedHeadlines().get(9)).startsWith("S. Korea-U.S.-Japan summit outcomes herald");
        assertThat(seed.getRelatedHeadlines()).doesNotContain("-");
        assertThat(seed.getParagraphs()).doesNotContainAnyElementsOf(seed.getRelatedHeadlines());
    }

    @Test
    void shouldTakeReceivedTimeAsPublishTimeForLiveTraffic() {
        assertThat(seed.getLanguage()).isEqualTo("en");
        assertThat(seed.getReceivedAt()).isEqualTo(RECEIVED);
        assertThat(seed.getPublishedAt()).isEqualTo(RECEIVED);
        assertThat(seed.getSource()).isNull();
    }

    @Test
    void shouldDeriveIdsFromTheText() {
        assertThat(seed.getContentId()).matches("[0-9a-f]{32}");
        assertThat(seed.getStoryKey()).matches("[0-9a-f]{32}").isNotEqualTo(seed.getContentId());
    }
}
