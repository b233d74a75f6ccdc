package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharGramsTest {

    /** What a split gave: each piece with its word and weight, and each word's place. */
    private static final class Recorded implements CharGrams.Sink {
        final List<String> pieces = new ArrayList<>();
        final List<String> words = new ArrayList<>();

        @Override
        public boolean word(int word, int source, int start, int end, char[] padded, int size, int weight) {
            words.add(word + ":" + source + ":" + start + "-" + end);
            return false;
        }

        @Override
        public void gram(long key, int word, int weight) {
            pieces.add(CharGrams.piece(key) + "|" + word + "|" + weight);
        }
    }

    @Test
    void shouldCutEachPaddedWordIntoPiecesOfTwoToFourCharacters() {
        // Given a headline of one word with a particle
        Recorded recorded = new Recorded();

        // When split
        int words = CharGrams.split("북한이", List.of(), recorded);

        // Then the word is padded with a space each side, so the particle at its end is a piece of its own
        assertThat(words).isEqualTo(1);
        assertThat(recorded.pieces).containsExactly(" 북|0|3", "북한|0|3", "한이|0|3", "이 |0|3", " 북한|0|3",
                "북한이|0|3", "한이 |0|3", " 북한이|0|3", "북한이 |0|3");
    }

    @Test
    void shouldWeighTheHeadlineThreeTimesAndNumberWordsAcrossParagraphs() {
        // Given a headline and two paragraphs, with runs of white space and a no-break space
        Recorded recorded = new Recorded();

        // When split
        int words = CharGrams.split("北 발사", List.of("  합참\u00A0발표", "끝"), recorded);

        // Then words are numbered in reading order with their places, and only headline pieces weigh 3
        assertThat(words).isEqualTo(5);
        assertThat(recorded.words).containsExactly("0:0:0-1", "1:0:2-4", "2:1:2-4", "3:1:5-7", "4:2:0-1");
        assertThat(recorded.pieces).contains(" 北|0|3", "발사 |1|3", " 합참|2|1", "발표 |3|1", " 끝 |4|1");
        assertThat(recorded.pieces).noneMatch(piece -> piece.startsWith(" 합참|") && piece.endsWith("|3"));
    }

    @Test
    void shouldLowerCaseLatinLettersSoThatIcbmAndIcbmAreOneWord() {
        // Given the same abbreviation in two cases
        Recorded upper = new Recorded();
        Recorded lower = new Recorded();

        // When split
        CharGrams.split("ICBM", List.of(), upper);
        CharGrams.split("icbm", List.of(), lower);

        // Then they give the same pieces
        assertThat(upper.pieces).isEqualTo(lower.pieces).contains(" icb|0|3");
    }

    @Test
    void shouldGiveEveryPieceAKeyOfItsOwnAndBack() {
        // Given pieces of two, three and four characters, one with the padding space at its start
        for (String piece : List.of(" 북", "북한", "한이 ", " 북한이", "ab", "\uFFFD가")) {
            // When packed and unpacked
            // Then it comes back unchanged
            assertThat(CharGrams.piece(CharGrams.key(piece))).isEqualTo(piece);
        }
        assertThat(CharGrams.key(" 북")).isNotEqualTo(CharGrams.key("북 "));
    }

    @Test
    void shouldRefusePiecesShorterThanTwoOrLongerThanFourCharacters() {
        assertThatThrownBy(() -> CharGrams.key("북")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CharGrams.key("북한이다 ")).isInstanceOf(IllegalArgumentException.class);
    }
}
