package io.wirestream.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.dispatch.FailureReason;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.ProviderMeta;
import io.wirestream.dispatch.PubStatus;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.dispatch.StoryAssembler;
import io.wirestream.dispatch.StoryDraft;
import io.wirestream.dispatch.TextBlocks;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IPTC ninjs 1.x, 2.x and 3.x: one JSON object per item. 3.x renamed properties to camelCase
 * ({@code versionCreated}, {@code pubStatus}, {@code edNote}, {@code embargoedUntil}); both spellings are read. The
 * mapping, and what is ignored, is in {@code docs/formats.md}.
 */
final class NinjsReader implements FormatReader {

    private final StoryAssembler assembler;

    NinjsReader(StoryAssembler assembler) {
        this.assembler = assembler;
    }

    @Override
    public void read(RawDispatch raw, Items items) {
        JsonNode root = JsonInput.read(raw, items);
        if (items.failed()) {
            return;
        }
        if (root == null || !root.isObject()) {
            items.fail(ParseResult.failure(raw, FailureReason.UNSUPPORTED_FORMAT, "a ninjs item is a JSON object; "
                    + "this is " + (root == null || root.isMissingNode() ? "no JSON value" : "a JSON "
                    + root.getNodeType().name().toLowerCase(Locale.ROOT))));
            return;
        }
        items.add(assembler.assemble(draft(root), raw, items::rawId));
    }

    private static StoryDraft draft(JsonNode item) {
        ProviderMeta meta = ProviderMeta.of(Format.NINJS.id())
                .guid(text(item, "uri"))
                .providerVersion(text(item, "version"))
                .pubStatus(PubStatus.fromCode(text(item, "pubstatus", "pubStatus")))
                .embargoedUntil(ProviderTimes.parse(text(item, "embargoed", "embargoedUntil")))
                .urgency(integer(item.get("urgency")))
                .slugline(text(item, "slugline"));
        for (JsonNode genre : array(item, "genres", "genre")) {
            if (meta.genre() == null) {
                meta.genre(text(genre, "code", "uri", "name", "literal"));
            }
        }
        for (JsonNode subject : array(item, "subjects", "subject")) {
            meta.subject(text(subject, "scheme"), text(subject, "code", "uri", "literal"), text(subject, "name"));
        }
        StoryDraft draft = new StoryDraft(meta)
                .language(text(item, "language"))
                .publishedAt(ProviderTimes.parse(text(item, "versioncreated", "versionCreated")))
                .publishedAt(ProviderTimes.parse(text(item, "firstcreated", "firstCreated")))
                .located(text(item, "located"))
                .editorNote(text(item, "ednote", "edNote"))
                .byline(text(item, "by", "byline"));
        for (JsonNode headline : array(item, "headlines")) {
            String role = text(headline, "role");
            if (role == null || role.equalsIgnoreCase("main")) {
                draft.headline(text(headline, "value"));
            }
        }
        for (JsonNode headline : array(item, "headlines")) {
            draft.headline(text(headline, "value"));
        }
        draft.headline(text(item, "headline")).headline(text(item, "title"));
        readBody(item, draft);
        return draft;
    }

    /** The first body with markup, whose paragraphs are marked, else the first plain one. */
    private static void readBody(JsonNode item, StoryDraft draft) {
        String plain = null;
        for (JsonNode body : array(item, "bodies")) {
            String value = text(body, "value");
            String type = text(body, "contenttype", "contentType");
            if (value != null && isMarkup(type, value)) {
                draft.paragraphs(HtmlParagraphs.of(value));
                return;
            }
            plain = plain == null ? value : plain;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String value = field.getValue().isTextual() ? field.getValue().asText() : null;
            if (!field.getKey().startsWith("body_") || value == null) {
                continue;
            }
            if (!field.getKey().equals("body_text") && isMarkup(field.getKey(), value)) {
                draft.paragraphs(HtmlParagraphs.of(value));
                return;
            }
            plain = plain == null ? value : plain;
        }
        if (plain != null) {
            draft.paragraphs(TextBlocks.paragraphs(plain));
        }
    }

    private static boolean isMarkup(String type, String value) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return t.contains("html") || t.contains("xml") || (!t.contains("plain") && HtmlParagraphs.looksLikeHtml(value));
    }

    /** The first of {@code names} that holds a string or a number, as text; null when none does. */
    static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && (value.isTextual() || value.isNumber())) {
                return value.asText();
            }
        }
        return null;
    }

    /** The array under the first of {@code names} that holds one; a single object counts as an array of one. */
    private static Iterable<JsonNode> array(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && (value.isArray() || value.isObject())) {
                return value.isArray() ? value : List.of(value);
            }
        }
        return List.of();
    }

    private static Integer integer(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        return value.isTextual() ? NewsMlG2Reader.integer(value.asText()) : null;
    }
}
