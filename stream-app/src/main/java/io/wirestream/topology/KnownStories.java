package io.wirestream.topology;

/**
 * The stories as the {@link Router} sees them: what was delivered of each lately. The processor answers from a
 * state store, for the deduplication window; a test, from a map.
 */
public interface KnownStories {

    /** No memory: every story is new, so that each version is routed by its own text and each kill is unrouted. */
    KnownStories NONE = new KnownStories() {
        @Override
        public StoryState get(String story) {
            return null;
        }

        @Override
        public void remember(String story, StoryState state) {
        }
    };

    /** What is known of {@code story}; null when nothing was delivered of it within the window. */
    StoryState get(String story);

    /** Remembers {@code state} as the story's, from now on. */
    void remember(String story, StoryState state);
}
