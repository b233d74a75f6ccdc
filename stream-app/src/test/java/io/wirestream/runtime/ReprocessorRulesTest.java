package io.wirestream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.classify.Classification;
import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RuleSet;
import io.wirestream.classify.RulesLoader;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.schema.Dispatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reprocessing routes by the rules in force, learned models included, only to prefixed topics. */
class ReprocessorRulesTest {

    @Test
    void shouldKeepTheLearnedModelsWhenPrefixingTheTopics() {
        // Given the bundled rules, which count a learned Korean model, and the same rules prefixed for a reprocess
        RuleSet rules = RulesLoader.loadDefault();
        RuleSet prefixed = Reprocessor.withPrefix(rules, "reprocess-");

        // When a Korean launch story is classified by each
        Dispatch launch = korean();
        Classification live = new RuleClassifier(rules).classify(launch);
        Classification again = new RuleClassifier(prefixed).classify(launch);

        // Then the decisions are the same, model included, and only the topics differ
        assertThat(prefixed.models()).isEqualTo(rules.models());
        assertThat(again.scores()).extracting(s -> s.score()).isEqualTo(live.scores().stream().map(s -> s.score())
                .toList());
        assertThat(again.routed()).extracting(s -> s.subject().topic()).containsExactly("reprocess-north-korea");
        assertThat(again.scores().get(again.scores().size() - 1).rules())
                .anyMatch(match -> match.ruleId().equals("ko-north-korea-model"));
    }

    private static Dispatch korean() {
        String text = "북한, 동해상으로 탄도미사일 발사…합참 \"경계태세 강화\"\n(서울=연합뉴스) 김철수 기자 = 북한이 27일 "
                + "오전 동해상으로 탄도미사일 1발을 발사했다고 합동참모본부가 밝혔다.\nkim@yna.co.kr\n(끝)";
        ParseResult result = new DispatchParser().parse(RawDispatch.of(text.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2024-03-27T03:00:00Z")));
        return ((ParseResult.Parsed) result).dispatch();
    }
}
