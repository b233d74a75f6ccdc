package io.wirestream.topology;

import java.util.List;

/**
 * What is remembered of a story: the subjects its dispatches were delivered to, and the highest version delivered.
 *
 * @param subjects subject ids, in the order of the rules that routed them
 * @param version  the highest version delivered (see {@link StoryLife#versionOf})
 */
public record StoryState(List<String> subjects, long version) {

    public StoryState {
        subjects = List.copyOf(subjects);
    }
}
