package io.wirestream.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The format is recognized from the bytes, whatever precedes them; a hint that names a format wins. */
class FormatSnifferTest {

    @ParameterizedTest(name = "{1} from {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "<newsMessage xmlns='http://iptc.org/std/nar/2006-10-01/'><itemSet/></newsMessage>|newsml-g2",
        "<newsItem guid='g' version='1'/>|newsml-g2",
        "<g2:newsItem xmlns:g2='http://iptc.org/std/nar/2006-10-01/'/>|newsml-g2",
        "<nitf><head/></nitf>|nitf",
        "<rss version='2.0'><channel/></rss>|rss",
        "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'/>|rss",
        "<feed xmlns='http://www.w3.org/2005/Atom'/>|atom",
        "<entry xmlns='http://www.w3.org/2005/Atom'/>|atom",
        "{\"uri\": \"urn:x\", \"headline\": \"h\"}|ninjs",
        "{\"type\": \"text\", \"version\": \"1\", \"headlines\": []}|ninjs",
        "{\"standard\": {}, \"versionCreated\": \"2024-01-01T00:00:00Z\"}|ninjs",
        "S. Korea wins gold in archery|yonhap-text",
        "<3 Korea: fans cheer team|yonhap-text",
        "<!DOCTYPE html><html><body>page</body></html>|yonhap-text"})
    void shouldRecognizeTheFormatFromTheBytes(String document, String format) {
        // Given a document with a BOM and leading blank lines
        byte[] bytes = ("\uFEFF\r\n  \t" + document).getBytes(StandardCharsets.UTF_8);

        // When it is sniffed without a hint
        FormatSniffer.Sniffed sniffed = FormatSniffer.sniff(bytes, null);

        // Then its format is recognized
        assertThat(sniffed.format()).isNotNull();
        assertThat(sniffed.format().id()).isEqualTo(format);
        assertThat(sniffed.problem()).isNull();
    }

    @Test
    void shouldLookPastTheDeclarationCommentsAndADoctypeWithAnInternalSubset() {
        // Given a prolog with everything XML allows before the root, a '>' inside the subset and a quoted one
        String xml = "<?xml version=\"1.0\"?>\n<!-- a comment with <rss> in it -->\n<?pi data?>\n"
                + "<!DOCTYPE nitf SYSTEM \"nitf.dtd\" [ <!ELEMENT x (y)> <!ATTLIST x a CDATA \"1>2\"> ]>\n<nitf/>";

        // When sniffed, then the root is found
        assertThat(FormatSniffer.sniff(xml.getBytes(StandardCharsets.UTF_8), null).format()).isEqualTo(Format.NITF);
    }

    @Test
    void shouldRecognizeControlFraming() {
        // Given an IPTC 7901 message (SOH first) and an ANPA 1312 one (SYN SYN SOH)
        byte[] iptc = "\u0001YNA0001 4 i 0010\r\n\u0002Headline\r\n\u0003".getBytes(StandardCharsets.US_ASCII);
        byte[] anpa = "\u0016\u0016\u0001a0001\u001fr i\u0002^Headline<\u0003\u0004".getBytes(StandardCharsets.US_ASCII);

        // When sniffed, then each is its format
        assertThat(FormatSniffer.sniff(iptc, null).format()).isEqualTo(Format.IPTC7901);
        assertThat(FormatSniffer.sniff(anpa, null).format()).isEqualTo(Format.ANPA1312);
    }

    @Test
    void shouldRefuseXmlOfAnotherVocabularyAndSayWhichRoot() {
        // Given a NewsML 1.2 document, which is not NewsML-G2
        byte[] newsMl1 = "<?xml version='1.0'?><NewsML Version='1.2'><NewsItem/></NewsML>".getBytes(StandardCharsets.UTF_8);

        // When sniffed
        FormatSniffer.Sniffed sniffed = FormatSniffer.sniff(newsMl1, null);

        // Then it has no format, and the problem names the root
        assertThat(sniffed.format()).isNull();
        assertThat(sniffed.problem()).contains("<NewsML>");
    }

    @Test
    void shouldRefuseJsonWithoutNinjsProperties() {
        FormatSniffer.Sniffed sniffed = FormatSniffer.sniff("{\"id\": 1, \"title\": \"t\"}".getBytes(StandardCharsets.UTF_8),
                null);

        assertThat(sniffed.format()).isNull();
        assertThat(sniffed.problem()).contains("ninjs");
    }

    @Test
    void shouldHandBrokenJsonToTheNinjsReaderWhichSaysWhereItBreaks() {
        assertThat(FormatSniffer.sniff("{\"uri\": ".getBytes(StandardCharsets.UTF_8), null).format())
                .isEqualTo(Format.NINJS);
    }

    @Test
    void shouldRefuseMarkupWhoseRootIsBeyondThePrologLimit() {
        // Given a comment longer than the part of the document sniffing reads
        String xml = "<!--" + "x".repeat(FormatSniffer.XML_PROLOG_LIMIT) + "--><rss/>";

        // When sniffed, then the problem says the root was not found
        FormatSniffer.Sniffed sniffed = FormatSniffer.sniff(xml.getBytes(StandardCharsets.UTF_8), null);
        assertThat(sniffed.format()).isNull();
        assertThat(sniffed.problem()).contains("root element");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "rss, rss",
        "ATOM, atom",
        "' newsml-g2 ', newsml-g2",
        "application/vnd.iptc.g2.newsitem+xml, newsml-g2",
        "application/vnd.iptc.g2.newsmessage+xml, newsml-g2",
        "application/nitf+xml, nitf",
        "application/rss+xml, rss",
        "'application/atom+xml; charset=utf-8', atom",
        "application/json, ninjs",
        "application/ninjs+json, ninjs"})
    void shouldLetAHintNamingAFormatOverrideTheBytes(String hint, String format) {
        // Given plain text, which sniffing alone would call yonhap-text
        byte[] text = "Headline\nSEOUL -- Body.".getBytes(StandardCharsets.UTF_8);

        // When a hint names a format, then that format is taken
        assertThat(FormatSniffer.sniff(text, hint).format().id()).isEqualTo(format);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "text/xml; charset=utf-8", "application/octet-stream"})
    void shouldSniffWhenTheContentTypeNamesNoFormat(String contentType) {
        byte[] rss = "<rss version='2.0'><channel/></rss>".getBytes(StandardCharsets.UTF_8);

        assertThat(FormatSniffer.sniff(rss, contentType).format()).isEqualTo(Format.RSS);
    }

    @Test
    void shouldRefuseAFormatHeaderThatNamesNoFormat() {
        // Given a wirestream.format value that is no format id: the producer's mistake, not the bytes'
        FormatSniffer.Sniffed sniffed = FormatSniffer.sniff("Headline\nBody".getBytes(StandardCharsets.UTF_8), "newsml");

        // Then nothing is guessed, and the known ids are listed
        assertThat(sniffed.format()).isNull();
        assertThat(sniffed.problem()).contains("'newsml'").contains(Format.ids());
    }
}
