package io.wirestream.topology;

import io.wirestream.classify.AlertMatcher;
import io.wirestream.schema.AlertRule;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global store of alert rules, and the {@link AlertBook} the stream threads match with, up to date
 * with the compacted {@code alert-rules} topic. A value that cannot be read is skipped with a warning: one bad
 * record must not stop every instance's global thread.
 */
final class AlertRulesProcessor implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(AlertRulesProcessor.class);

    private final AlertBook book;
    private final Deserializer<AlertRule> deserializer;
    private KeyValueStore<String, byte[]> store;
    private String topic;

    AlertRulesProcessor(AlertBook book, Deserializer<AlertRule> deserializer) {
        this.book = book;
        this.deserializer = deserializer;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(RoutingTopology.ALERT_RULES_STORE);
        topic = context.recordMetadata().map(m -> m.topic()).orElse("alert-rules");
        // The store is restored before the processor starts: what it holds is every rule already made.
        List<AlertRule> restored = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                AlertRule rule = read(entry.key, entry.value);
                if (rule != null) {
                    restored.add(rule);
                }
            }
        }
        book.putAll(restored);
        if (!restored.isEmpty()) {
            LOG.info("{} alert rules in effect", restored.size());
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            LOG.warn("alert rule without a key ignored");
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
            book.remove(record.key());
            LOG.info("alert rule {} deleted", record.key());
            return;
        }
        AlertRule rule = read(record.key(), record.value());
        if (rule != null) {
            store.put(record.key(), record.value());
            book.put(rule);
            LOG.info("alert rule {} in effect: {}", rule.getId(), rule.getQuery());
        }
    }

    private AlertRule read(String key, byte[] value) {
        try {
            AlertRule rule = deserializer.deserialize(topic, value);
            if (rule == null || !key.equals(rule.getId())) {
                LOG.warn("alert rule {} ignored: its id is {}", key, rule == null ? null : rule.getId());
                return null;
            }
            String problem = AlertMatcher.check(rule.getQuery()).orElse(null);
            if (problem != null) {
                LOG.warn("alert rule {} ignored: {}", key, problem);
                return null;
            }
            return rule;
        } catch (RuntimeException e) {
            LOG.warn("alert rule {} ignored: cannot read it ({})", key, e.getMessage());
            return null;
        }
    }
}
