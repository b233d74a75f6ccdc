package io.wirestream.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;

/**
 * Keeps off the console the library warnings that are known to be benign and that no user can act on, each named
 * here by its logger, its level and a piece of its message (or its exception), with the reason. Everything else a
 * library says at WARN or ERROR still shows. Configured on the console appender in {@code logback.xml}.
 */
public final class BenignNoise extends Filter<ILoggingEvent> {

    /** One known-benign line: from this logger, at this level, with this in its message or exception class. */
    record Rule(String logger, Level level, String fragment, String why) {

        boolean matches(ILoggingEvent event) {
            if (!event.getLoggerName().equals(logger) || !event.getLevel().equals(level)) {
                return false;
            }
            String message = event.getFormattedMessage();
            if (message != null && message.contains(fragment)) {
                return true;
            }
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                if (cause.getClassName().endsWith(fragment)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final List<Rule> RULES = List.of(
            new Rule("org.apache.kafka.clients.producer.internals.Sender", Level.WARN, "Error: CONCURRENT_TRANSACTIONS",
                    "Under exactly-once a stream thread begins its next transaction while the broker still completes "
                            + "the last commit; the producer retries until it may, as designed"),
            new Rule("org.apache.kafka.clients.producer.internals.Sender", Level.WARN,
                    "Error: OUT_OF_ORDER_SEQUENCE_NUMBER",
                    "The retried side of the broker's OutOfOrderSequenceException below; the batch is retried and "
                            + "written once (exactly-once output is checked by the ITs)"),
            new Rule("kafka.server.ReplicaManager", Level.ERROR, "OutOfOrderSequenceException",
                    "The embedded broker refuses a transactional producer's first batch to a partition while an "
                            + "earlier one of the same transaction is still in flight after a new epoch; the producer "
                            + "retries it, and nothing is lost or doubled"),
            new Rule("org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils", Level.WARN,
                    "as it is no longer assigned",
                    "Kafka Streams' global consumer looks up end offsets of partitions it has not assigned yet"),
            new Rule("org.apache.kafka.controller.QuorumController", Level.WARN, "The metadata log appears to be empty",
                    "The embedded broker's first start on a new data directory"),
            new Rule("org.apache.kafka.clients.NetworkClient", Level.WARN,
                    "Attempting to close NetworkClient that has already been closed",
                    "The embedded broker's shutdown closes its controller channel twice"));

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        for (Rule rule : RULES) {
            if (rule.matches(event)) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
