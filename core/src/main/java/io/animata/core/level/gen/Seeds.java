package io.animata.core.level.gen;

/**
 * Derives the seed of one attempt at one level from the batch's seed, so that every level depends only on (seed,
 * index, attempt), never on which thread made it or when.
 *
 * <p>Threading: stateless; thread-safe.
 */
public final class Seeds {
    private Seeds() {
    }

    /** @return a well-mixed seed for attempt {@code attempt} at level {@code index} of a batch seeded {@code seed} */
    public static long derive(long seed, long index, long attempt) {
        return mix(mix(seed + 0x9E3779B97F4A7C15L * (index + 1)) + 0xC2B2AE3D27D4EB4FL * (attempt + 1));
    }

    /** SplitMix64's finaliser: every input bit affects every output bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
