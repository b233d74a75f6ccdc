package io.wirestream.dispatch;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Infers the year of a dateline and the publish time of a dispatch (section 5 of {@code docs/parsing.md}). */
final class DatelineDates {

    /** A dateline may be ahead of the received date by time zones or an early release. */
    private static final int MAX_DAYS_AHEAD = 2;
    /** Received up to this many days after the dateline date still counts as live traffic. */
    private static final int LIVE_DAYS_AFTER = 1;

    private DatelineDates() {
    }

    /**
     * Of month/day in the year before, the year of and the year after {@code receivedAt}, the latest date no
     * more than two days after the received date; null when none exists or nothing is known.
     */
    static LocalDate resolve(int month, int day, Instant receivedAt, ZoneId zone) {
        if (month == 0 || receivedAt == null) {
            return null;
        }
        LocalDate received = LocalDate.ofInstant(receivedAt, zone);
        LocalDate latestAllowed = received.plusDays(MAX_DAYS_AHEAD);
        for (int year = received.getYear() + 1; year >= received.getYear() - 1; year--) {
            LocalDate candidate = dateOrNull(year, month, day);
            if (candidate != null && !candidate.isAfter(latestAllowed)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The date of a day of the month given alone, as Korean leads give it ({@code 27일}): of that day in the month
     * of two days after the received date and in the month before, the latest no more than two days after the
     * received date; null when neither month has the day or nothing is known.
     */
    static LocalDate resolveDay(int day, Instant receivedAt, ZoneId zone) {
        if (day == 0 || receivedAt == null) {
            return null;
        }
        LocalDate latestAllowed = LocalDate.ofInstant(receivedAt, zone).plusDays(MAX_DAYS_AHEAD);
        for (YearMonth month = YearMonth.from(latestAllowed), last = month.minusMonths(1); !month.isBefore(last);
                month = month.minusMonths(1)) {
            if (month.isValidDay(day) && !month.atDay(day).isAfter(latestAllowed)) {
                return month.atDay(day);
            }
        }
        return null;
    }

    /** {@code receivedAt} for live traffic, the start of the dateline date for archives, else null. */
    static Instant publishedAt(LocalDate date, Instant receivedAt, ZoneId zone) {
        if (date == null) {
            return null;
        }
        if (receivedAt != null) {
            long daysAfter = ChronoUnit.DAYS.between(date, LocalDate.ofInstant(receivedAt, zone));
            if (daysAfter >= -MAX_DAYS_AHEAD && daysAfter <= LIVE_DAYS_AFTER) {
                return receivedAt;
            }
        }
        return date.atStartOfDay(zone).toInstant();
    }

    private static LocalDate dateOrNull(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
