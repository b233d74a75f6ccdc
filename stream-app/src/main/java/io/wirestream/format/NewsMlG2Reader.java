package io.wirestream.format;

import io.wirestream.dispatch.FailureReason;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.ProviderMeta;
import io.wirestream.dispatch.PubStatus;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.dispatch.StoryAssembler;
import io.wirestream.dispatch.StoryDraft;
import io.wirestream.dispatch.TextBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * IPTC NewsML-G2: a {@code newsMessage} (one dispatch per {@code newsItem} of its {@code itemSet}) or a bare
 * {@code newsItem}. Reads {@code itemMeta}, {@code contentMeta} and the first inline content of {@code contentSet};
 * the mapping, and what is ignored, is in {@code docs/formats.md}.
 */
final class NewsMlG2Reader implements FormatReader {

    private static final Set<String> ROOTS = Set.of("newsMessage", "newsItem");

    private final StoryAssembler assembler;

    NewsMlG2Reader(StoryAssembler assembler) {
        this.assembler = assembler;
    }

    @Override
    public void read(RawDispatch raw, Items items) {
        XmlDocument.read(raw, items, ROOTS, "NewsML-G2", x -> {
            if (x.name().equals("newsItem")) {
                items.add(readItem(x, raw, items));
            } else {
                readMessage(x, raw, items);
            }
        });
    }

    private void readMessage(XmlCursor x, RawDispatch raw, Items items) throws XMLStreamException {
        while (x.nextChild(1)) {
            if (!x.name().equals("itemSet")) {
                x.skip();
                continue;
            }
            while (x.nextChild(2)) {
                if (!items.accepting()) {
                    items.skip();
                    x.skip();
                } else if (x.name().equals("newsItem")) {
                    items.add(readItem(x, raw, items));
                } else {
                    String kind = x.name();
                    x.skip();
                    items.add(new ParseResult.Failed(items.rawId(), FailureReason.UNSUPPORTED_FORMAT,
                            "a <" + kind + "> is not a story; only newsItems are read"));
                }
            }
        }
    }

    private ParseResult readItem(XmlCursor x, RawDispatch raw, Items items) throws XMLStreamException {
        ProviderMeta meta = ProviderMeta.of(Format.NEWSML_G2.id())
                .guid(x.attr("guid")).providerVersion(x.attr("version"));
        StoryDraft draft = new StoryDraft(meta).language(x.lang());
        int item = x.depth();
        while (x.nextChild(item)) {
            switch (x.name()) {
                case "itemMeta" -> readItemMeta(x, draft);
                case "contentMeta" -> readContentMeta(x, draft);
                case "contentSet" -> readContentSet(x, draft);
                default -> x.skip();
            }
        }
        return assembler.assemble(draft, raw, items::rawId);
    }

    private static void readItemMeta(XmlCursor x, StoryDraft draft) throws XMLStreamException {
        ProviderMeta meta = draft.meta();
        int open = x.depth();
        while (x.nextChild(open)) {
            switch (x.name()) {
                case "pubStatus" -> {
                    meta.pubStatus(PubStatus.fromCode(x.attr("qcode")));
                    x.skip();
                }
                case "versionCreated", "firstCreated" -> draft.publishedAt(ProviderTimes.parse(x.text()));
                case "embargoed" -> meta.embargoedUntil(ProviderTimes.parse(x.text()));
                case "edNote" -> draft.editorNote(x.text());
                case "signal" -> {
                    if (isCorrection(x.attr("qcode")) && meta.genre() == null) {
                        meta.genre("correction");
                    }
                    x.skip();
                }
                default -> x.skip();
            }
        }
    }

    private static boolean isCorrection(String qcode) {
        return qcode != null && qcode.toLowerCase(Locale.ROOT).endsWith("correction");
    }

    private static void readContentMeta(XmlCursor x, StoryDraft draft) throws XMLStreamException {
        ProviderMeta meta = draft.meta();
        int open = x.depth();
        while (x.nextChild(open)) {
            switch (x.name()) {
                case "urgency" -> meta.urgency(integer(x.text()));
                case "headline" -> draft.headline(x.text());
                case "slugline" -> meta.slugline(x.text());
                case "dateline" -> draft.dateline(x.text());
                case "by" -> draft.byline(x.text());
                case "creator" -> {
                    String literal = x.attr("literal");
                    String name = x.childText("name");
                    draft.author(name != null ? name : literal);
                }
                case "located" -> draft.located(x.childText("name"));
                case "language" -> {
                    draft.language(x.attr("tag"));
                    x.skip();
                }
                case "genre" -> {
                    String qcode = x.attr("qcode");
                    String name = x.childText("name");
                    meta.genre(qcode != null ? qcode : name);
                }
                case "subject" -> {
                    String code = x.attr("qcode") != null ? x.attr("qcode") : x.attr("uri");
                    meta.subject(null, code, x.childText("name"));
                }
                default -> x.skip();
            }
        }
    }

    /** The first inline content: XHTML or NITF in {@code inlineXML}, or text in {@code inlineData}. */
    private static void readContentSet(XmlCursor x, StoryDraft draft) throws XMLStreamException {
        int open = x.depth();
        while (x.nextChild(open)) {
            String name = x.name();
            if (draft.hasParagraphs() || !(name.equals("inlineXML") || name.equals("inlineData"))) {
                x.skip();
            } else if (name.equals("inlineData")) {
                String type = x.attr("contenttype");
                String text = x.text();
                draft.paragraphs(isHtml(type, text) ? HtmlParagraphs.of(text) : TextBlocks.paragraphs(text));
            } else {
                readInlineXml(x, draft);
            }
        }
    }

    private static void readInlineXml(XmlCursor x, StoryDraft draft) throws XMLStreamException {
        int open = x.depth();
        while (x.nextChild(open)) {
            if (x.name().equals("nitf")) {
                NitfReader.readNitfBody(x, draft);
            } else {
                List<String> paragraphs = new ArrayList<>();
                x.paragraphs(paragraphs);
                draft.paragraphs(paragraphs);
            }
        }
    }

    private static boolean isHtml(String contentType, String text) {
        return contentType != null ? contentType.toLowerCase(Locale.ROOT).contains("html")
                : HtmlParagraphs.looksLikeHtml(text);
    }

    static Integer integer(String text) {
        String digits = text == null ? "" : text.strip();
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.valueOf(digits);
    }
}
