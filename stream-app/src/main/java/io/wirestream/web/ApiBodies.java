package io.wirestream.web;

import io.wirestream.schema.AlertRule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The bodies of the HTTP API's answers, as Jackson writes them: field names and order are what the page reads. */
final class ApiBodies {

    private ApiBodies() {
    }

    /** {@code GET /api/info}. */
    record Info(String applicationId, String state, boolean feedCaughtUp, boolean tokenRequired,
            List<Column> columns) {
    }

    /** {@code GET /api/recent}, and the {@code snapshot} event: each column's newest items first, alerts, rules. */
    record Snapshot(Map<String, List<Item>> columns, List<AlertItem> alerts, List<Rule> rules) {
    }

    /** An alert rule, in {@code GET /api/alert-rules}, the snapshot and the {@code rules} event. */
    record Rule(String id, String name, String query, String subject, Instant createdAt) {

        static Rule of(AlertRule rule) {
            return new Rule(rule.getId(), rule.getName(), rule.getQuery(), rule.getSubject(), rule.getCreatedAt());
        }

        static List<Rule> of(Iterable<AlertRule> rules) {
            List<Rule> list = new ArrayList<>();
            rules.forEach(rule -> list.add(of(rule)));
            return list;
        }
    }

    /** {@code GET /api/counts}: the minutes, and each column's count in each of them with their total. */
    record Counts(List<Instant> minutes, List<Series> series) {

        /** The {@code span} minutes from {@code from}, each column's counts read from {@code byTopic}. */
        static Counts of(Instant from, int span, List<Column> columns, Map<String, Map<Instant, Long>> byTopic) {
            List<Instant> minutes = new ArrayList<>();
            for (int i = 0; i < span; i++) {
                minutes.add(from.plus(i, ChronoUnit.MINUTES));
            }
            List<Series> series = new ArrayList<>();
            for (Column column : columns) {
                Map<Instant, Long> byMinute = byTopic.getOrDefault(column.topic(), Map.of());
                List<Long> counts = minutes.stream().map(minute -> byMinute.getOrDefault(minute, 0L)).toList();
                series.add(new Series(column.id(), column.title(), counts,
                        counts.stream().mapToLong(Long::longValue).sum()));
            }
            return new Counts(minutes, series);
        }
    }

    /** One column's counts per minute, and their sum. */
    record Series(String column, String title, List<Long> counts, long total) {
    }

    /** {@code GET /health} and {@code GET /ready}. */
    record Status(String status) {
    }

    /** The {@code resumed} event: the stream goes on after this id, with no snapshot. */
    record Resumed(String lastEventId) {
    }

    /** The {@code skipped} event: items and alerts not sent live in the last second, and the rate that is. */
    record Skipped(long count, long perSecond) {
    }

    /** The {@code dropped} event, the last of a stream that the server ends: why, in a word and for people. */
    record Dropped(String reason, String message) {
    }

    /** The {@code full} event, the only one of a stream refused: for people, and when the browser tries again. */
    record Full(String error, int viewers, int maxViewers, long retryMillis) {
    }

    /** Every refusal in JSON: what is wrong, for people. */
    record ErrorBody(String error) {
    }
}
