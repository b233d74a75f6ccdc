package io.wirestream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.registry.SchemaRegistryException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

/** Which failed stream threads are replaced, and how often, rather than the whole client stopped. */
class StreamsRunnerReplacementsTest {

    /** As a broker that has just restarted fails a transaction's end: Streams wraps the producer's error. */
    private static final Throwable END_TXN = new StreamsException("Error encountered trying to commit a transaction",
            new KafkaException("Unhandled error in EndTxnResponse: The server experienced an unexpected error"));

    @Test
    void shouldReplaceAThreadThatFailedOnKafkaItselfAFewTimesAWindow() {
        StreamsRunner.Replacements replacements = new StreamsRunner.Replacements();
        long now = 0;
        for (int i = 0; i < StreamsRunner.Replacements.MAX; i++) {
            assertThat(replacements.mayReplace(END_TXN, now += 1_000)).as("replacement %d", i + 1).isTrue();
        }
        assertThat(replacements.mayReplace(END_TXN, now += 1_000)).as("one more in the window").isFalse();
        now += StreamsRunner.Replacements.WINDOW.toNanos();
        assertThat(replacements.mayReplace(new StreamsException(new TimeoutException("no answer")), now))
                .as("once the window has passed").isTrue();
    }

    @Test
    void shouldStopOnAnythingElse() {
        StreamsRunner.Replacements replacements = new StreamsRunner.Replacements();
        assertThat(replacements.mayReplace(new StreamsException("serialization failed", new SchemaRegistryException(
                "the schema registry at http://registry:8081 did not answer for 30 s", null)), 0)).isFalse();
        assertThat(replacements.mayReplace(new StreamsException("a bug", new IllegalStateException("bug")), 0))
                .isFalse();
        assertThat(replacements.mayReplace(new StreamsException("bare"), 0)).isFalse();
    }
}
