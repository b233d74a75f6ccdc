package io.wirestream.topology;

/**
 * The deduplication state as the {@link Router} sees it: whether a dispatch's content was routed lately. The
 * processor answers it from a state store; a test, from a set.
 */
@FunctionalInterface
public interface SeenContent {

    /** No deduplication: no content is ever a repeat. */
    SeenContent NONE = contentId -> false;

    /** True for content routed within the window; otherwise false, and the content counts as routed from now. */
    boolean isRepeat(String contentId);
}
