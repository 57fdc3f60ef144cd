package news.gazette.cache;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which rendered pages a nearly full page cache takes in: only those asked for before. A crawler walking the archive
 * asks for each page once; keeping each would push out the pages readers do ask for again, and churn the heap (every
 * page kept lives long enough to reach the old generation, then dies there), which costs the whole site full garbage
 * collections. A page refused once is kept on its next miss. While the cache has room, every page is kept.
 *
 * <p>The pages asked for are remembered as 64-bit hashes of their keys in a fixed table, each key in one slot: a newer
 * key takes over an older one's slot, so the memory stays fixed and old requests are forgotten as new ones come.
 */
final class Admission {

    private final AtomicLongArray seen;
    private final int mask;

    /** @param slots how many recent keys are remembered, a power of two */
    Admission(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, got " + slots);
        }
        this.seen = new AtomicLongArray(slots);
        this.mask = slots - 1;
    }

    /** Whether to keep the page at {@code key}; remembers it when it is refused, so its next miss keeps it. */
    boolean admits(String key, boolean nearlyFull) {
        if (!nearlyFull) {
            return true;
        }
        long hash = hash(key);
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        if (seen.get(slot) == hash) {
            return true;
        }
        seen.set(slot, hash);
        return false;
    }

    /** FNV-1a over the key's characters, never 0 (an empty slot). */
    private static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash == 0 ? 1 : hash;
    }
}
