package io.wirestream.format;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.wirestream.dispatch.FailureReason;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.ProviderMeta;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.dispatch.StoryAssembler;
import io.wirestream.dispatch.StoryDraft;
import io.wirestream.dispatch.TextBlocks;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jsoup.Jsoup;

/**
 * RSS (2.0, and the 0.9x and 1.0 dialects) and Atom: one dispatch per item or entry, read by Rome from the document
 * {@link JdomBuilder} built, so Rome never parses bytes itself. A bare Atom {@code entry} is a feed of one. The
 * mapping, and what is ignored, is in {@code docs/formats.md}.
 */
final class FeedReader implements FormatReader {

    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    /** Rome's reader, one per thread (it does not say it may be shared); it keeps the wire entries for their ids. */
    private static final ThreadLocal<SyndFeedInput> INPUT = ThreadLocal.withInitial(() -> {
        SyndFeedInput input = new SyndFeedInput();
        input.setPreserveWireFeed(true);
        return input;
    });

    private final StoryAssembler assembler;
    private final Format format;
    private final int maxItems;

    FeedReader(StoryAssembler assembler, Format format, int maxItems) {
        this.assembler = assembler;
        this.format = format;
        this.maxItems = maxItems;
    }

    @Override
    public void read(RawDispatch raw, Items items) {
        JdomBuilder.Built built;
        try (XmlCursor x = XmlCursor.open(raw.bytes())) {
            built = JdomBuilder.build(x, maxItems);
        } catch (XMLStreamException e) {
            items.fail(XmlInput.malformed(raw, e));
            return;
        } catch (IllegalArgumentException e) {
            // JDOM's own checks of names and text, stricter in corners than the XML reader's.
            items.fail(ParseResult.failure(raw, FailureReason.MALFORMED_XML, e.getMessage()));
            return;
        }
        if (!built.document().hasRootElement()) {
            items.fail(ParseResult.failure(raw, FailureReason.MALFORMED_XML, "no root element"));
            return;
        }
        String root = built.document().getRootElement().getName();
        if (!rootOf(format).contains(root)) {
            items.fail(ParseResult.failure(raw, FailureReason.UNSUPPORTED_FORMAT,
                    "the root element <" + root + "> is not " + (format == Format.RSS ? "an RSS" : "an Atom")
                            + " document's"));
            return;
        }
        if (root.equals("entry")) {
            wrapEntry(built);
        }
        SyndFeed feed;
        try {
            feed = INPUT.get().build(built.document());
        } catch (FeedException | RuntimeException e) {
            // Rome is a library we do not control: whatever it throws on a document is that document's fate.
            items.fail(ParseResult.failure(raw, FailureReason.UNSUPPORTED_FORMAT,
                    "Rome could not read the " + format.id() + " document: " + e.getMessage()));
            return;
        }
        // RSS says its language in the channel; Atom in xml:lang, which Rome does not report for Atom 1.0.
        String language = feed.getLanguage() != null ? feed.getLanguage()
                : built.document().getRootElement().getAttributeValue("lang", Namespace.XML_NAMESPACE);
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            // Rome keeps the document's order of items, so the i-th entry is the i-th item built.
            Instant time = i < built.itemTimes().size() ? built.itemTimes().get(i) : null;
            StoryDraft draft = draft(entries.get(i)).publishedAt(time).language(language);
            items.add(assembler.assemble(draft, raw, items::rawId));
        }
        for (int i = 0; i < built.skipped(); i++) {
            items.skip();
        }
    }

    private static Set<String> rootOf(Format format) {
        return format == Format.RSS ? Set.of("rss", "RDF") : Set.of("feed", "entry");
    }

    /** A bare entry becomes the one entry of a feed, which is all Rome reads. */
    private static void wrapEntry(JdomBuilder.Built built) {
        Element entry = built.document().detachRootElement();
        Element feed = new Element("feed", entry.getNamespace().getURI().isEmpty() ? ATOM : entry.getNamespace());
        feed.addContent(entry);
        built.document().setRootElement(feed);
    }

    private StoryDraft draft(SyndEntry entry) {
        ProviderMeta meta = ProviderMeta.of(format.id()).guid(guid(entry));
        for (SyndCategory category : entry.getCategories()) {
            meta.subject(category.getTaxonomyUri(), category.getName(), category.getLabel());
        }
        StoryDraft draft = new StoryDraft(meta)
                .headline(plain(entry.getTitle()));
        for (SyndPerson author : entry.getAuthors()) {
            draft.author(author.getName());
        }
        if (!draft.hasBylines() && entry.getAuthor() != null) {
            draft.byline(authorName(entry.getAuthor()));
        }
        SyndContent body = entry.getContents().stream().filter(c -> c.getValue() != null && !c.getValue().isBlank())
                .findFirst().orElse(entry.getDescription());
        if (body != null && body.getValue() != null) {
            String type = body.getType() == null ? "" : body.getType().toLowerCase(Locale.ROOT);
            // RSS calls every description HTML; one without a single tag is text, whose line breaks count.
            boolean markup = !type.equals("text") && !type.contains("plain")
                    && HtmlParagraphs.looksLikeHtml(body.getValue());
            draft.paragraphs(markup ? HtmlParagraphs.of(body.getValue()) : TextBlocks.paragraphs(body.getValue()));
        }
        return draft;
    }

    /** The provider's own id: RSS's guid, Atom's id; null without one (Rome would fall back to the link). */
    private static String guid(SyndEntry entry) {
        Object wire = entry.getWireEntry();
        if (wire instanceof Item item) {
            return item.getGuid() == null ? null : item.getGuid().getValue();
        }
        if (wire instanceof Entry atom) {
            return atom.getId();
        }
        return null;
    }

    /** An RSS author is an address with the name in parentheses: {@code bdk@yna.co.kr (Byun Duk-kun)}. */
    static String authorName(String author) {
        int open = author.indexOf('(');
        int close = author.lastIndexOf(')');
        if (open >= 0 && close > open) {
            return author.substring(open + 1, close);
        }
        return author.contains("@") && !author.strip().contains(" ") ? null : author;
    }

    /** A title may be HTML in Atom ({@code type="html"}); its text is the headline. */
    private static String plain(String title) {
        return title != null && HtmlParagraphs.looksLikeHtml(title) ? Jsoup.parse(title).text() : title;
    }
}
