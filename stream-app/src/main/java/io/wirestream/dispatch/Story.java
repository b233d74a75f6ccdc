package io.wirestream.dispatch;

import io.wirestream.schema.Dateline;
import io.wirestream.schema.Dispatch;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A story cut into its parts, whatever format it came in, and the steps every format shares on the way to a
 * {@link Dispatch}: dateline, kind, flags, language, publish time and ids (sections 5-7 of
 * {@code docs/parsing.md}).
 */
final class Story {

    final String headlineLine;
    final HeadlineTags head;
    final TextBody body;
    final String contentId;
    final ProviderMeta meta;
    boolean controlsRemoved;
    /** True when the format's own structure closed the story, so that a missing {@code (END)} is no loss. */
    boolean closedByFormat;
    /** A dateline given apart from the text, e.g. NewsML-G2's {@code dateline}; tried after the first paragraph. */
    String datelineText;
    /** The place the story was filed from, e.g. NewsML-G2's {@code located}; the city when no dateline is found. */
    String located;
    /** The language the provider declared (BCP 47); detected from the text when null. */
    String language;
    /** The publish time the provider gave; the dateline's rule decides when null. */
    Instant publishedAt;
    /** The id a failure gets: the raw bytes' hash, known once per document when it holds many items. */
    Supplier<String> failureId;

    Story(String headlineLine, HeadlineTags head, TextBody body, String contentId, ProviderMeta meta) {
        this.headlineLine = headlineLine;
        this.head = head;
        this.body = body;
        this.contentId = contentId;
        this.meta = meta;
    }

    ParseResult finish(RawDispatch raw, ParserConfig config) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (controlsRemoved) {
            flags.add(Flag.CONTROL_CHARS_REMOVED);
        }
        List<String> paragraphs = body.paragraphs;
        DatelineParser.Match match = null;
        if (!paragraphs.isEmpty()) {
            match = DatelineParser.find(paragraphs.get(0));
            if (match == null) {
                match = KoreanDateline.find(paragraphs.get(0));
            }
            if (match != null) {
                cutDateline(paragraphs, match.rest());
            }
        }
        if (match == null && datelineText != null) {
            match = DatelineParser.findStandalone(NormalizedText.oneLine(datelineText));
        }
        LocalDate date = null;
        Dateline dateline = null;
        if (match != null) {
            date = match.month() != 0
                    ? DatelineDates.resolve(match.month(), match.day(), raw.receivedAt(), config.agencyZone())
                    : DatelineDates.resolveDay(match.day(), raw.receivedAt(), config.agencyZone());
            if (match.day() != 0 && date == null) {
                flags.add(Flag.UNRESOLVED_DATE);
            }
            // A Korean dateline names the reporters: they come first, as a byline line would.
            for (int i = match.bylines().size() - 1; i >= 0; i--) {
                if (!body.bylines.contains(match.bylines().get(i))) {
                    body.bylines.add(0, match.bylines().get(i));
                }
            }
            dateline = toDateline(match, date);
        } else if (located != null && !NormalizedText.oneLine(located).isEmpty()) {
            dateline = locatedOnly(NormalizedText.oneLine(located));
        }
        if (dateline == null && !paragraphs.isEmpty()) {
            flags.add(Flag.MISSING_DATELINE);
        }
        boolean killed = WireKinds.isKill(head.tags, head.headline, body.notes)
                || meta.pubStatus() == PubStatus.CANCELED;
        boolean urgent = head.urgent || Integer.valueOf(ProviderMeta.MOST_URGENT).equals(meta.urgency());
        if (paragraphs.isEmpty()) {
            if (!urgent && !killed) {
                return new ParseResult.Failed(failureId != null ? failureId.get() : raw.rawId(), FailureReason.NO_BODY,
                        "headline with no body; only (URGENT) flashes and kill notices may be headline-only");
            }
            flags.add(Flag.HEADLINE_ONLY);
        }
        if (!body.endSeen && !closedByFormat) {
            flags.add(Flag.MISSING_END);
        }
        Dispatch dispatch = new Dispatch();
        dispatch.setDateline(dateline);
        dispatch.setHeadlineRaw(headlineLine);
        dispatch.setHeadline(head.headline);
        dispatch.setTags(head.tags);
        dispatch.setVersion(head.version);
        dispatch.setUrgent(urgent);
        dispatch.setEditorNotes(body.notes);
        dispatch.setBylines(bylines());
        dispatch.setParagraphs(paragraphs);
        dispatch.setEmails(body.emails);
        dispatch.setEndSeen(body.endSeen);
        dispatch.setRelatedHeadlines(body.related);
        dispatch.setLanguage(language(paragraphs));
        dispatch.setFlags(flagNames(flags));
        dispatch.setReceivedAt(raw.receivedAt());
        dispatch.setPublishedAt(publishedAt != null ? publishedAt
                : DatelineDates.publishedAt(date, raw.receivedAt(), config.agencyZone()));
        dispatch.setSource(raw.source());
        dispatch.setContentId(contentId);
        // A kill notice that names its story in the headline ("KILL -- <headline>") has that story's key.
        dispatch.setStoryKey(ContentHash.ofText(storyKeyText(killed ? WireKinds.killedHeadline(head.headline)
                : head.headline)));
        meta.applyTo(dispatch, WireKinds.genreOf(head.tags), killed ? PubStatus.CANCELED : PubStatus.USABLE);
        return new ParseResult.Parsed(dispatch);
    }

    /** The bylines; an editorial reprint without one is signed by the paper it is reprinted from. */
    private List<String> bylines() {
        String paper = WireKinds.editorialPaper(head.tags);
        if (body.bylines.isEmpty() && paper != null) {
            return new ArrayList<>(List.of(paper));
        }
        return body.bylines;
    }

    private String language(List<String> paragraphs) {
        if (language != null) {
            String tag = NormalizedText.oneLine(language).toLowerCase(Locale.ROOT);
            int cut = tag.indexOf('-') >= 0 ? tag.indexOf('-') : tag.indexOf('_');
            String primary = cut >= 0 ? tag.substring(0, cut) : tag;
            if (primary.length() >= 2 && primary.length() <= 3 && primary.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                return primary;
            }
        }
        return Language.detect(head.headline, paragraphs);
    }

    private static void cutDateline(List<String> paragraphs, String rest) {
        if (rest.isEmpty()) {
            paragraphs.remove(0);
        } else {
            paragraphs.set(0, rest);
        }
    }

    private static Dateline toDateline(DatelineParser.Match match, LocalDate date) {
        Dateline dateline = new Dateline();
        dateline.setRaw(match.raw());
        dateline.setCity(match.city());
        dateline.setCountry(match.country());
        // A Korean lead gives the day alone; its month is the resolved date's.
        dateline.setMonth(match.month() != 0 ? Integer.valueOf(match.month())
                : match.day() != 0 && date != null ? Integer.valueOf(date.getMonthValue()) : null);
        dateline.setDay(match.day() == 0 ? null : match.day());
        dateline.setDate(date);
        dateline.setAgency(match.agency());
        return dateline;
    }

    /** A dateline made of a located place alone: the city in upper case, as datelines write it. */
    private static Dateline locatedOnly(String place) {
        Dateline dateline = new Dateline();
        dateline.setRaw(place);
        int comma = place.indexOf(',');
        dateline.setCity((comma > 0 ? place.substring(0, comma) : place).strip().toUpperCase(Locale.ROOT));
        dateline.setCountry(comma > 0 && comma < place.length() - 1 ? place.substring(comma + 1).strip() : null);
        return dateline;
    }

    private static List<String> flagNames(Set<Flag> flags) {
        List<String> names = new ArrayList<>(flags.size());
        for (Flag flag : flags) {
            names.add(flag.name());
        }
        return names;
    }

    /** Lower case, with every run of characters other than letters and digits made one space. */
    static String storyKeyText(String headline) {
        StringBuilder out = new StringBuilder(headline.length());
        boolean gap = false;
        boolean ascii = true;
        for (int k = 0; k < headline.length(); k++) {
            char c = headline.charAt(k);
            if (Character.isLetterOrDigit(c)) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                gap = false;
                ascii &= c < 0x80;
                // ASCII is lowered as toLowerCase(Locale.ROOT) would lower it, without another copy of the text.
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            } else {
                gap = true;
            }
        }
        return ascii ? out.toString() : out.toString().toLowerCase(Locale.ROOT);
    }
}
