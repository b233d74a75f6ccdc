package io.wirestream.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.junit.jupiter.api.Test;

class BenignNoiseTest {

    private final LoggerContext context = new LoggerContext();
    private final BenignNoise filter = new BenignNoise();

    @Test
    void shouldDropTheKnownBenignRetriesOfATransactionalProducer() {
        assertThat(decide("org.apache.kafka.clients.producer.internals.Sender", Level.WARN,
                "Got error produce response with correlation id 37 on topic-partition unrouted-1, retrying "
                        + "(2147483646 attempts left). Error: CONCURRENT_TRANSACTIONS", null)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void shouldKeepEveryOtherWarningOfTheSameLogger() {
        assertThat(decide("org.apache.kafka.clients.producer.internals.Sender", Level.WARN,
                "Got error produce response with correlation id 37 on topic-partition unrouted-1, retrying "
                        + "(2147483646 attempts left). Error: NOT_ENOUGH_REPLICAS", null))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void shouldDropTheEmbeddedBrokersOutOfOrderSequenceErrorButNoOtherOfItsErrors() {
        Throwable benign = new OutOfOrderSequenceException("Invalid sequence number for producer 1");
        assertThat(decide("kafka.server.ReplicaManager", Level.ERROR, "Error processing append operation on partition "
                + "x:changelog-0", benign)).isEqualTo(FilterReply.DENY);
        assertThat(decide("kafka.server.ReplicaManager", Level.ERROR, "Error processing append operation on partition "
                + "x:changelog-0", new IllegalStateException("disk full"))).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void shouldNeverTouchAnotherLoggerOrALevelBelowWarn() {
        assertThat(decide("io.wirestream.runtime.App", Level.ERROR, "Error: CONCURRENT_TRANSACTIONS", null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("org.apache.kafka.clients.producer.internals.Sender", Level.ERROR,
                "Error: CONCURRENT_TRANSACTIONS", null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("org.apache.kafka.clients.producer.internals.Sender", Level.INFO,
                "Error: CONCURRENT_TRANSACTIONS", null)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void shouldSayWhyForEveryRule() {
        assertThat(BenignNoise.RULES).allSatisfy(rule -> assertThat(rule.why()).hasSizeGreaterThan(30));
    }

    private FilterReply decide(String logger, Level level, String message, Throwable error) {
        LoggingEvent event = new LoggingEvent();
        event.setLoggerName(logger);
        event.setLevel(level);
        event.setMessage(message);
        event.setLoggerContext(context);
        if (error != null) {
            event.setThrowableProxy(new ThrowableProxy(error));
        }
        return filter.decide(event);
    }
}
