package io.wirestream.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

/** A story key's text: the headline's letters and digits, words one space apart, lower-cased as Locale.ROOT does. */
class StoryKeyTextTest {

    @Property(tries = 3000)
    void shouldKeepWordsAndLowerThemAsTheRuleSays(@ForAll @Chars({' ', '-', '\'', 'A', 'z', 'Q', '9', '\u0130', '\u03A3',
        '\u00C9', '\uD55C', '\uD83D', '\uDE00'}) @CharRange(from = 'A', to = 'F') String headline) {
        assertThat(Story.storyKeyText(headline)).isEqualTo(byTheRule(headline));
    }

    @Test
    void shouldKeyHeadlinesThatDifferOnlyInCaseAndPunctuationAlike() {
        assertThat(Story.storyKeyText("(LEAD) N. Korea fires missile -- JCS"))
                .isEqualTo(Story.storyKeyText("(lead) N Korea FIRES missile: JCS")).isEqualTo("lead n korea fires missile jcs");
        assertThat(Story.storyKeyText("\u0130STANBUL TALKS")).isEqualTo("\u0130STANBUL TALKS".toLowerCase(Locale.ROOT));
    }

    private static String byTheRule(String headline) {
        StringBuilder out = new StringBuilder();
        boolean gap = false;
        for (char c : headline.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(gap && out.length() > 0 ? " " : "").append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
