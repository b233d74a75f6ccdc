package io.wirestream.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The parts of one story as a structured format gives them (NewsML-G2, NITF, ninjs, RSS, Atom), before the
 * steps every dispatch shares. Filled by a format's reader, turned into a dispatch by {@link StoryAssembler}. Text
 * is taken as given; whitespace is collapsed later, so layout line breaks do no harm.
 */
public final class StoryDraft {

    private final ProviderMeta meta;
    private String headline;
    private final List<String> editorNotes = new ArrayList<>(1);
    private final List<String> bylines = new ArrayList<>(2);
    private final List<String> paragraphs = new ArrayList<>(16);
    private String dateline;
    private String located;
    private String language;
    private Instant publishedAt;

    public StoryDraft(ProviderMeta meta) {
        this.meta = Objects.requireNonNull(meta, "meta");
    }

    public ProviderMeta meta() {
        return meta;
    }

    /** Sets the headline unless one is set already: formats list their main headline first. */
    public StoryDraft headline(String value) {
        if (headline == null && value != null && !value.isBlank()) {
            headline = value;
        }
        return this;
    }

    public boolean hasHeadline() {
        return headline != null;
    }

    public StoryDraft editorNote(String note) {
        if (note != null && !note.isBlank()) {
            editorNotes.add(NormalizedText.oneLine(note));
        }
        return this;
    }

    /** Adds one author's name, as given. */
    public StoryDraft author(String name) {
        if (name != null && !name.isBlank()) {
            bylines.add(NormalizedText.oneLine(name));
        }
        return this;
    }

    /**
     * Adds the names of a byline statement ({@code By Yoo Jee-ho and Kim Boram}, with or without the {@code By}),
     * split as a byline line is; a statement that is not a list of names is kept whole.
     */
    public StoryDraft byline(String statement) {
        if (statement == null || statement.isBlank()) {
            return this;
        }
        String line = NormalizedText.oneLine(statement);
        // "By Jung Hye-rin," when a title element is empty: the separator belongs to nothing.
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ',' || line.charAt(end - 1) == ';' || line.charAt(end - 1) == ' ')) {
            end--;
        }
        line = line.substring(0, end);
        if (line.isEmpty()) {
            return this;
        }
        String withBy = line.regionMatches(true, 0, "By ", 0, 3) ? "By " + line.substring(3) : "By " + line;
        List<String> names = Bylines.names(withBy);
        if (names != null) {
            bylines.addAll(names);
        } else {
            author(withBy.substring(3));
        }
        return this;
    }

    public boolean hasBylines() {
        return !bylines.isEmpty();
    }

    public StoryDraft paragraph(String text) {
        if (text != null && !text.isBlank()) {
            paragraphs.add(text);
        }
        return this;
    }

    public StoryDraft paragraphs(List<String> texts) {
        texts.forEach(this::paragraph);
        return this;
    }

    public boolean hasParagraphs() {
        return !paragraphs.isEmpty();
    }

    /** A dateline given apart from the text, such as {@code WASHINGTON, Feb. 6 (Yonhap)}. */
    public StoryDraft dateline(String value) {
        dateline = value;
        return this;
    }

    /** The place the story was filed from; its city when no dateline is found. */
    public StoryDraft located(String value) {
        located = value;
        return this;
    }

    /** The language the provider declared, BCP 47 ({@code en}, {@code en-US}); detected when not given. */
    public StoryDraft language(String value) {
        if (language == null && value != null && !value.isBlank()) {
            language = value;
        }
        return this;
    }

    /** The provider's publish time (version created, pubDate, ...); the dateline's rule applies when not given. */
    public StoryDraft publishedAt(Instant value) {
        if (publishedAt == null) {
            publishedAt = value;
        }
        return this;
    }

    String headlineText() {
        return headline;
    }

    List<String> editorNotes() {
        return editorNotes;
    }

    List<String> bylines() {
        return bylines;
    }

    List<String> paragraphTexts() {
        return paragraphs;
    }

    String datelineText() {
        return dateline;
    }

    String locatedText() {
        return located;
    }

    String languageTag() {
        return language;
    }

    Instant publishedTime() {
        return publishedAt;
    }
}
