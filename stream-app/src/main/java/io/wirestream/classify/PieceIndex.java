package io.wirestream.classify;

/**
 * The pieces a learned model knows, by their {@code long} keys: open addressing, where a piece's slot is its
 * number, so that what the model keeps per piece sits in arrays by slot and one lookup finds it. Looking up the
 * two thousand pieces of a dispatch allocates nothing. Filled once, then only read. No piece has the key 0, which
 * marks an empty slot.
 */
final class PieceIndex {

    private final long[] keys;
    private final int mask;
    private int size;

    /** An index with room for {@code pieces} pieces, its slots at most about two-thirds full. */
    PieceIndex(int pieces) {
        int slots = Integer.highestOneBit(Math.max(8, pieces + pieces / 2) - 1) << 1;
        keys = new long[slots];
        mask = slots - 1;
    }

    /** Puts the key in and returns its slot; -1, and nothing changes, when it is in already. */
    int add(long key) {
        if (key == 0) {
            throw new IllegalArgumentException("no piece has the key 0");
        }
        int slot = home(key);
        while (keys[slot] != 0) {
            if (keys[slot] == key) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
        if ((size + 1) * 4L > keys.length * 3L) {
            throw new IllegalStateException("more pieces than the index was made for");
        }
        keys[slot] = key;
        size++;
        return slot;
    }

    /** The key's slot, or -1 when the index does not hold it. */
    int slot(long key) {
        int slot = home(key);
        for (long found = keys[slot]; found != 0; found = keys[slot]) {
            if (found == key) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** The key in {@code slot}, or 0 when it is empty. */
    long keyAt(int slot) {
        return keys[slot];
    }

    /** How many slots there are: what arrays by slot are sized by. */
    int slots() {
        return keys.length;
    }

    int size() {
        return size;
    }

    private int home(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
