package io.wirestream.web;

import io.wirestream.schema.Dateline;
import io.wirestream.schema.Dispatch;
import io.wirestream.schema.Routing;
import io.wirestream.schema.Source;
import io.wirestream.schema.SubjectScore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A dispatch as the page reads it: the Avro record's fields by their Avro names, in the schema's order, with its
 * story's life ({@code guid}, {@code providerVersion}, {@code pubStatus}, {@code embargoedUntil}) and then the
 * routing decision last. Optional parts (dateline, source, guid, version, embargo, routing) are null when the
 * dispatch has none.
 */
record DispatchBody(String contentId, String storyKey, int version, boolean urgent, List<String> tags,
        String headline, String headlineRaw, List<String> editorNotes, List<String> bylines, DatelineBody dateline,
        List<String> paragraphs, List<String> emails, boolean endSeen, List<String> relatedHeadlines,
        String language, List<String> flags, Instant receivedAt, Instant publishedAt, SourceBody source,
        String guid, String providerVersion, String pubStatus, Instant embargoedUntil, RoutingBody routing) {

    static DispatchBody of(Dispatch d) {
        return new DispatchBody(d.getContentId(), d.getStoryKey(), d.getVersion(), d.getUrgent(),
                List.copyOf(d.getTags()), d.getHeadline(), d.getHeadlineRaw(), List.copyOf(d.getEditorNotes()),
                List.copyOf(d.getBylines()), DatelineBody.of(d.getDateline()), List.copyOf(d.getParagraphs()),
                List.copyOf(d.getEmails()), d.getEndSeen(), List.copyOf(d.getRelatedHeadlines()), d.getLanguage(),
                List.copyOf(d.getFlags()), d.getReceivedAt(), d.getPublishedAt(), SourceBody.of(d.getSource()),
                d.getGuid(), d.getProviderVersion(), d.getPubStatus() == null ? "usable" : d.getPubStatus(),
                d.getEmbargoedUntil(), RoutingBody.of(d.getRouting()));
    }

    /** The dateline that opens the first paragraph. */
    record DatelineBody(String raw, String city, String country, Integer month, Integer day, LocalDate date,
            String agency) {

        static DatelineBody of(Dateline dateline) {
            return dateline == null ? null : new DatelineBody(dateline.getRaw(), dateline.getCity(),
                    dateline.getCountry(), dateline.getMonth(), dateline.getDay(), dateline.getDate(),
                    dateline.getAgency());
        }
    }

    /** Where the raw dispatch was read. */
    record SourceBody(String topic, int partition, long offset) {

        static SourceBody of(Source source) {
            return source == null ? null : new SourceBody(source.getTopic(), source.getPartition(), source.getOffset());
        }
    }

    /** Why it went where it went: the subjects, every subject's score, the digest of the rules that decided. */
    record RoutingBody(List<String> subjects, List<ScoreBody> scores, String rulesDigest) {

        static RoutingBody of(Routing routing) {
            return routing == null ? null : new RoutingBody(List.copyOf(routing.getSubjects()),
                    routing.getScores().stream().map(ScoreBody::of).toList(), routing.getRulesDigest());
        }
    }

    /** One subject's score against its threshold, with the rules and the words that matched. */
    record ScoreBody(String subject, double score, double threshold, boolean routed, List<String> rules,
            List<String> terms) {

        static ScoreBody of(SubjectScore score) {
            return new ScoreBody(score.getSubject(), score.getScore(), score.getThreshold(), score.getRouted(),
                    List.copyOf(score.getRules()), List.copyOf(score.getTerms()));
        }
    }
}
