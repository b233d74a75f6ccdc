package io.wirestream.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.wirestream.dispatch.FailureReason;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.ParserConfig;
import io.wirestream.dispatch.RawDispatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Input written to hurt: external entities naming a file or a URL, a DTD to fetch, entity expansion, deep nesting,
 * a feed of 100,000 items, 50 MB. Each is refused or bounded, reads no file, opens no connection, and allocates
 * little. The timeouts only keep a regression from hanging the build; the bounds are on allocated bytes.
 */
class HostileInputTest {

    private static final Instant RECEIVED = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final long MB = 1024 * 1024;

    /** A port nobody answers on but us: a connection to it would wait in its backlog for us to see. */
    private ServerSocketChannel listener;
    private String url;

    @BeforeEach
    void listen() throws IOException {
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        listener.configureBlocking(false);
        url = "http://127.0.0.1:" + ((InetSocketAddress) listener.getLocalAddress()).getPort() + "/evil";
    }

    @AfterEach
    void close() throws IOException {
        listener.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"newsml-g2, newsItem", "nitf, nitf", "rss, rss", "atom, feed"})
    void shouldRefuseAnExternalEntityNamingAFileWithoutReadingIt(String format, String root, @TempDir Path dir)
            throws IOException {
        // Given a secret on disk and a document whose entity names it
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-" + format);
        String xml = "<?xml version='1.0'?><!DOCTYPE " + root + " [<!ENTITY xxe SYSTEM '" + secret.toUri() + "'>]>"
                + document(format, "&xxe;");

        // When parsed
        ParsedDocument document = parse(xml, null);

        // Then it is refused for declaring entities, and the secret is nowhere in the outcome
        assertRefused(document, FailureReason.MALFORMED_XML, "declares entities");
        assertThat(document.results().toString()).doesNotContain("TOP-SECRET");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"newsml-g2, newsItem", "nitf, nitf", "rss, rss", "atom, feed"})
    void shouldRefuseAnExternalEntityNamingAUrlWithoutConnecting(String format, String root) throws IOException {
        String xml = "<!DOCTYPE " + root + " [<!ENTITY xxe SYSTEM '" + url + "'>]>" + document(format, "&xxe;");

        ParsedDocument document = parse(xml, null);

        assertRefused(document, FailureReason.MALFORMED_XML, "declares entities");
        assertThat(listener.accept()).as("a connection to the entity's URL").isNull();
    }

    @Test
    void shouldNotFetchTheExternalDtdADoctypeNames() throws IOException {
        // Given an NITF document whose DOCTYPE names a DTD at a URL, as NITF documents do
        String xml = "<!DOCTYPE nitf SYSTEM '" + url + "/nitf.dtd'>" + document("nitf", "Story");

        // When parsed
        ParsedDocument document = parse(xml, null);

        // Then the story is read, and the DTD never fetched
        assertThat(document.dispatches()).singleElement().satisfies(d -> assertThat(d.getHeadline()).isEqualTo("Story"));
        assertThat(listener.accept()).as("a connection to the DTD's URL").isNull();
    }

    @Test
    void shouldRefuseAParameterEntityPullingADtdFromAUrlWithoutConnecting() throws IOException {
        String xml = "<!DOCTYPE rss [<!ENTITY % remote SYSTEM '" + url + "'> %remote;]>" + document("rss", "Story");

        ParsedDocument document = parse(xml, null);

        assertRefused(document, FailureReason.MALFORMED_XML, "declares entities");
        assertThat(listener.accept()).isNull();
    }

    @Test
    void shouldRefuseBillionLaughsWithoutExpandingAnything() {
        // Given ten levels of ten references each: 10^10 "lol"s if expanded
        StringBuilder dtd = new StringBuilder("<!DOCTYPE newsItem [<!ENTITY lol0 'lol'>");
        for (int level = 1; level <= 10; level++) {
            dtd.append("<!ENTITY lol").append(level).append(" '")
                    .append(("&lol" + (level - 1) + ";").repeat(10)).append("'>");
        }
        String xml = dtd.append("]>").append(document("newsml-g2", "&lol10;")).toString();

        // When parsed
        Work.Measured<ParsedDocument> parsed = Work.measure(() -> parse(xml, null));

        // Then it is refused, having allocated next to nothing
        assertRefused(parsed.result(), FailureReason.MALFORMED_XML, "declares entities");
        assertThat(parsed.allocatedBytes()).isLessThan(8 * MB);
    }

    @Test
    void shouldRefuseJsonNestedTenThousandDeep() {
        // Given a ninjs item with a property nested 10,000 deep
        String json = "{\"uri\": \"urn:x\", \"headline\": \"h\", \"deep\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";

        // When parsed, sniffed or hinted
        Work.Measured<ParsedDocument> sniffed = Work.measure(() -> parse(json, null));
        ParsedDocument hinted = parse(json, "ninjs");

        // Then it is refused at the nesting limit, with where, and little allocated
        assertRefused(sniffed.result(), FailureReason.MALFORMED_JSON, "nesting depth");
        assertThat(sniffed.result().failures().get(0).message()).startsWith("line 1, column ");
        assertRefused(hinted, FailureReason.MALFORMED_JSON, "nesting depth");
        assertThat(sniffed.allocatedBytes()).isLessThan(8 * MB);
    }

    @Test
    void shouldRefuseXmlNestedTenThousandDeep() {
        String xml = "<nitf><body><body.content>" + "<div>".repeat(10_000) + "</div>".repeat(10_000)
                + "</body.content></body></nitf>";

        ParsedDocument document = parse(xml, null);

        assertRefused(document, FailureReason.MALFORMED_XML, "nest deeper than " + XmlCursor.MAX_DEPTH);
    }

    @Test
    void shouldReadAnHtmlBodyNestedAHundredThousandDeep() {
        // Given a ninjs body of 100,000 unclosed divs (jsoup, not the XML reader, reads HTML bodies)
        String json = "{\"uri\": \"urn:x\", \"headline\": \"Deep\", \"body_html\": \"" + "<div>".repeat(100_000)
                + "SEOUL -- Text.\"}";

        // When parsed
        Work.Measured<ParsedDocument> parsed = Work.measure(() -> parse(json, null));

        // Then the text is read, in bounded memory
        assertThat(parsed.result().dispatches()).singleElement()
                .satisfies(d -> assertThat(d.getParagraphs()).containsExactly("Text."));
        assertThat(parsed.allocatedBytes()).isLessThan(128 * MB);
    }

    @Test
    void shouldReadAThousandItemsOfAFeedOfAHundredThousandAndAccountForTheRest() {
        // Given a feed of 100,000 empty items, under the default size limit
        String feed = "<rss><channel>" + "<item/>".repeat(100_000) + "</channel></rss>";
        assertThat(feed.length()).isLessThan(ParserConfig.DEFAULT_MAX_BYTES);

        // When parsed
        Work.Measured<ParsedDocument> parsed = Work.measure(() -> parse(feed, null));

        // Then the first thousand have a fate each, one failure stands for the other 99,000, and the skipped items
        // are never built: the whole costs a few megabytes of passing garbage
        ParsedDocument document = parsed.result();
        assertThat(document.itemCount()).isEqualTo(100_000);
        assertThat(document.results()).hasSize(FormatParser.MAX_ITEMS_PER_DOCUMENT + 1);
        assertThat(document.failures().get(0).message()).startsWith("item 1 of 100000: ");
        assertThat(document.failures().get(FormatParser.MAX_ITEMS_PER_DOCUMENT).reason())
                .isEqualTo(FailureReason.TOO_MANY_ITEMS);
        assertThat(document.failures().get(FormatParser.MAX_ITEMS_PER_DOCUMENT).message())
                .contains("100,000 items", "items 1,001 to 100,000 were not");
        assertThat(parsed.allocatedBytes()).isLessThan(32 * MB);
    }

    @Test
    void shouldBoundAFeedOfAHundredThousandRealItemsWhenTheSizeLimitIsRaised() {
        // Given 100,000 full items (about 13 MB) and a size limit raised to let them in
        String feed = FormatParserTest.rss(100_000);
        FormatParser parser = new FormatParser(ParserConfig.defaults().withMaxBytes(32 * (int) MB));

        // When parsed
        ParsedDocument document = assertTimeoutPreemptively(HANG_GUARD,
                () -> parser.parseAll(RawDispatch.of(feed.getBytes(StandardCharsets.UTF_8), RECEIVED), null));

        // Then a thousand dispatches and one failure for the rest
        assertThat(document.dispatches()).hasSize(FormatParser.MAX_ITEMS_PER_DOCUMENT);
        assertThat(document.failures()).singleElement().extracting(ParseResult.Failed::reason)
                .isEqualTo(FailureReason.TOO_MANY_ITEMS);
    }

    @ParameterizedTest(name = "hint {0}")
    @CsvSource(nullValues = "none", value = {"none", "rss", "ninjs", "iptc7901", "yonhap-text"})
    void shouldRefuseFiftyMegabytesBeforeReadingThem(String hint) {
        // Given 50 MB that would be a feed
        byte[] bytes = new byte[50 * (int) MB];
        Arrays.fill(bytes, (byte) ' ');
        byte[] open = "<rss><channel>".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(open, 0, bytes, 0, open.length);

        // When parsed with the default limit
        FormatParser parser = new FormatParser();
        RawDispatch raw = RawDispatch.of(bytes, RECEIVED);
        Work.Measured<ParsedDocument> parsed = Work.measure(() -> parser.parseAll(raw, hint));

        // Then it is refused as too large, without a copy of it made
        assertRefused(parsed.result(), FailureReason.TOO_LARGE, "over the limit of " + ParserConfig.DEFAULT_MAX_BYTES);
        assertThat(parsed.allocatedBytes()).isLessThan(MB);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"newsml-g2", "nitf", "rss", "atom"})
    void shouldRefuseMalformedBytesSayingWhereWithoutWritingToStandardError(String format) {
        // Given a document whose headline holds a byte that is not UTF-8 (a lone 0xFF), as a broken relay sends it
        byte[] head = ("<?xml version='1.0' encoding='UTF-8'?>\n" + document(format, "Talks")).getBytes(
                StandardCharsets.UTF_8);
        int talks = new String(head, StandardCharsets.ISO_8859_1).indexOf("Talks");
        byte[] bytes = head.clone();
        bytes[talks + 1] = (byte) 0xFF;

        // When parsed, with standard error watched (the JDK's reader prints "[Fatal Error]" there on its own)
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        ParsedDocument document;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            document = new FormatParser().parseAll(RawDispatch.of(bytes, RECEIVED), null);
        } finally {
            System.setErr(original);
        }

        // Then it is MALFORMED_XML, says the line, and nothing reached standard error
        assertRefused(document, FailureReason.MALFORMED_XML, "line 2");
        assertThat(document.failures().get(0).message()).contains("UTF-8");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldReadADocumentInTheEncodingItsDeclarationNames() {
        // Given an RSS item in ISO-8859-1, as older CMSes still send it, with an accented headline
        String xml = "<?xml version='1.0' encoding='ISO-8859-1'?>\n" + document("rss", "Caf\u00e9 talks resume");
        byte[] bytes = xml.getBytes(StandardCharsets.ISO_8859_1);

        // When parsed
        ParsedDocument document = new FormatParser().parseAll(RawDispatch.of(bytes, RECEIVED), null);

        // Then the headline is the accented one
        assertThat(document.dispatches()).singleElement()
                .satisfies(d -> assertThat(d.getHeadline()).isEqualTo("Caf\u00e9 talks resume"));
    }

    private static ParsedDocument parse(String xml, String hint) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> new FormatParser()
                .parseAll(RawDispatch.of(xml.getBytes(StandardCharsets.UTF_8), RECEIVED), hint));
    }

    private static void assertRefused(ParsedDocument document, FailureReason reason, String why) {
        assertThat(document.dispatches()).isEmpty();
        assertThat(document.failures()).singleElement().satisfies(failed -> {
            assertThat(failed.reason()).isEqualTo(reason);
            assertThat(failed.message()).contains(why);
        });
    }

    /** A minimal document of {@code format} whose headline is {@code headline} (markup allowed). */
    private static String document(String format, String headline) {
        return switch (format) {
            case "newsml-g2" -> "<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/' guid='g' version='1'><contentMeta>"
                    + "<headline>" + headline + "</headline></contentMeta><contentSet><inlineData>SEOUL -- Body."
                    + "</inlineData></contentSet></newsItem>";
            case "nitf" -> "<nitf><body><body.head><hedline><hl1>" + headline + "</hl1></hedline></body.head>"
                    + "<body.content><p>SEOUL -- Body.</p></body.content></body></nitf>";
            case "rss" -> "<rss version='2.0'><channel><item><title>" + headline + "</title>"
                    + "<description>SEOUL -- Body.</description></item></channel></rss>";
            default -> "<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>i</id><title>" + headline + "</title>"
                    + "<summary>SEOUL -- Body.</summary></entry></feed>";
        };
    }
}
