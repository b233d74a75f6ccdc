package io.wirestream.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.classify.RoutingRecords;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RuleSet;
import io.wirestream.classify.RulesLoader;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.schema.Dispatch;
import io.wirestream.schema.Routing;
import io.wirestream.testing.RequiresShared;
import io.wirestream.testing.SharedFixtures;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seed story of {@code shared/seed}, rendered by hand in each of the seven other formats (the fixtures
 * {@code formats/<format>/00-seed.*}), reads as the plain seed does: same headline, paragraphs, dateline city, and
 * the same routing by the bundled rules, field by field.
 */
@RequiresShared
class SeedRenderingsTest {

    private static final Instant RECEIVED = Instant.parse("2021-02-06T23:10:00Z");
    private static final RuleSet RULES = RulesLoader.loadDefault();
    private static final RuleClassifier CLASSIFIER = new RuleClassifier(RULES);
    private static Dispatch plain;

    @BeforeAll
    static void parsePlainSeed() throws Exception {
        ParseResult result = new DispatchParser().parse(RawDispatch.of(Files.readAllBytes(SharedFixtures.seed()),
                RECEIVED));
        plain = ((ParseResult.Parsed) result).dispatch();
        assertThat(plain.getFormat()).isEqualTo("yonhap-text");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "iptc7901/00-seed.txt, iptc7901",
        "anpa1312/00-seed.txt, anpa1312",
        "newsml-g2/00-seed.xml, newsml-g2",
        "nitf/00-seed.nitf, nitf",
        "ninjs/00-seed.json, ninjs",
        "rss/00-seed.rss, rss",
        "atom/00-seed.atom, atom"})
    void shouldReadTheSeedAsThePlainTextReadsIt(String fixture, String format) throws Exception {
        // Given the seed rendered in another format, sniffed without a hint
        RawDispatch raw = RawDispatch.of(Fixtures.bytes(fixture), RECEIVED);

        // When it is parsed
        ParsedDocument document = new FormatParser().parseAll(raw, null);

        // Then it is one dispatch with the plain seed's story and routing
        assertThat(document.format().id()).isEqualTo(format);
        assertThat(document.results()).singleElement().isInstanceOf(ParseResult.Parsed.class);
        Dispatch rendered = document.dispatches().get(0);
        assertThat(rendered.getFormat()).isEqualTo(format);
        assertThat(rendered.getHeadline()).isEqualTo(plain.getHeadline());
        assertThat(rendered.getParagraphs()).isEqualTo(plain.getParagraphs());
        assertThat(rendered.getDateline().getCity()).isEqualTo(plain.getDateline().getCity());
        assertThat(rendered.getBylines()).isEqualTo(plain.getBylines());
        assertThat(rendered.getLanguage()).isEqualTo(plain.getLanguage());
        assertThat(rendered.getStoryKey()).isEqualTo(plain.getStoryKey());
        assertThat(routing(rendered)).isEqualTo(routing(plain));
        assertThat(routing(plain).getSubjects()).isNotEmpty();
    }

    private static Routing routing(Dispatch dispatch) {
        return RoutingRecords.toAvro(CLASSIFIER.classify(dispatch), RULES);
    }
}
