package io.wirestream.topology;

import io.wirestream.dispatch.PubStatus;
import io.wirestream.dispatch.StoryIdentity;
import io.wirestream.schema.Dispatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Follows each story through its versions, kills and embargoes, for the {@link Router}: decides what becomes of a
 * dispatch that is neither a dead letter nor a duplicate, given what was delivered of its story before. Sticky: a
 * later version goes at least where earlier ones went; a version older than one routed (same guid) is stale; a kill
 * follows the story to all its subjects. Holding: an embargoed dispatch waits for its time, a withheld one for a
 * later version, and a kill withdraws both.
 */
public final class StoryLife {

    /**
     * No story is remembered and nothing is held: each dispatch is routed by its own text, at once, and each kill,
     * of a story never seen, is unrouted.
     */
    public static final StoryLife OFF = new StoryLife(KnownStories.NONE, HeldDispatches.NONE, false, false,
            System::currentTimeMillis);

    private final KnownStories known;
    private final HeldDispatches held;
    private final boolean sticky;
    private final boolean holds;
    private final LongSupplier clock;

    /**
     * @param known  what was delivered of each story, which kills follow; {@link KnownStories#NONE} for nothing
     * @param held   where dispatches wait; unused unless {@code holds}
     * @param sticky a later version goes at least where earlier ones went, and an older one is stale
     *               ({@code routing.sticky}); else each version goes where its own text sends it
     * @param holds  embargoed and withheld dispatches are held back ({@code embargo.mode=hold})
     * @param clock  the wall-clock time, epoch ms, against which embargoes end
     */
    public StoryLife(KnownStories known, HeldDispatches held, boolean sticky, boolean holds, LongSupplier clock) {
        this.known = Objects.requireNonNull(known, "known");
        this.held = Objects.requireNonNull(held, "held");
        this.sticky = sticky;
        this.holds = holds;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A story's version: the provider's, when it is a number; else the update number of its tags ({@code (LEAD)} is
     * 1), which is 0 for formats that have none.
     */
    public static long versionOf(Dispatch dispatch) {
        String version = dispatch.getProviderVersion();
        if (version != null) {
            try {
                return Long.parseLong(version.strip());
            } catch (NumberFormatException e) {
                // Not a number: the provider's own scheme, which says nothing of order.
            }
        }
        return dispatch.getVersion();
    }

    /**
     * The fates of a new dispatch, whose own text sends it to {@code subjects}: its own, after those of the withheld
     * versions of its story it releases, or before those of the held ones a kill withdraws.
     */
    List<Outcome> fate(Dispatch dispatch, List<String> subjects, long timestamp, List<RawRecord.Header> headers) {
        String story = StoryIdentity.of(dispatch);
        long version = versionOf(dispatch);
        StoryState state = known.get(story);
        if (PubStatus.CANCELED.code().equals(dispatch.getPubStatus())) {
            return kill(dispatch, story, timestamp, state);
        }
        if (isStale(dispatch, version, state)) {
            return List.of(new Outcome.Stale(story, version, state.version()));
        }
        Instant until = dispatch.getEmbargoedUntil();
        boolean embargoed = until != null && until.toEpochMilli() > clock.getAsLong();
        boolean withheld = PubStatus.WITHHELD.code().equals(dispatch.getPubStatus());
        if (holds && (embargoed || withheld)) {
            Outcome.Held hold = new Outcome.Held(dispatch, story, timestamp, subjects, story, version,
                    embargoed ? until : null, withheld, headers);
            held.hold(hold);
            return List.of(hold);
        }
        // The withheld versions it supersedes go out first, so that the story's versions keep their order.
        List<Outcome> outcomes = new ArrayList<>();
        if (holds) {
            releaseWithheld(story, version, outcomes);
        }
        outcomes.add(deliver(dispatch, story, timestamp, subjects, version, known.get(story)));
        return outcomes;
    }

    /** The held dispatches whose embargo is over by now, each released, or stale if a later version went before. */
    List<Outcome> releaseDue() {
        List<Outcome> outcomes = new ArrayList<>();
        for (Outcome.Held due : held.takeDue(clock.getAsLong())) {
            outcomes.add(release(due));
        }
        return outcomes;
    }

    private Outcome release(Outcome.Held hold) {
        StoryState state = known.get(hold.story());
        if (isStale(hold.dispatch(), hold.version(), state)) {
            return new Outcome.Stale(hold.story(), hold.version(), state.version());
        }
        Outcome.Delivered delivered = deliver(hold.dispatch(), hold.key(), hold.timestamp(), hold.subjects(),
                hold.version(), state);
        return new Outcome.Released(delivered.dispatch(), delivered.key(), delivered.timestamp(),
                delivered.subjects(), hold.headers());
    }

    /**
     * A usable version came: the withheld dispatches of older ones go out, or wait on for their embargo alone; one
     * of the same version is superseded by it, and stale.
     */
    private void releaseWithheld(String story, long version, List<Outcome> outcomes) {
        long now = clock.getAsLong();
        for (Outcome.Held withheld : held.takeWithheld(story)) {
            if (version > 0 && withheld.version() > version) {
                held.hold(withheld);
            } else if (version > 0 && withheld.version() == version) {
                outcomes.add(new Outcome.Stale(story, withheld.version(), version));
            } else if (withheld.until() != null && withheld.until().toEpochMilli() > now) {
                held.hold(withheld.embargoedOnly());
            } else {
                outcomes.add(release(withheld));
            }
        }
    }

    /** Sticky, a version older than one routed of the same guid is stale. */
    private boolean isStale(Dispatch dispatch, long version, StoryState state) {
        return sticky && state != null && StoryIdentity.byGuid(dispatch) && version < state.version();
    }

    /**
     * A kill withdraws what is held of its story and follows it to every subject it went to, whatever its own text
     * says; a kill of a story not routed within the window goes to unrouted.
     */
    private List<Outcome> kill(Dispatch dispatch, String story, long timestamp, StoryState state) {
        List<Outcome> outcomes = new ArrayList<>();
        if (state == null || state.subjects().isEmpty()) {
            record(dispatch, List.of());
            outcomes.add(new Outcome.Unrouted(dispatch, story, timestamp));
        } else {
            record(dispatch, state.subjects());
            outcomes.add(new Outcome.Canceled(dispatch, story, timestamp, state.subjects()));
        }
        for (Outcome.Held withdrawn : held.takeStory(story)) {
            outcomes.add(new Outcome.Withdrawn(withdrawn));
        }
        return outcomes;
    }

    /**
     * Goes out to its own subjects, and, sticky, its story's; which remembers them all, for its kill to follow.
     */
    private Outcome.Delivered deliver(Dispatch dispatch, String story, long timestamp, List<String> own,
            long version, StoryState state) {
        Set<String> all = new LinkedHashSet<>(own);
        long highest = version;
        if (state != null) {
            all.addAll(state.subjects());
            highest = Math.max(version, state.version());
        }
        known.remember(story, new StoryState(List.copyOf(all), highest));
        List<String> subjects = sticky ? List.copyOf(all) : own;
        record(dispatch, subjects);
        return subjects.isEmpty() ? new Outcome.Unrouted(dispatch, story, timestamp)
                : new Outcome.Routed(dispatch, story, timestamp, subjects);
    }

    /** The subjects it goes to are written in its routing decision, its story's included. */
    private static void record(Dispatch dispatch, List<String> subjects) {
        if (dispatch.getRouting() != null) {
            dispatch.getRouting().setSubjects(new ArrayList<>(subjects));
        }
    }
}
