package io.wirestream.classify;

/**
 * The words matches were shown as, kept from one dispatch to the next: most matches are the same few words, and each
 * is cut out of its text once rather than once a dispatch. A slot, chosen by a hash of the words, holds the last
 * string given from it. One thread's, as its {@link AnalyzedText} is.
 */
final class KnownSurfaces {

    private final String[] slots = new String[1024];

    /** {@code text[from, to)}: the string given for the same words before, when still in its slot, else a new one. */
    String of(String text, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        int slot = (hash ^ (hash >>> 16)) & (slots.length - 1);
        String given = slots[slot];
        int length = to - from;
        if (given != null && given.length() == length && text.regionMatches(from, given, 0, length)) {
            return given;
        }
        String surface = text.substring(from, to);
        slots[slot] = surface;
        return surface;
    }
}
