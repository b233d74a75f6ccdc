package io.wirestream.dispatch;

import com.fasterxml.jackson.core.JsonGenerator;
import io.wirestream.schema.Dateline;
import io.wirestream.schema.Dispatch;
import io.wirestream.schema.ProviderSubject;
import io.wirestream.schema.Routing;
import io.wirestream.schema.Source;
import io.wirestream.schema.SubjectScore;
import java.io.IOException;
import java.time.Instant;

/**
 * Writes a {@link Dispatch} as plain JSON: the Avro field names, instants as ISO-8601 strings, dates as
 * {@code yyyy-MM-dd}. This is the shape the {@code parse} command prints.
 */
public final class DispatchJson {

    private DispatchJson() {
    }

    /**
     * Writes one parse result as an object: {@code id}, {@code origin}, {@code status} and either the dispatch
     * fields or {@code reason} and {@code message}.
     */
    public static void writeResult(JsonGenerator g, String id, String origin, ParseResult result) throws IOException {
        if (result instanceof ParseResult.Failed failed) {
            writeDeadLetter(g, id, origin, failed.reason().name(), failed.message());
            return;
        }
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("origin", origin);
        g.writeStringField("status", "parsed");
        writeFields(g, ((ParseResult.Parsed) result).dispatch());
        g.writeEndObject();
    }

    /** Writes a dead letter: input that was read but is no dispatch, or input that could not be read. */
    public static void writeDeadLetter(JsonGenerator g, String id, String origin, String reason, String message)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("origin", origin);
        g.writeStringField("status", "dead-letter");
        g.writeStringField("reason", reason);
        g.writeStringField("message", message);
        g.writeEndObject();
    }

    /** Writes the fields of {@code d} into the object that {@code g} has open. */
    public static void writeFields(JsonGenerator g, Dispatch d) throws IOException {
        g.writeStringField("contentId", d.getContentId());
        g.writeStringField("storyKey", d.getStoryKey());
        g.writeNumberField("version", d.getVersion());
        g.writeBooleanField("urgent", d.getUrgent());
        writeStrings(g, "tags", d.getTags());
        g.writeStringField("headline", d.getHeadline());
        g.writeStringField("headlineRaw", d.getHeadlineRaw());
        writeStrings(g, "editorNotes", d.getEditorNotes());
        writeStrings(g, "bylines", d.getBylines());
        writeDateline(g, d.getDateline());
        writeStrings(g, "paragraphs", d.getParagraphs());
        writeStrings(g, "emails", d.getEmails());
        g.writeBooleanField("endSeen", d.getEndSeen());
        writeStrings(g, "relatedHeadlines", d.getRelatedHeadlines());
        g.writeStringField("language", d.getLanguage());
        writeStrings(g, "flags", d.getFlags());
        writeInstant(g, "receivedAt", d.getReceivedAt());
        writeInstant(g, "publishedAt", d.getPublishedAt());
        writeSource(g, d.getSource());
        writeProviderFields(g, d);
    }

    /** The fields the delivery formats add (docs/formats.md), under their Avro names. */
    private static void writeProviderFields(JsonGenerator g, Dispatch d) throws IOException {
        g.writeStringField("format", d.getFormat());
        g.writeStringField("guid", d.getGuid());
        g.writeStringField("providerVersion", d.getProviderVersion());
        g.writeStringField("pubStatus", d.getPubStatus());
        writeInstant(g, "embargoedUntil", d.getEmbargoedUntil());
        writeInteger(g, "urgency", d.getUrgency());
        g.writeStringField("genre", d.getGenre());
        g.writeStringField("slugline", d.getSlugline());
        g.writeArrayFieldStart("providerSubjects");
        if (d.getProviderSubjects() != null) {
            for (ProviderSubject subject : d.getProviderSubjects()) {
                g.writeStartObject();
                g.writeStringField("scheme", subject.getScheme());
                g.writeStringField("code", subject.getCode());
                g.writeStringField("name", subject.getName());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    /** Writes the routing decision as {@code routing}: subjects, scores with rules and terms, rules digest. */
    public static void writeRouting(JsonGenerator g, Routing routing) throws IOException {
        if (routing == null) {
            g.writeNullField("routing");
            return;
        }
        g.writeObjectFieldStart("routing");
        writeStrings(g, "subjects", routing.getSubjects());
        g.writeArrayFieldStart("scores");
        for (SubjectScore score : routing.getScores()) {
            g.writeStartObject();
            g.writeStringField("subject", score.getSubject());
            g.writeNumberField("score", score.getScore());
            g.writeNumberField("threshold", score.getThreshold());
            g.writeBooleanField("routed", score.getRouted());
            writeStrings(g, "rules", score.getRules());
            writeStrings(g, "terms", score.getTerms());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("rulesDigest", routing.getRulesDigest());
        g.writeEndObject();
    }

    private static void writeDateline(JsonGenerator g, Dateline dateline) throws IOException {
        if (dateline == null) {
            g.writeNullField("dateline");
            return;
        }
        g.writeObjectFieldStart("dateline");
        g.writeStringField("raw", dateline.getRaw());
        g.writeStringField("city", dateline.getCity());
        g.writeStringField("country", dateline.getCountry());
        writeInteger(g, "month", dateline.getMonth());
        writeInteger(g, "day", dateline.getDay());
        g.writeStringField("date", dateline.getDate() == null ? null : dateline.getDate().toString());
        g.writeStringField("agency", dateline.getAgency());
        g.writeEndObject();
    }

    private static void writeSource(JsonGenerator g, Source source) throws IOException {
        if (source == null) {
            g.writeNullField("source");
            return;
        }
        g.writeObjectFieldStart("source");
        g.writeStringField("topic", source.getTopic());
        g.writeNumberField("partition", source.getPartition());
        g.writeNumberField("offset", source.getOffset());
        g.writeEndObject();
    }

    public static void writeStrings(JsonGenerator g, String name, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private static void writeInteger(JsonGenerator g, String name, Integer value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static void writeInstant(JsonGenerator g, String name, Instant value) throws IOException {
        g.writeStringField(name, value == null ? null : value.toString());
    }
}
