package io.wirestream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schema.Dispatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Properties that hold for any input whatsoever: no exception, one deterministic result, and stable ids. */
class DispatchParserPropertiesTest {

    private static final Instant RECEIVED = Instant.parse("2024-03-01T03:00:00Z");
    private final DispatchParser parser = new DispatchParser(ParserConfig.defaults().withMaxBytes(64 * 1024));

    @Property(tries = 2000)
    void shouldNeverThrowAndAlwaysDecideOnArbitraryBytes(@ForAll @Size(max = 20_000) byte[] bytes) {
        assertDeterministicResult(bytes);
    }

    @Property(tries = 2000)
    void shouldNeverThrowAndAlwaysDecideOnArbitraryStrings(@ForAll("wireLikeText") String text) {
        assertDeterministicResult(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 500)
    void shouldGiveTheSameContentIdWhateverTheLineEndingsAndPadding(@ForAll("dispatches") String text,
            @ForAll("lineEndings") String ending) {
        String reformatted = "  " + text.replace("\n", "  " + ending + ending + "\t");
        ParseResult plain = parser.parse(RawDispatch.of(text.getBytes(StandardCharsets.UTF_8), RECEIVED));
        ParseResult messy = parser.parse(RawDispatch.of(reformatted.getBytes(StandardCharsets.UTF_8), RECEIVED));
        assertThat(plain).isInstanceOf(ParseResult.Parsed.class);
        assertThat(messy).isInstanceOf(ParseResult.Parsed.class);
        Dispatch a = ((ParseResult.Parsed) plain).dispatch();
        Dispatch b = ((ParseResult.Parsed) messy).dispatch();
        assertThat(b.getContentId()).isEqualTo(a.getContentId());
        assertThat(b.getParagraphs()).isEqualTo(a.getParagraphs());
    }

    @Property(tries = 500)
    void shouldKeepTheStoryKeyAcrossVersionTags(@ForAll("dispatches") String text,
            @ForAll("versionTags") String tag) {
        ParseResult first = parser.parse(RawDispatch.of(text.getBytes(StandardCharsets.UTF_8), RECEIVED));
        ParseResult update = parser.parse(RawDispatch.of((tag + " " + text).getBytes(StandardCharsets.UTF_8), RECEIVED));
        Dispatch a = ((ParseResult.Parsed) first).dispatch();
        Dispatch b = ((ParseResult.Parsed) update).dispatch();
        assertThat(b.getStoryKey()).isEqualTo(a.getStoryKey());
        assertThat(b.getContentId()).isNotEqualTo(a.getContentId());
        assertThat(b.getVersion()).isPositive();
    }

    private void assertDeterministicResult(byte[] bytes) {
        ParseResult once = parser.parse(RawDispatch.of(bytes, RECEIVED));
        ParseResult twice = parser.parse(RawDispatch.of(bytes.clone(), RECEIVED));
        assertThat(once).isNotNull();
        if (once instanceof ParseResult.Parsed parsed) {
            assertThat(twice).isInstanceOf(ParseResult.Parsed.class);
            assertThat(((ParseResult.Parsed) twice).dispatch()).isEqualTo(parsed.dispatch());
            assertThat(parsed.dispatch().getHeadline()).isNotBlank();
        } else {
            assertThat(twice).isEqualTo(once);
        }
    }

    /** Text built from the wire's own pieces, so that the parser's deeper branches are reached. */
    @Provide
    Arbitrary<String> wireLikeText() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("(LEAD) ", "(2nd LD) ", "(URGENT) ", "(Asiad) ", "(ATTN: ADDS photo)", "By Kim Boram",
                        "SEOUL, Nov. 3 (Yonhap) -- ", "SEOUL -- ", "HANGZHOU, China, Oct. 8 (Yonhap) -- ",
                        "kdh@yna.co.kr", "(END)", "-", "\n", "\r\n", "\r", " ", "\t", "\u00A0", "\uFEFF", "\u0007",
                        "(", ")", "<html>", "북한", "Feb. 30", "Feb. 29 (Yonhap) --", "yna.".repeat(3000),
                        "By the end", "\u2014", "SEOUL/WASHINGTON, Nov.3 (Yonhap) "),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange('A', 'Z').ofMaxLength(12));
        return piece.list().ofMaxSize(200).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> dispatches() {
        Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(9)
                .list().ofMinSize(3).ofMaxSize(12).map(w -> String.join(" ", w));
        Arbitrary<List<String>> paragraphs = words.map(w -> w + ".").list().ofMinSize(1).ofMaxSize(6);
        return Combinators.combine(words, paragraphs, Arbitraries.integers().between(1, 28))
                .as((headline, body, day) -> "Korea " + headline + "\nBy Lee Minji\nSEOUL, Feb. " + day
                        + " (Yonhap) -- " + String.join("\n", body) + "\nlmj@yna.co.kr\n(END)");
    }

    @Provide
    Arbitrary<String> lineEndings() {
        return Arbitraries.of("\n", "\r\n", "\r");
    }

    @Provide
    Arbitrary<String> versionTags() {
        return Arbitraries.of("(LEAD)", "(2nd LD)", "(3rd LD)", "(11th LD)", "(lead)");
    }
}
