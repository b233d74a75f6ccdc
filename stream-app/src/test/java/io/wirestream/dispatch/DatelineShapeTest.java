package io.wirestream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** The scan for the usual dateline answers as the patterns do, whenever it answers at all. */
class DatelineShapeTest {

    @Property(tries = 20_000)
    void shouldReadTheUsualDatelineAsThePatternsDo(@ForAll("openings") String paragraph) {
        DatelineParser.Match scanned = DatelineParser.usual(paragraph);

        Statistics.collect(scanned != null ? "scanned" : "left to the patterns");
        Statistics.coverage(coverage -> coverage.check("scanned").percentage(percent -> percent > 10));
        if (scanned != null) {
            assertThat(scanned).isEqualTo(DatelineParser.byPattern(paragraph));
        }
    }

    @Test
    void shouldScanTheUsualShapes() {
        for (String paragraph : new String[] {"SEOUL, Feb. 7 (Yonhap) -- North Korea fired",
            "WASHINGTON, Sept. 30 (Yonhap)--The", "NEW YORK, May 2 (Yonhap) \u2014 a", "SEOUL, June 25 (Yonhap) -- ",
            "BEIJING, Dec.1(AFP) --x"}) {
            DatelineParser.Match scanned = DatelineParser.usual(paragraph);
            assertThat(scanned).as(paragraph).isNotNull().isEqualTo(DatelineParser.byPattern(paragraph));
        }
        assertThat(DatelineParser.usual("SEOUL, Feb. 7 (Yonhap) -- North").rest()).isEqualTo("North");
        assertThat(DatelineParser.find("NEW YORK, Feb. 7 (Yonhap) -- x").city()).isEqualTo("NEW YORK");
    }

    /** {@code usual} four times in five, else one of {@code others}: so that the usual shape is common. */
    private static Arbitrary<String> mostly(String usual, String... others) {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(usual)), Tuple.of(1, Arbitraries.of(others)));
    }

    @Provide
    Arbitrary<String> openings() {
        Arbitrary<String> place = Combinators.combine(
                mostly("SEOUL", "S", "NEW YORK", "NEW YORK ", "NEW  YORK", "NEW -- YORK", "NEW (X) YORK", "U.N.", "SEOUL2", "Seoul", "PYEONGCHANG", "A".repeat(40),
                        "A".repeat(41), "\u00C9VIAN", ""),
                mostly(", ", ",", " , ", " ", ""),
                mostly("", "Korea, ", "South Korea, ", "Feb. 7, "),
                mostly("Feb.", "Feb", "Sept.", "Sept", "Septem", "June", "Jun.", "May", "Mai", "feb",
                        "February", "Dec", ""),
                mostly(" ", "", "  "),
                mostly("17", "7", "123", "", "x", "07"))
                .as((city, comma, country, month, space, day) -> city + comma + country + month + space + day);
        Arbitrary<String> close = Combinators.combine(
                mostly(" ", "", "  "),
                mostly("(Yonhap)", "(Yonhap", "()", "(" + "y".repeat(41) + ")", "(" + "y".repeat(40) + ")",
                        "( Yonhap )", "(AFP(x))", "(Yonhap))", ""),
                mostly(" ", "", "  "),
                mostly("--", "\u2014", "\u2013", "\u2015", "-", "---", "", "- -"),
                Arbitraries.of("", " ", "North Korea fired", " -- more", "  two", "(Yonhap) -- again"))
                .as((space, agency, gap, dash, rest) -> space + agency + gap + dash + rest);
        return Combinators.combine(place, close).as(String::concat);
    }
}
