package io.wirestream.topology;

import io.wirestream.classify.AlertMatcher;
import io.wirestream.schema.AlertRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The alert rules in effect in this process, as read from the {@code alert-rules} topic by the topology's global
 * thread, shared with the stream threads that match dispatches against them. The matcher is rebuilt lazily, once
 * per batch of changes, so that restoring ten thousand rules compiles them once.
 */
public final class AlertBook {

    private final Map<String, AlertRule> rules = new ConcurrentHashMap<>();
    private volatile AlertMatcher matcher = AlertMatcher.NONE;
    private volatile boolean stale;

    void put(AlertRule rule) {
        rules.put(rule.getId(), rule);
        stale = true;
    }

    void remove(String id) {
        if (rules.remove(id) != null) {
            stale = true;
        }
    }

    void putAll(Collection<AlertRule> all) {
        all.forEach(rule -> rules.put(rule.getId(), rule));
        stale = true;
    }

    /** The rules as they are now, compiled. */
    public AlertMatcher matcher() {
        if (stale) {
            synchronized (this) {
                if (stale) {
                    stale = false;
                    matcher = new AlertMatcher(List.copyOf(rules.values()));
                }
            }
        }
        return matcher;
    }

    /** True when the rule with this id is in effect as stored, or, for {@code rule} null, when no rule has the id. */
    public boolean isInEffect(String id, AlertRule rule) {
        AlertRule current = rules.get(id);
        return rule == null ? current == null : rule.equals(current);
    }

    public List<AlertRule> rules() {
        return new ArrayList<>(rules.values());
    }
}
