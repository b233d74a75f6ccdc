package io.wirestream.topology;

import java.util.List;

/**
 * The dispatches held back, as the {@link Router} sees them: embargoed ones until their time, withheld ones until a
 * later version of their story. The processor keeps them in a state store, so that they survive restarts and move
 * with their task; a test, in a list.
 */
public interface HeldDispatches {

    /** Nothing is ever held ({@code embargo.mode=pass}). */
    HeldDispatches NONE = new HeldDispatches() {
        @Override
        public void hold(Outcome.Held held) {
            throw new IllegalStateException("nothing is held when embargoes pass");
        }

        @Override
        public List<Outcome.Held> takeStory(String story) {
            return List.of();
        }

        @Override
        public List<Outcome.Held> takeWithheld(String story) {
            return List.of();
        }

        @Override
        public List<Outcome.Held> takeDue(long now) {
            return List.of();
        }
    };

    /** Keeps {@code held} until it is taken out. */
    void hold(Outcome.Held held);

    /** Takes out every dispatch held of {@code story}, embargoed or withheld, earliest embargo first. */
    List<Outcome.Held> takeStory(String story);

    /** Takes out the withheld dispatches of {@code story}, earliest embargo first. */
    List<Outcome.Held> takeWithheld(String story);

    /** Takes out the dispatches whose embargo ended by {@code now} (epoch ms), earliest first; withheld ones stay. */
    List<Outcome.Held> takeDue(long now);
}
