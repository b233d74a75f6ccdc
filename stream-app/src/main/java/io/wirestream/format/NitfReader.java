package io.wirestream.format;

import io.wirestream.dispatch.ProviderMeta;
import io.wirestream.dispatch.PubStatus;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.dispatch.StoryAssembler;
import io.wirestream.dispatch.StoryDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * IPTC NITF 3.x: {@code head} (title, {@code tobject}, {@code docdata}) and {@code body} ({@code body.head} with
 * hedline, byline, dateline; {@code body.content}; {@code body.end}). Also reads the NITF inside a NewsML-G2
 * {@code inlineXML}. The mapping, and what is ignored, is in {@code docs/formats.md}.
 */
final class NitfReader implements FormatReader {

    private final StoryAssembler assembler;

    NitfReader(StoryAssembler assembler) {
        this.assembler = assembler;
    }

    @Override
    public void read(RawDispatch raw, Items items) {
        XmlDocument.read(raw, items, Set.of("nitf"), "NITF", x -> {
            StoryDraft draft = new StoryDraft(ProviderMeta.of(Format.NITF.id()));
            readNitf(x, draft);
            items.add(assembler.assemble(draft, raw, items::rawId));
        });
    }

    /** Fills {@code draft} from the {@code nitf} element the cursor is on; leaves the cursor on its end. */
    static void readNitf(XmlCursor x, StoryDraft draft) throws XMLStreamException {
        draft.language(x.lang());
        Head head = new Head();
        int open = x.depth();
        while (x.nextChild(open)) {
            switch (x.name()) {
                case "head" -> readHead(x, draft, head);
                case "body" -> readBody(x, draft);
                default -> x.skip();
            }
        }
        draft.headline(head.title);
        draft.located(head.city);
        ProviderMeta meta = draft.meta();
        if (head.release != null && (head.issue == null || head.release.isAfter(head.issue))) {
            meta.embargoedUntil(head.release);
        }
        draft.publishedAt(head.issue);
    }

    /**
     * Fills {@code draft} from the body of the {@code nitf} element the cursor is on, its head skipped: inside a
     * NewsML-G2 item, the metadata is the item's.
     */
    static void readNitfBody(XmlCursor x, StoryDraft draft) throws XMLStreamException {
        int open = x.depth();
        while (x.nextChild(open)) {
            if (x.name().equals("body")) {
                readBody(x, draft);
            } else {
                x.skip();
            }
        }
    }

    /** What the head says that is used only once the whole document is read. */
    private static final class Head {
        String title;
        String city;
        Instant issue;
        Instant release;
    }

    private static void readHead(XmlCursor x, StoryDraft draft, Head head) throws XMLStreamException {
        draft.language(x.lang());
        int open = x.depth();
        while (x.nextChild(open)) {
            switch (x.name()) {
                case "title" -> head.title = x.text();
                case "tobject" -> readTobject(x, draft.meta());
                case "docdata" -> readDocdata(x, draft, head);
                default -> x.skip();
            }
        }
    }

    private static void readTobject(XmlCursor x, ProviderMeta meta) throws XMLStreamException {
        int open = x.depth();
        while (x.nextChild(open)) {
            if (x.name().equals("tobject.property")) {
                meta.genre(x.attr("tobject.property.type"));
            } else if (x.name().equals("tobject.subject")) {
                String name = x.attr("tobject.subject.matter") != null ? x.attr("tobject.subject.matter")
                        : x.attr("tobject.subject.type");
                meta.subject("subj", x.attr("tobject.subject.refnum"), name);
            }
            x.skip();
        }
    }

    private static void readDocdata(XmlCursor x, StoryDraft draft, Head head) throws XMLStreamException {
        ProviderMeta meta = draft.meta();
        String status = x.attr("management-status");
        // NITF's "embargoed" is usable once the release time has come: the embargo is its own field.
        meta.pubStatus("embargoed".equals(status) ? PubStatus.USABLE : PubStatus.fromCode(status));
        int open = x.depth();
        while (x.nextChild(open)) {
            switch (x.name()) {
                case "doc-id" -> meta.guid(x.attr("id-string"));
                case "urgency" -> meta.urgency(NewsMlG2Reader.integer(x.attr("ed-urg")));
                case "date.issue" -> head.issue = ProviderTimes.parse(x.attr("norm"));
                case "date.release" -> head.release = ProviderTimes.parse(x.attr("norm"));
                case "du-key" -> {
                    meta.slugline(x.attr("key"));
                    meta.providerVersion(x.attr("version"));
                }
                case "ed-msg" -> draft.editorNote(x.attr("info"));
                case "identified-content" -> {
                    head.city = firstCity(x);
                    continue;
                }
                default -> {
                }
            }
            x.skip();
        }
    }

    /** The first {@code location/city} in {@code identified-content}: where the story was filed. */
    private static String firstCity(XmlCursor x) throws XMLStreamException {
        int open = x.depth();
        String city = null;
        while (x.nextChild(open)) {
            if (!x.name().equals("location")) {
                x.skip();
            } else if (city == null) {
                city = x.childText("city");
            } else {
                x.skip();
            }
        }
        return city;
    }

    private static void readBody(XmlCursor x, StoryDraft draft) throws XMLStreamException {
        draft.language(x.lang());
        int open = x.depth();
        List<String> paragraphs = new ArrayList<>();
        while (x.nextChild(open)) {
            switch (x.name()) {
                case "body.head" -> readBodyHead(x, draft);
                case "body.content", "body.end" -> x.paragraphs(paragraphs);
                default -> x.skip();
            }
        }
        draft.paragraphs(paragraphs);
    }

    private static void readBodyHead(XmlCursor x, StoryDraft draft) throws XMLStreamException {
        int open = x.depth();
        while (x.nextChild(open)) {
            switch (x.name()) {
                case "hedline" -> draft.headline(x.childText("hl1"));
                // A byline's title ("Yonhap correspondent") is read along: the byline rules drop roles.
                case "byline" -> draft.byline(x.text());
                case "dateline" -> draft.dateline(x.text());
                default -> x.skip();
            }
        }
    }
}
