package io.wirestream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DatelineDatesTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void shouldPutDecemberDatelineReceivedInJanuaryInThePreviousYear() {
        Instant received = Instant.parse("2024-01-01T01:00:00Z");
        assertThat(DatelineDates.resolve(12, 31, received, SEOUL)).isEqualTo(LocalDate.of(2023, 12, 31));
    }

    @Test
    void shouldPutJanuaryDatelineReceivedOnNewYearsEveInTheNextYear() {
        // 23:30 UTC on Dec. 31 is already Jan. 1 in Seoul.
        Instant received = Instant.parse("2023-12-31T16:30:00Z");
        assertThat(DatelineDates.resolve(1, 2, received, SEOUL)).isEqualTo(LocalDate.of(2024, 1, 2));
    }

    @Test
    void shouldReadTheSeoulDateOfTheReceivedTime() {
        // 20:00 UTC on March 4 is March 5 in Seoul: a dateline of March 7 is 2 days ahead, still this year.
        Instant received = Instant.parse("2022-03-04T20:00:00Z");
        assertThat(DatelineDates.resolve(3, 7, received, SEOUL)).isEqualTo(LocalDate.of(2022, 3, 7));
        assertThat(DatelineDates.resolve(3, 8, received, SEOUL)).isEqualTo(LocalDate.of(2021, 3, 8));
    }

    @Test
    void shouldResolveLeapDayOnlyInLeapYears() {
        assertThat(DatelineDates.resolve(2, 29, Instant.parse("2024-03-10T00:00:00Z"), SEOUL))
                .isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(DatelineDates.resolve(2, 29, Instant.parse("2023-03-10T00:00:00Z"), SEOUL)).isNull();
        assertThat(DatelineDates.resolve(2, 30, Instant.parse("2024-03-10T00:00:00Z"), SEOUL)).isNull();
    }

    @Test
    void shouldLeaveTheDateOpenWithoutAReferenceTime() {
        assertThat(DatelineDates.resolve(5, 4, null, SEOUL)).isNull();
        assertThat(DatelineDates.publishedAt(null, Instant.EPOCH, SEOUL)).isNull();
    }

    @Test
    void shouldKeepTheReceivedTimeForLiveTrafficAndTheDateForArchives() {
        LocalDate date = LocalDate.of(2021, 2, 6);
        Instant nextMorningInSeoul = Instant.parse("2021-02-06T23:10:00Z");
        assertThat(DatelineDates.publishedAt(date, nextMorningInSeoul, SEOUL)).isEqualTo(nextMorningInSeoul);
        assertThat(DatelineDates.publishedAt(date, Instant.parse("2021-02-09T00:00:00Z"), SEOUL))
                .isEqualTo(Instant.parse("2021-02-05T15:00:00Z"));
        assertThat(DatelineDates.publishedAt(date, null, SEOUL)).isEqualTo(Instant.parse("2021-02-05T15:00:00Z"));
    }

    @Test
    void shouldResolveAKoreanLeadsDayToTheLatestDateNoMoreThanTwoDaysAhead() {
        Instant received = Instant.parse("2024-05-27T16:20:00Z"); // May 28 in Seoul
        assertThat(DatelineDates.resolveDay(28, received, SEOUL)).isEqualTo(LocalDate.of(2024, 5, 28));
        assertThat(DatelineDates.resolveDay(27, received, SEOUL)).isEqualTo(LocalDate.of(2024, 5, 27));
        assertThat(DatelineDates.resolveDay(30, received, SEOUL)).isEqualTo(LocalDate.of(2024, 5, 30));
        // May 31 is three days ahead, and April has no 31st.
        assertThat(DatelineDates.resolveDay(31, received, SEOUL)).isNull();
        assertThat(DatelineDates.resolveDay(31, Instant.parse("2024-11-03T01:00:00Z"), SEOUL))
                .isEqualTo(LocalDate.of(2024, 10, 31));
        assertThat(DatelineDates.resolveDay(1, Instant.parse("2024-01-31T05:00:00Z"), SEOUL))
                .isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(DatelineDates.resolveDay(1, null, SEOUL)).isNull();
    }
}
