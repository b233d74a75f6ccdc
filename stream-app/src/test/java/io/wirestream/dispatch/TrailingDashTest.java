package io.wirestream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The scan that takes a dateline's closing dash off, against the pattern it replaced. */
class TrailingDashTest {

    /** What the parser used before: one optional space, one dash, one optional space, at the end. */
    private static final Pattern PATTERN = Pattern.compile(" ?(?:--|\u2014|\u2013|\u2015) ?$");

    @Property(tries = 5000)
    void shouldTakeOffWhatThePatternTookOff(@ForAll("endings") String text) {
        // Given any text made of the characters that matter at a dateline's end
        // When the closing dash is taken off by the scan
        String scanned = DatelineParser.withoutTrailingDash(text);

        // Then the result is the pattern's
        assertThat(scanned).as("'%s'", text).isEqualTo(PATTERN.matcher(text).replaceFirst(""));
    }

    @Test
    void shouldKeepTheCityAndDateOfADateline() {
        // Given datelines as written, with the dash and the space after it
        // When the dash is taken off
        // Then place, date and agency stay, without the space before the dash
        assertThat(DatelineParser.withoutTrailingDash("SEOUL, Dec. 5 (Yonhap) -- ")).isEqualTo("SEOUL, Dec. 5 (Yonhap)");
        assertThat(DatelineParser.withoutTrailingDash("TOKYO \u2014")).isEqualTo("TOKYO");
        assertThat(DatelineParser.withoutTrailingDash("BUSAN")).isEqualTo("BUSAN");
    }

    @Provide
    Arbitrary<String> endings() {
        return Arbitraries.strings().withChars(' ', '-', '\u2014', '\u2013', '\u2015', 'A', ',').ofMaxLength(8);
    }
}
