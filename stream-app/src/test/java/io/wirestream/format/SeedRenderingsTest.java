package io.wirestream.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed story of {@code shared/seed}, rendered in each of the seven other formats, reads as the plain seed does:
 * same headline, paragraphs, dateline city, and the same routing by the bundled rules, field by field. The
 * renderings are made at test time by {@link SeedTemplates} from the templates
 * {@code formats/<format>/00-seed.<ext>.template}, which hold each format's hand-made framing and none of the
 * seed's text; each comes with {@code 00-seed.expect.json.template}, checked as {@link FormatFixturesTest} checks
 * a fixture.
 */
@RequiresShared
class SeedRenderingsTest {

    private static final Instant RECEIVED = Instant.parse("2021-02-06T23:10:00Z");
    private static final RuleSet RULES = RulesLoader.loadDefault();
    private static final RuleClassifier CLASSIFIER = new RuleClassifier(RULES);
    private static Dispatch plain;
    private static SeedTemplates templates;

    @BeforeAll
    static void parsePlainSeed() throws Exception {
        byte[] seed = Files.readAllBytes(SharedFixtures.seed());
        ParseResult result = new DispatchParser().parse(RawDispatch.of(seed, RECEIVED));
        plain = ((ParseResult.Parsed) result).dispatch();
        assertThat(plain.getFormat()).isEqualTo("yonhap-text");
        templates = new SeedTemplates(plain, new String(seed, StandardCharsets.UTF_8));
    }

    /** Each rendering, named as the fixture it stands for (its template without {@code .template}), its format. */
    static Stream<Arguments> renderings() {
        return Stream.of(
                arguments("iptc7901/00-seed.txt", "iptc7901"),
                arguments("anpa1312/00-seed.txt", "anpa1312"),
                arguments("newsml-g2/00-seed.xml", "newsml-g2"),
                arguments("nitf/00-seed.nitf", "nitf"),
                arguments("ninjs/00-seed.json", "ninjs"),
                arguments("rss/00-seed.rss", "rss"),
                arguments("atom/00-seed.atom", "atom"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void shouldReadTheSeedAsThePlainTextReadsIt(String fixture, String format) throws Exception {
        // Given the seed rendered in another format, sniffed without a hint
        RawDispatch raw = RawDispatch.of(templates.render(fixture), RECEIVED);

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void shouldReadTheSeedAsItsExpectationSays(String fixture, String format) throws Exception {
        String expectation = fixture.substring(0, fixture.lastIndexOf('.')) + ".expect.json";

        FormatFixturesTest.check(fixture, format, templates.render(fixture),
                new ObjectMapper().readTree(templates.render(expectation)));
    }

    private static Routing routing(Dispatch dispatch) {
        return RoutingRecords.toAvro(CLASSIFIER.classify(dispatch), RULES);
    }
}
