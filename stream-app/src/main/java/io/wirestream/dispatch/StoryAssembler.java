package io.wirestream.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Turns a {@link StoryDraft} into a dispatch by the rules of {@code docs/parsing.md}, as the plain-text parser does
 * for its lines: headline tags, notes and bylines opening the body, {@code (END)} and contacts, dateline, kind,
 * language, ids. Thread-safe; never throws on a draft.
 */
public final class StoryAssembler {

    private final ParserConfig config;

    public StoryAssembler(ParserConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The dispatch the draft makes, or the failure saying why it makes none. */
    public ParseResult assemble(StoryDraft draft, RawDispatch raw) {
        return assemble(draft, raw, raw::rawId);
    }

    /**
     * As {@link #assemble(StoryDraft, RawDispatch)}, for one of many items of a document: {@code rawId} gives the
     * raw bytes' hash, so that a document of many failing items is hashed once, not once per item.
     */
    public ParseResult assemble(StoryDraft draft, RawDispatch raw, Supplier<String> rawId) {
        String headlineLine = draft.headlineText() == null ? "" : NormalizedText.oneLine(draft.headlineText());
        if (headlineLine.isEmpty()) {
            return new ParseResult.Failed(rawId.get(), FailureReason.NO_HEADLINE, "the item has no headline");
        }
        if (headlineLine.length() > DispatchParser.MAX_HEADLINE_CHARS) {
            return new ParseResult.Failed(rawId.get(), FailureReason.HEADLINE_TOO_LONG, "the headline has "
                    + headlineLine.length() + " characters; a headline has at most " + DispatchParser.MAX_HEADLINE_CHARS);
        }
        HeadlineTags head = HeadlineTags.parse(headlineLine);
        if (head.headline.isEmpty()) {
            return new ParseResult.Failed(rawId.get(), FailureReason.NO_HEADLINE,
                    "the headline holds only tags: " + headlineLine);
        }
        boolean controls = NormalizedText.hasStrayControls(draft.headlineText());
        // The body is read as a plain-text body is, so that a byline, a note or (END) written into it counts.
        List<String> lines = new ArrayList<>(draft.paragraphTexts().size() + 1);
        lines.add(headlineLine);
        for (String paragraph : draft.paragraphTexts()) {
            controls |= NormalizedText.hasStrayControls(paragraph);
            String line = NormalizedText.oneLine(paragraph);
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        TextBody body = TextBody.read(lines, 1);
        body.notes.addAll(0, draft.editorNotes());
        // The format's author fields come first; a "By" line in the body that repeats them adds nothing.
        List<String> bylines = new ArrayList<>(draft.bylines());
        body.bylines.stream().filter(name -> !bylines.contains(name)).forEach(bylines::add);
        body.bylines.clear();
        body.bylines.addAll(bylines);
        Story story = new Story(headlineLine, head, body, ContentHash.ofLines(lines, 0, body.storyEnd), draft.meta());
        story.controlsRemoved = controls;
        story.closedByFormat = true;
        story.datelineText = draft.datelineText();
        story.located = draft.locatedText();
        story.language = draft.languageTag();
        story.publishedAt = draft.publishedTime();
        story.failureId = rawId;
        return story.finish(raw, config);
    }
}
