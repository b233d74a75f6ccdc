package io.wirestream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.classify.RuleClassifier;
import io.wirestream.classify.RulesLoader;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DispatchGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    private static final Instant RECEIVED = Instant.parse("2025-03-10T03:00:00Z");

    @Test
    void shouldMakeDistinctWireDispatchesOfTwoToFourKilobytesAboutAThirdOnASubject() {
        DispatchGenerator generator = new DispatchGenerator(42, TODAY);
        DispatchParser parser = new DispatchParser();
        RuleClassifier classifier = new RuleClassifier(RulesLoader.loadDefault());
        int count = 3_000;
        int parsed = 0;
        int routed = 0;
        int deadLetters = 0;
        Set<String> contentIds = new HashSet<>();
        for (int i = 0; i < count; i++) {
            byte[] value = generator.generate(i).value();
            assertThat(value.length).as("size of dispatch %d", i).isBetween(2_048, 4_096);
            ParseResult result = parser.parse(RawDispatch.of(value, RECEIVED));
            if (result instanceof ParseResult.Parsed ok) {
                parsed++;
                assertThat(contentIds.add(ok.dispatch().getContentId())).as("dispatch %d is new content", i).isTrue();
                assertThat(ok.dispatch().getEndSeen()).isTrue();
                assertThat(ok.dispatch().getDateline()).isNotNull();
                assertThat(ok.dispatch().getBylines()).isNotEmpty();
                assertThat(ok.dispatch().getEmails()).isNotEmpty();
                if (classifier.classify(ok.dispatch()).isRouted()) {
                    routed++;
                }
            } else {
                deadLetters++;
            }
        }
        assertThat(deadLetters).isBetween(count / 200, count / 50);
        assertThat(routed / (double) parsed).as("share routed to a subject").isBetween(0.28, 0.40);
    }

    @Test
    void shouldMakeTheSameDispatchForTheSameSeedAndIndex() {
        DispatchGenerator one = new DispatchGenerator(42, TODAY);
        DispatchGenerator two = new DispatchGenerator(42, TODAY);
        assertThat(one.generate(12_345).value()).isEqualTo(two.generate(12_345).value());
        assertThat(one.generate(12_345).key()).isEqualTo(two.generate(12_345).key());
        assertThat(new DispatchGenerator(43, TODAY).generate(12_345).value()).isNotEqualTo(one.generate(12_345).value());
    }
}
