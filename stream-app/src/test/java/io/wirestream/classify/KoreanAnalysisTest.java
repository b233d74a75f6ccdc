package io.wirestream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schema.Dispatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Korean copy through Lucene's Korean analyzer: rules match words, not particles, the user dictionary keeps the
 * subjects' compounds whole, and the words that only look like a subject's do not match it.
 */
class KoreanAnalysisTest {

    private static final Dispatch LAUNCH = RuleClassifierTest.dispatch("""
            북한, 동해상으로 탄도미사일 발사…합참 "경계태세 강화"(종합)
            (서울=연합뉴스) 김철수 기자 = 북한이 20일 오전 동해상으로 단거리 탄도미사일 1발을 발사했다고 합동참모본부가 밝혔다.
            합참은 "북한의 추가 도발에 대비해 한미 간 긴밀히 공조하고 있다"고 말했다.
            북한은 올해 들어 12차례 미사일을 쐈다.
            kcs@yna.co.kr
            (끝)
            """);

    @Test
    void shouldDropParticlesSoThatEveryFormOfTheWordMatches() {
        // Given the same word with three particles
        // When each is analyzed
        // Then each is the bare noun
        assertThat(terms("북한이")).containsExactly("북한");
        assertThat(terms("북한의")).containsExactly("북한");
        assertThat(terms("북한은")).containsExactly("북한");
        assertThat(terms("미국의")).containsExactly("미국");
    }

    @Test
    void shouldKeepTheUserDictionarysCompoundsWhole() {
        // Given the compounds the subjects need, written solid
        // When analyzed
        // Then each is one word, never Nori's smaller pieces (주한, 미군; 핵, 협의, 그룹)
        assertThat(terms("주한미군은")).containsExactly("주한미군");
        assertThat(terms("핵협의그룹(NCG)")).containsExactly("핵협의그룹", "ncg");
        assertThat(terms("한미가")).containsExactly("한미");
        assertThat(terms("김정은")).containsExactly("김정은");

        // And the cost-sharing compounds are read as the dictionary's words, solid or spaced alike, so that one
        // phrase query finds every spelling
        assertThat(terms("방위비분담금을")).containsExactly("방위비", "분담금");
        assertThat(terms("방위비 분담금")).containsExactly("방위비", "분담금");
        assertThat(terms("방위비분담특별협정")).containsExactly("방위비", "분담", "특별", "협정");
    }

    @Test
    void shouldNotTakeTheMountainOrNorthAmericaForNorthKorea() {
        // Given words that hold 북한 or 북미 but mean something else
        // When analyzed
        // Then 북한 is not among their words
        assertThat(terms("북한산에 올랐다")).contains("북한산").doesNotContain("북한");
        assertThat(terms("북한강 자전거길")).contains("북한강").doesNotContain("북한");

        // And a rule that wants North Korea and the U.S. together does not route a story on North American sales
        String rules = """
                subjects:
                  - id: north-korea
                    topic: nk
                    threshold: 1
                    rules: [{id: r, query: 'lead:북한'}]
                    languages:
                      ko:
                        threshold: 2
                        rules:
                          - {id: ko-nk, weight: 2, query: '북한'}
                          - {id: ko-nk-us, weight: 2, query: '북미 AND (비핵화 OR 정상회담 OR 협상)'}
                """;
        Dispatch hiking = RuleClassifierTest.dispatch("""
                북한산 단풍 절정…북미 관광객도 몰려
                (서울=연합뉴스) 이영희 기자 = 20일 서울 북한산 국립공원에 단풍이 절정을 이뤘다.
                북미와 유럽에서 온 관광객들도 등산로를 찾았다.
                lyh@yna.co.kr
                (끝)
                """);
        assertThat(hiking.getLanguage()).isEqualTo("ko");
        assertThat(classifier(rules).classify(hiking).isRouted()).isFalse();
        assertThat(classifier(rules).classify(LAUNCH).isRouted()).isTrue();
    }

    @Test
    void shouldScoreKoreanCopyByTheKoreanRulesAndExplainTheirMatches() {
        // Given a subject with English rules and Korean rules of its own
        String rules = """
                subjects:
                  - id: north-korea
                    topic: nk
                    threshold: 1
                    rules: [{id: en-nk, query: '"north korea"'}]
                    languages:
                      ko:
                        threshold: 1
                        rules: [{id: ko-launch, query: '북한 AND 미사일'}]
                """;
        // When a Korean dispatch is classified
        Classification decision = classifier(rules).classify(LAUNCH);

        // Then the Korean rule routes it, and the explanation names the Korean words it matched
        assertThat(decision.routed()).singleElement().satisfies(score -> {
            assertThat(score.rules()).extracting(Classification.RuleMatch::ruleId).containsExactly("ko-launch");
            assertThat(score.terms()).contains("북한", "미사일");
        });
    }

    @Test
    void shouldLeaveLatinWordsInKoreanCopyToTheEnglishPath() {
        // Given Korean with Latin abbreviations and digits inside
        // When analyzed
        // Then the Latin words are the English path's (lower-cased), the Korean ones Nori's
        assertThat(terms("北 ICBM 발사에 F-35A 출격")).contains("北", "icbm", "발사", "f", "35a", "출격");
    }

    private static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        WireTerms.split(text, new char[16], (term, start, end) -> terms.add(term));
        return terms;
    }

    private static RuleClassifier classifier(String yaml) {
        try {
            return new RuleClassifier(RulesLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml"));
        } catch (RulesException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
