package io.wirestream.dispatch;

import io.wirestream.schema.Dispatch;

/**
 * Which story a dispatch belongs to: the provider's id of the item ({@code guid}) when it gives one, which every
 * version of the item keeps whatever its headline becomes; else the {@code storyKey}, the hash of the headline
 * without tags, which the {@code (LEAD)}, {@code (2nd LD)}, ... updates and the kill notices of a story share.
 */
public final class StoryIdentity {

    private StoryIdentity() {
    }

    /** The story of {@code dispatch}: its guid, else its story key. */
    public static String of(Dispatch dispatch) {
        String guid = dispatch.getGuid();
        return guid != null && !guid.isBlank() ? guid : dispatch.getStoryKey();
    }

    /** True when the story is known by the provider's guid, so that its versions can be told apart by number. */
    public static boolean byGuid(Dispatch dispatch) {
        return dispatch.getGuid() != null && !dispatch.getGuid().isBlank();
    }
}
