package io.wirestream.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.ParserConfig;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.schema.Dispatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the format layer for any input: no exception, at least one fate, the same fates each time, sane
 * fields; and work that grows linearly with the document, measured by two per-thread counters (bytes allocated,
 * CPU nanoseconds), never by a wall clock.
 */
class FormatParserPropertiesTest {

    private static final Instant RECEIVED = Instant.parse("2024-03-01T03:00:00Z");
    private static final Set<String> STATUSES = Set.of("usable", "withheld", "canceled");
    private static final List<byte[]> FIXTURES = Fixtures.all().stream().map(path -> {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }).toList();
    /** Pieces that reach the readers' corners: markup, entities, control framing, wire markers. */
    private static final List<String> PIECES = List.of("<", ">", "&", "&amp;", "&nbsp;", "&bogus;", "]]>", "<![CDATA[",
            "<!DOCTYPE x [<!ENTITY a 'b'>]>", "<!DOCTYPE nitf SYSTEM 'n.dtd'>", "<p>", "</p>", "<br/>", "<item>",
            "</item>", "<entry>", "\"", "{", "}", "[", "]", ",", ":", "\\u0000", "\u0000", "\u0001", "\u0002", "\u0003",
            "\u0004", "\u0016", "\r", "\r\r\n", "\n\n", "\t", "\uFEFF", "(END)", "(LEAD) ", "(URGENT) ", "By Kim Boram",
            "SEOUL, Nov. 3 (Yonhap) -- ", "^", "<", "=", "-", "KILL ", "(EDITORIAL from X on Nov. 3)", "\uD55C\uAD6D");

    private final FormatParser parser = new FormatParser(ParserConfig.defaults().withMaxBytes(256 * 1024));

    @Property(tries = 1000)
    void shouldGiveEveryByteSequenceAFateWhateverTheHint(@ForAll @Size(max = 20_000) byte[] bytes,
            @ForAll("hints") String hint) {
        assertSaneAndDeterministic(bytes, hint);
    }

    @Property(tries = 2000)
    void shouldGiveEveryBrokenFixtureAFate(@ForAll("brokenFixtures") byte[] bytes, @ForAll("hints") String hint) {
        assertSaneAndDeterministic(bytes, hint);
    }

    @Property(tries = 40)
    void shouldDoWorkLinearInTheSizeOfTheDocument(@ForAll("formats") Format format,
            @ForAll("paragraphs") String paragraph) {
        // Given one document of some paragraphs (or items), and one eight times as long
        int small = 50;
        byte[] once = document(format, paragraph, small);
        byte[] eightTimes = document(format, paragraph, 8 * small);

        // When each is parsed (after a warm-up of both, in turns, the least of three runs each)
        long[][] work = work(once, eightTimes);
        long[] smallWork = work[0];
        long[] largeWork = work[1];

        // Then the larger costs about eight times as much, far from the 64 times of quadratic work
        assertThat(largeWork[0]).as("bytes allocated, %s: %s -> %s", format, smallWork[0], largeWork[0])
                .isLessThanOrEqualTo(16 * smallWork[0] + 256 * 1024);
        assertThat(largeWork[1]).as("CPU ns, %s: %s -> %s", format, smallWork[1], largeWork[1])
                .isLessThanOrEqualTo(20 * smallWork[1] + 1_000_000);
    }

    private void assertSaneAndDeterministic(byte[] bytes, String hint) {
        ParsedDocument once = parser.parseAll(RawDispatch.of(bytes, RECEIVED), hint);
        ParsedDocument twice = parser.parseAll(RawDispatch.of(bytes.clone(), RECEIVED), hint);
        assertThat(once.results()).isNotEmpty().isEqualTo(twice.results());
        assertThat(once.results().size()).isLessThanOrEqualTo(FormatParser.MAX_ITEMS_PER_DOCUMENT + 1);
        for (Dispatch d : once.dispatches()) {
            assertThat(d.getHeadline()).isNotBlank();
            assertThat(d.getFormat()).isEqualTo(once.format().id());
            assertThat(d.getPubStatus()).isIn(STATUSES);
            assertThat(d.getUrgency()).satisfiesAnyOf(u -> assertThat(u).isNull(), u -> assertThat(u).isBetween(1, 9));
            assertThat(d.getParagraphs()).allSatisfy(p -> assertThat(p).isNotBlank());
        }
        for (ParseResult.Failed failed : once.failures()) {
            assertThat(failed.message()).isNotBlank();
        }
    }

    /**
     * Per document, the bytes allocated and CPU nanoseconds of the cheapest of three parses: all documents are parsed
     * once to warm up, then in turns, so that the compiler's state is the same for each when measured.
     */
    private long[][] work(byte[]... documents) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[][] least = new long[documents.length][];
        for (int d = 0; d < documents.length; d++) {
            parser.parseAll(RawDispatch.of(documents[d], RECEIVED), null);
            least[d] = new long[] {Long.MAX_VALUE, Long.MAX_VALUE};
        }
        for (int run = 0; run < 3; run++) {
            for (int d = 0; d < documents.length; d++) {
                RawDispatch raw = RawDispatch.of(documents[d], RECEIVED);
                long allocated = threads.getCurrentThreadAllocatedBytes();
                long cpu = threads.getCurrentThreadCpuTime();
                parser.parseAll(raw, null);
                least[d][0] = Math.min(least[d][0], threads.getCurrentThreadAllocatedBytes() - allocated);
                least[d][1] = Math.min(least[d][1], threads.getCurrentThreadCpuTime() - cpu);
            }
        }
        return least;
    }

    /** A document of {@code count} copies of {@code paragraph}: paragraphs of a story, or items of a feed. */
    private static byte[] document(Format format, String paragraph, int count) {
        String text;
        if (format == Format.RSS || format == Format.ATOM) {
            List<String> items = Collections.nCopies(count, Documents.item(format, "Headline " + paragraph,
                    List.of(paragraph)));
            text = Documents.feed(format, items);
        } else {
            text = Documents.story(format, "Headline of the story", Collections.nCopies(count, paragraph));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<String> hints() {
        List<String> hints = new ArrayList<>(Arrays.stream(Format.values()).map(Format::id).toList());
        hints.addAll(List.of("application/json", "application/rss+xml", "text/plain", "bogus", " "));
        return Arbitraries.of(hints).injectNull(0.3);
    }

    @Provide
    Arbitrary<Format> formats() {
        return Arbitraries.of(Format.values());
    }

    /** A paragraph of wire-like text with hostile pieces mixed in, up to about 300 characters. */
    @Provide
    Arbitrary<String> paragraphs() {
        Arbitrary<String> words = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
        return Arbitraries.oneOf(words, Arbitraries.of(PIECES)).list().ofMinSize(1).ofMaxSize(40)
                .map(parts -> String.join(" ", parts));
    }

    /** A fixture truncated, with pieces inserted, or with bytes overwritten. */
    @Provide
    Arbitrary<byte[]> brokenFixtures() {
        Arbitrary<byte[]> fixture = Arbitraries.of(FIXTURES);
        return Combinators.combine(fixture, Arbitraries.integers().between(0, 1 << 20), Arbitraries.of(PIECES),
                Arbitraries.integers().between(0, 2)).as((doc, at, piece, how) -> {
                    int cut = doc.length == 0 ? 0 : at % doc.length;
                    byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
                    return switch (how) {
                        case 0 -> Arrays.copyOf(doc, cut);
                        case 1 -> concat(Arrays.copyOf(doc, cut), bytes, Arrays.copyOfRange(doc, cut, doc.length));
                        default -> {
                            byte[] copy = doc.clone();
                            System.arraycopy(bytes, 0, copy, cut, Math.min(bytes.length, copy.length - cut));
                            yield copy;
                        }
                    };
                });
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
