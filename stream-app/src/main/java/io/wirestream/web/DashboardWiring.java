package io.wirestream.web;

import io.wirestream.classify.RuleSet;
import io.wirestream.classify.Subject;
import io.wirestream.config.Setting;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.metrics.Metrics;
import io.wirestream.registry.AvroSerdes;
import io.wirestream.schema.AlertRule;
import io.wirestream.topology.AlertBook;
import io.wirestream.topology.HeldList;
import io.wirestream.topology.MinuteCounts;
import io.wirestream.topology.RoutingTopology;
import io.wirestream.topology.TopicConfig;
import io.wirestream.util.Closing;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of a running process: {@code /metrics}, {@code /health} and {@code /ready} always, and with the
 * dashboard on, the page, its API and its live feed. The same for {@code run} (watching the routing streams)
 * and {@code dashboard} (watching a counting-only streams app of its own).
 */
public final class DashboardWiring implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardWiring.class);

    private final DashboardServer server;
    private final FeedReader feed;
    private final AlertRuleService rules;

    private DashboardWiring(DashboardServer server, FeedReader feed, AlertRuleService rules) {
        this.server = server;
        this.feed = feed;
        this.rules = rules;
    }

    /** @param book the topology's alert rules when it runs in this process, else null */
    public static DashboardWiring start(WirestreamConfig config, RuleSet ruleSet, TopicConfig topics,
            KafkaStreams streams, Metrics metrics, AlertBook book) throws IOException {
        WirestreamConfig.Dashboard settings = config.dashboard();
        InetSocketAddress address = new InetSocketAddress(settings.bind(), settings.port());
        if (address.isUnresolved()) {
            throw new IllegalArgumentException(Setting.DASHBOARD_BIND.key() + ": unknown address '" + settings.bind()
                    + "'");
        }
        FeedReader feed = null;
        AlertRuleService rules = null;
        try {
            FeedState state = null;
            if (settings.enabled()) {
                AvroSerdes serdes = new AvroSerdes(config.registryClientConfig());
                Map<String, Object> client = config.kafkaClientConfig();
                state = new FeedState(columns(ruleSet, topics));
                feed = new FeedReader(client, state, topics.deadLetter(), config.topics().alerts(),
                        config.topics().alertRules(), serdes).onDelivered(metrics::delivered).start();
                Set<String> subjects = ruleSet.subjects().stream().map(Subject::id).collect(Collectors.toSet());
                rules = new AlertRuleService(client, config.topics().alertRules(),
                        serdes.valueSerde(AlertRule.class).serializer(), subjects, state, book);
            }
            DashboardServer server = new DashboardServer(settings, config.kafka().applicationId(),
                    backend(streams, config.lifecycle().embargoMode() == WirestreamConfig.EmbargoMode.HOLD),
                    metrics, state, rules).start();
            if (feed != null && settings.token() == null && !address.getAddress().isLoopbackAddress()) {
                LOG.warn("the dashboard listens on {} with no token: anyone who reaches it can change alert rules; "
                        + "set WIRESTREAM_DASHBOARD_TOKEN", address);
            }
            return new DashboardWiring(server, feed, rules);
        } catch (IOException | RuntimeException e) {
            Closing.inOrder(LOG, rules, feed);
            BindException bind = bindFailure(e);
            if (bind != null) {
                throw new IOException("cannot listen on " + address + " for the dashboard (" + bind.getMessage()
                        + "): is another wirestream running? Choose another --dashboard-port, or --no-dashboard", e);
            }
            throw e;
        }
    }

    /** The BindException among the causes of {@code e}; null for none. */
    private static BindException bindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                return bind;
            }
        }
        return null;
    }

    /** The page's columns: one per subject in rules order, then unrouted, then dead letters. */
    static List<Column> columns(RuleSet ruleSet, TopicConfig topics) {
        List<Column> columns = new ArrayList<>();
        for (Subject subject : ruleSet.subjects()) {
            columns.add(new Column(subject.id(), title(subject.id()), subject.topic(), subject.description()));
        }
        columns.add(new Column("unrouted", "Unrouted", topics.unrouted(), "Dispatches no subject claimed"));
        columns.add(new Column("dead-letters", "Dead letters", topics.deadLetter(),
                "Input that is not a dispatch, with the reason"));
        return columns;
    }

    /** {@code north-korea} → {@code North Korea}. */
    static String title(String id) {
        StringBuilder title = new StringBuilder();
        for (String word : id.split("[-_.]+")) {
            if (!word.isEmpty()) {
                title.append(title.length() == 0 ? "" : " ").append(word.substring(0, 1).toUpperCase(Locale.ROOT))
                        .append(word.substring(1));
            }
        }
        return title.toString();
    }

    /** @param holds embargoes are held, so that the topology has a store of held dispatches to ask */
    private static DashboardServer.Backend backend(KafkaStreams streams, boolean holds) {
        return new DashboardServer.Backend() {
            @Override
            public boolean ready() {
                return streams.state() == KafkaStreams.State.RUNNING;
            }

            @Override
            public boolean alive() {
                KafkaStreams.State state = streams.state();
                return state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED;
            }

            @Override
            public String state() {
                return streams.state().name();
            }

            @Override
            public Map<String, Map<Instant, Long>> counts(Instant from, Instant to) {
                try {
                    ReadOnlyWindowStore<String, Long> store = streams.store(StoreQueryParameters.fromNameAndType(
                            MinuteCounts.STORE, QueryableStoreTypes.<String, Long>windowStore()));
                    return MinuteCounts.query(store, from, to);
                } catch (InvalidStateStoreException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }

            @Override
            public List<HeldList.Entry> held() {
                if (!holds) {
                    return List.of();
                }
                try {
                    return HeldList.of(streams.store(StoreQueryParameters.fromNameAndType(RoutingTopology.HELD_STORE,
                            QueryableStoreTypes.<String, byte[]>keyValueStore())));
                } catch (InvalidStateStoreException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
        };
    }

    public String url() {
        return server.url();
    }

    public boolean dashboardOn() {
        return feed != null;
    }


    @Override
    public void close() {
        server.close();
        Closing.inOrder(LOG, rules, feed);
    }
}
