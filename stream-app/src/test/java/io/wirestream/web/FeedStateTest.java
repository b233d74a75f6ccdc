package io.wirestream.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.schema.AlertRule;
import io.wirestream.topology.DeadLetterView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The page's state on its own, fed by hand: no broker, no Kafka types. */
class FeedStateTest {

    private static final Column NORTH_KOREA = new Column("north-korea", "North Korea", "north-korea", "");
    private static final Column DEAD_LETTERS = new Column("dead-letters", "Dead letters", "raw-feed.dlq", "");

    private final FeedState state = new FeedState(List.of(NORTH_KOREA, DEAD_LETTERS));
    private final List<FeedState.Event> events = new ArrayList<>();

    @Test
    void shouldKeepTheNewestItemsOfEachColumnNewestFirst() {
        for (int i = 0; i < FeedState.RECENT + 5; i++) {
            state.add(deadLetter(i));
        }
        state.add(dispatch(1));

        ApiBodies.Snapshot snapshot = state.snapshot();
        assertThat(snapshot.columns()).containsOnlyKeys("north-korea", "dead-letters");
        assertThat(snapshot.columns().get("dead-letters")).hasSize(FeedState.RECENT)
                .first().extracting(FeedStateTest::id).isEqualTo("raw-feed.dlq:0:" + (FeedState.RECENT + 4));
        assertThat(snapshot.columns().get("dead-letters")).last().extracting(FeedStateTest::id)
                .isEqualTo("raw-feed.dlq:0:5");
        assertThat(snapshot.columns().get("north-korea")).extracting(FeedStateTest::id)
                .containsExactly("north-korea:0:1");
        assertThat(ApiJson.write(snapshot)).startsWith("{\"columns\":{\"north-korea\":[");
    }

    @Test
    void shouldKeepQuietWhileCatchingUpThenTellASnapshotAndEveryChange() {
        state.subscribe(events::add);
        state.add(deadLetter(1));
        state.putRule("a", rule("a", "Pyeongtaek"));
        assertThat(events).extracting(FeedState.Event::name).containsExactly("snapshot");
        assertThat(state.isCaughtUp()).isFalse();

        state.caughtUp();
        state.add(deadLetter(2));
        state.add(new AlertItem("alerts:0:1", "a", "A", "Pyeongtaek", null, List.of("Pyeongtaek"),
                Instant.EPOCH, DispatchBody.of(ApiFixtures.routed())));
        state.putRule("a", null);

        assertThat(state.isCaughtUp()).isTrue();
        assertThat(events).extracting(FeedState.Event::name)
                .containsExactly("snapshot", "snapshot", "item", "alert", "rules");
        assertThat(events.get(1).json()).contains("\"id\":\"raw-feed.dlq:0:1\"", "\"query\":\"Pyeongtaek\"");
        assertThat(events.get(2).json()).startsWith("{\"id\":\"raw-feed.dlq:0:2\",\"column\":\"dead-letters\"");
        assertThat(events.get(4).json()).isEqualTo("[]");
    }

    @Test
    void shouldGiveANewListenerTheStateFirstThenOnlyChanges() {
        state.caughtUp();
        state.add(dispatch(7));
        state.subscribe(events::add);
        state.add(dispatch(8));
        state.unsubscribe(events::add);

        assertThat(events).extracting(FeedState.Event::name).containsExactly("snapshot", "item");
        assertThat(events.get(0).json()).contains("north-korea:0:7");
        assertThat(events.get(1).json()).contains("north-korea:0:8").doesNotContain("north-korea:0:7");
    }

    @Test
    void shouldTakeRulesAsTheTopologyDoes() {
        assertThat(state.putRule("b", rule("b", "\"Camp Humphreys\""))).isTrue();
        assertThat(state.putRule("a", rule("a", "USFK"))).isTrue();
        assertThat(state.putRule("c", rule("not-c", "USFK"))).as("id is not its key").isFalse();
        assertThat(state.putRule("d", rule("d", "\"Camp Humphreys"))).as("query does not parse").isFalse();
        assertThat(state.rules()).containsOnlyKeys("a", "b");

        assertThat(state.putRule("a", null)).as("a tombstone deletes").isTrue();
        assertThat(state.rules()).containsOnlyKeys("b");
        assertThat(ApiJson.write(state.snapshot().rules())).isEqualTo("[{\"id\":\"b\",\"name\":\"B\",\"query\":"
                + "\"\\\"Camp Humphreys\\\"\",\"subject\":null,\"createdAt\":\"1970-01-01T00:00:00Z\"}]");
    }

    @Test
    void shouldForgetEverythingWhenReadingAgain() {
        state.add(dispatch(1));
        state.putRule("a", rule("a", "USFK"));
        state.caughtUp();

        state.restart();

        assertThat(state.isCaughtUp()).isFalse();
        assertThat(state.rules()).isEmpty();
        assertThat(state.snapshot().columns().get("north-korea")).isEmpty();
    }

    private static String id(Item item) {
        return item instanceof Item.DispatchItem dispatch ? dispatch.id() : ((Item.DeadLetterItem) item).id();
    }

    private static Item dispatch(int offset) {
        return new Item.DispatchItem("north-korea:0:" + offset, "north-korea", offset, offset,
                DispatchBody.of(ApiFixtures.bare()));
    }

    private static Item deadLetter(int offset) {
        return new Item.DeadLetterItem("raw-feed.dlq:0:" + offset, "dead-letters", offset, offset,
                new DeadLetterView("EMPTY", "no text", null, null, 0, ""));
    }

    private static AlertRule rule(String id, String query) {
        return new AlertRule(id, id.toUpperCase(Locale.ROOT), query, null, Instant.EPOCH);
    }
}
