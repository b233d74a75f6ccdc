package io.wirestream.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The template language of {@link SeedTemplates}, on a made-up story whose text needs escaping everywhere, so that
 * it is checked without {@code shared/}.
 */
class SeedTemplatesTest {

    private static final String STORY = """
            AT&T says "<b>" tags: a made-up headline
            By Jane Roe
            NEW YORK, March 1 (Yonhap) -- A made-up lead about AT&T, "quotes" and <angle> brackets, long enough to wrap.
            A second paragraph.
            jroe@example.org
            (END)
            """;
    private static final SeedTemplates TEMPLATES = templates();

    @Test
    void shouldEscapeValuesAsXmlTextAndAsAttributesButNotAsCdata() {
        // Given a value in an attribute, in text and in a CDATA section
        String template = "<a title=\"{{headline}}\">{{headline}}<![CDATA[<p>{{headline}}</p>]]></a>";

        // When it is filled as XML
        String rendered = TEMPLATES.render(template, SeedTemplates.Escape.XML);

        // Then each is escaped for where it stands
        assertThat(rendered).isEqualTo("<a title=\"AT&amp;T says &quot;&lt;b&gt;&quot; tags: a made-up headline\">"
                + "AT&amp;T says \"&lt;b&gt;\" tags: a made-up headline"
                + "<![CDATA[<p>AT&amp;T says \"&lt;b&gt;\" tags: a made-up headline</p>]]></a>");
    }

    @Test
    void shouldWriteJsonStringsThatReadBackAsTheStory() throws Exception {
        // Given a JSON template with a plain value and HTML paragraphs, the first with its dateline
        String template = """
                {"headline": "{{headline}}", "located": "{{city|title}}",
                 "body": "{{#dated-paragraphs}}<p>{{paragraph|html}}</p>{{/dated-paragraphs}}<p>{{email|html}}</p>"}
                """;

        // When it is filled as JSON and read back
        JsonNode json = new ObjectMapper().readTree(TEMPLATES.render(template, SeedTemplates.Escape.JSON));

        // Then the values are the story's, the markup in them escaped once, as HTML
        assertThat(json.get("headline").asText()).isEqualTo("AT&T says \"<b>\" tags: a made-up headline");
        assertThat(json.get("located").asText()).isEqualTo("New York");
        assertThat(json.get("body").asText()).isEqualTo("<p>NEW YORK, March 1 (Yonhap) -- A made-up lead about "
                + "AT&amp;T, \"quotes\" and &lt;angle&gt; brackets, long enough to wrap.</p>"
                + "<p>A second paragraph.</p><p>jroe@example.org</p>");
    }

    @Test
    void shouldWrapParagraphsWithTheTemplatesLineEndingsAndDropStandaloneSectionLines() {
        // Given wire text: CR CR LF line endings, tab-indented paragraphs wrapped at 40 characters
        String template = "By {{byline}}\r\r\n{{#dated-paragraphs}}\r\r\n\t{{paragraph|wrap:40}}\r\r\n"
                + "{{/dated-paragraphs}}\r\r\n{{email}}\r\r\n(END)";

        // When it is filled as text
        String rendered = TEMPLATES.render(template, SeedTemplates.Escape.NONE);

        // Then the values are as they are, the lines broken between words
        assertThat(rendered).isEqualTo("By Jane Roe\r\r\n"
                + "\tNEW YORK, March 1 (Yonhap) -- A made-up\r\r\n"
                + "lead about AT&T, \"quotes\" and <angle>\r\r\n"
                + "brackets, long enough to wrap.\r\r\n"
                + "\tA second paragraph.\r\r\n"
                + "jroe@example.org\r\r\n(END)");
    }

    @Test
    void shouldSplitTheDatelineAndCutTheLead() {
        // Given the parts of the dateline and a summary from the lead
        String template = "{{city}}|{{dateline-date}}|{{agency}}|{{dateline}}|{{lead|words:4}}.";

        // When it is filled
        String rendered = TEMPLATES.render(template, SeedTemplates.Escape.NONE);

        // Then each is the story's
        assertThat(rendered).isEqualTo("NEW YORK|March 1|Yonhap|NEW YORK, March 1 (Yonhap)|A made-up lead about.");
    }

    @Test
    void shouldRefuseWhatItDoesNotKnow() {
        assertThatThrownBy(() -> TEMPLATES.render("{{slugline}}", SeedTemplates.Escape.NONE))
                .hasMessageContaining("{{slugline}}");
        assertThatThrownBy(() -> TEMPLATES.render("{{paragraph}}", SeedTemplates.Escape.NONE))
                .hasMessageContaining("outside a section");
        assertThatThrownBy(() -> TEMPLATES.render("{{headline|upper}}", SeedTemplates.Escape.NONE))
                .hasMessageContaining("upper");
        assertThatThrownBy(() -> TEMPLATES.render("{{#paragraphs}}{{paragraph}}", SeedTemplates.Escape.NONE))
                .hasMessageContaining("paragraphs");
        assertThatThrownBy(() -> TEMPLATES.render("{{#paragraphs}}{{paragraph|wrap:9}}{{/paragraphs}}",
                SeedTemplates.Escape.NONE)).hasMessageContaining("line ending");
    }

    private static SeedTemplates templates() {
        ParseResult result = new DispatchParser().parse(RawDispatch.of(STORY.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2020-03-01T12:00:00Z")));
        return new SeedTemplates(((ParseResult.Parsed) result).dispatch(), STORY);
    }
}
