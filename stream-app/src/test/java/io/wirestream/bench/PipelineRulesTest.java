package io.wirestream.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineRulesTest {

    private static final String ONE_SUBJECT = """
            version: 1
            subjects:
              - id: storms
                topic: storms
                threshold: 1
                rules:
                  - {id: storms-typhoon, query: typhoon}
            """;

    @TempDir
    Path dir;

    @Test
    void shouldWriteAGivenRulesFileWithItsTopicsUnderTheRunsPrefix() throws IOException {
        // Given a rules file of one subject
        Path source = Files.writeString(dir.resolve("storms.yaml"), ONE_SUBJECT);

        // When the bench writes the rules of a run from it
        PipelineRules rules = PipelineRules.write(source, dir.resolve("run-rules.yaml"), "wsbench-x.eos.", 0, 2, 42);

        // Then the run routes that subject alone, to its topic under the prefix
        assertThat(rules.topics()).containsExactly("wsbench-x.eos.storms");
        assertThat(Files.readString(rules.file())).contains("topic: wsbench-x.eos.storms").contains("typhoon");
    }

    @Test
    void shouldWriteTheBundledRulesWhenNoFileIsGiven() throws IOException {
        // Given no rules file
        // When the bench writes the rules of a run
        PipelineRules rules = PipelineRules.write(null, dir.resolve("run-rules.yaml"), "wsbench-x.eos.", 0, 2, 42);

        // Then the run routes the bundled subjects under the prefix
        assertThat(rules.topics()).containsExactly("wsbench-x.eos.alliance", "wsbench-x.eos.defense-cost",
                "wsbench-x.eos.north-korea");
    }

    @Test
    void shouldRefuseAGivenRulesFileThatIsInvalid() throws IOException {
        // Given a rules file with a subject but no rules
        Path source = Files.writeString(dir.resolve("bad.yaml"), "version: 1\nsubjects:\n  - id: storms\n");

        // When the bench writes the rules of a run from it
        // Then it stops, naming the file and the problem
        assertThatThrownBy(() -> PipelineRules.write(source, dir.resolve("run-rules.yaml"), "p.", 0, 2, 42))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("run-rules.yaml is invalid");
    }
}
