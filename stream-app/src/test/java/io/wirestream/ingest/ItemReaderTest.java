package io.wirestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.dispatch.ParserConfig;
import io.wirestream.format.Format;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fetched document cut into standalone items, each with the id and version that tell it apart. */
class ItemReaderTest {

    private static final Instant FETCHED = Instant.parse("2026-12-05T12:00:00Z");

    private final ItemReader reader = new ItemReader(1 << 20, ParserConfig.defaults());

    @Test
    void shouldCutAFeedIntoOneItemFeedsKeyedByGuidThatThePipelineReadsAlone() throws IOException {
        // Given an RSS feed of three items
        byte[] feed = fixture("rss/01-three-items.rss");

        // When it is read
        ItemReader.Result result = reader.read(feed, null, FETCHED, null);

        // Then each item is an RSS document of its own, keyed by its guid, keeping the channel around it
        assertThat(result.problem()).isNull();
        assertThat(result.format()).isEqualTo(Format.RSS);
        assertThat(result.items()).extracting(Item::id).containsExactly("wire-2024-0109-001", "wire-2024-0111-002",
                "wire-2024-0122-003");
        String second = new String(result.items().get(1).document(), StandardCharsets.UTF_8);
        assertThat(second).startsWith("<?xml").contains("<title>Example Wire: Korea</title>", "BOK keeps rate")
                .doesNotContain("dog meat", "Jeju").endsWith("</rss>\n");
        ItemReader.Result again = reader.read(result.items().get(1).document(), Format.RSS, FETCHED, null);
        assertThat(again.items()).extracting(Item::id).containsExactly("wire-2024-0111-002");
    }

    @Test
    void shouldTellTheChangedItemOfAFeedFromTheUnchangedOnes() throws IOException {
        // Given what was sent of a feed, and the feed again with one item edited and one added
        String before = new String(fixture("rss/01-three-items.rss"), StandardCharsets.UTF_8);
        List<Item> sent = reader.read(before.getBytes(StandardCharsets.UTF_8), null, FETCHED, null).items();
        String after = before.replace("for eighth time", "for the eighth time").replace("</channel>",
                "<item><title>New one</title><guid>wire-2024-0123-004</guid><description>SEOUL -- More.</description></item>\n  </channel>");

        // When the new feed is read and compared with what was sent
        List<Item> now = reader.read(after.getBytes(StandardCharsets.UTF_8), null, FETCHED, null).items();
        List<String> toSend = now.stream().filter(item -> sent.stream()
                .noneMatch(s -> s.id().equals(item.id()) && toSent(s).sameAs(item))).map(Item::id).toList();

        // Then only the edited and the new item are to be sent again
        assertThat(toSend).containsExactly("wire-2024-0111-002", "wire-2024-0123-004");
    }

    @Test
    void shouldTakeTheProvidersVersionOverTheContentWhereBothSidesHaveOne() throws IOException {
        // Given a NewsML-G2 message of two items, read as sent
        List<Item> items = reader.read(fixture("newsml-g2/01-message-two-items.xml"), null, FETCHED, null).items();

        // When each is compared with a record of the same version but other bytes, and of another version
        Item first = items.get(0);
        Sent sameVersion = new Sent(first.version(), "other-hash", "s", FETCHED);
        Sent otherVersion = new Sent(first.version() + "9", first.hash(), "s", FETCHED);

        // Then the version decides
        assertThat(items).hasSize(2).allSatisfy(item -> assertThat(item.format()).isEqualTo(Format.NEWSML_G2));
        assertThat(first.version()).isNotNull();
        assertThat(sameVersion.sameAs(first)).isTrue();
        assertThat(otherVersion.sameAs(first)).isFalse();
    }

    @Test
    void shouldCutAnAtomFeedIntoEntryDocumentsAndAJsonListIntoNinjsObjects() throws IOException {
        // Given an Atom feed of two entries and a JSON list of two ninjs objects
        byte[] atom = fixture("atom/01-feed-two-entries.atom");
        byte[] list = ("[{\"uri\":\"urn:a\",\"version\":\"1\",\"headline\":\"A\",\"body_text\":\"a\"},"
                + "{\"uri\":\"urn:b\",\"version\":\"2\",\"headline\":\"B\",\"body_text\":\"b\"}]")
                .getBytes(StandardCharsets.UTF_8);

        // When each is read
        ItemReader.Result entries = reader.read(atom, null, FETCHED, null);
        ItemReader.Result objects = reader.read(list, null, FETCHED, null);

        // Then each entry stands alone as an entry document, and each object as ninjs keyed by its uri
        assertThat(entries.items()).hasSize(2).allSatisfy(item -> assertThat(new String(item.document(),
                StandardCharsets.UTF_8)).contains("<entry").doesNotContain("<feed"));
        assertThat(objects.items()).extracting(Item::id).containsExactly("urn:a", "urn:b");
        assertThat(objects.items()).extracting(Item::version).containsExactly("1", "2");
    }

    @Test
    void shouldSayWhyADocumentHasNoItems() {
        // Given a broken feed
        byte[] broken = "<rss version=\"2.0\"><channel><item><title>x".getBytes(StandardCharsets.UTF_8);

        // When it is read, Then nothing is cut from it, and the problem is given
        ItemReader.Result result = reader.read(broken, null, FETCHED, null);
        assertThat(result.items()).isEmpty();
        assertThat(result.problem()).isNotBlank();
    }

    private static Sent toSent(Item item) {
        return new Sent(item.version(), item.hash(), "s", FETCHED);
    }

    private static byte[] fixture(String path) throws IOException {
        try (InputStream in = ItemReaderTest.class.getResourceAsStream("/formats/" + path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
