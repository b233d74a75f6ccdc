package io.wirestream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.registry.SchemaRegistryException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

/** What a stopped pipeline tells people about why. */
class StreamsRunnerMessagesTest {

    @Test
    void shouldNameTheRegistryFailureWhereverItIsInTheChain() {
        Throwable error = new StreamsException("task failed", new KafkaException("serialization failed",
                new SchemaRegistryException("the schema registry at http://registry:8081 did not answer", null)));

        assertThat(StreamsRunner.rootMessage(error))
                .isEqualTo("the schema registry at http://registry:8081 did not answer");
    }

    @Test
    void shouldGiveTheTopMessageWithTheRootCause() {
        Throwable error = new StreamsException("task failed", new IllegalStateException("bug"));

        assertThat(StreamsRunner.rootMessage(error))
                .isEqualTo("task failed (caused by java.lang.IllegalStateException: bug)");
        assertThat(StreamsRunner.rootMessage(new IllegalStateException("alone"))).isEqualTo("alone");
        assertThat(StreamsRunner.rootMessage(new IllegalStateException())).isEqualTo("null");
    }

    @Test
    void shouldEndAChainThatComesBackOnItself() {
        IllegalStateException outer = new IllegalStateException("outer");
        IllegalStateException inner = new IllegalStateException("inner", outer);
        outer.initCause(inner);

        assertThat(StreamsRunner.rootMessage(outer)).isEqualTo("outer (caused by java.lang.IllegalStateException: inner)");
    }
}
