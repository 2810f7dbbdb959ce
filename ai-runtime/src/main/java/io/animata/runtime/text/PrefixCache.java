package io.animata.runtime.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Keys and values of recent prompts, so that a prompt starting like an earlier one (the same persona and rules, the
 * same conversation so far) is read only from where it differs. Entries are whole prompts with their KV rows;
 * a lookup finds the longest common prefix. The least recently used entries go first when the token budget is full.
 *
 * <p>Threading: one thread (the model's worker).
 */
final class PrefixCache {
    /** A shorter common prefix is not worth copying a cache for. */
    static final int MIN_PREFIX = 16;

    /**
     * One sequence's keys and values as a row of packed {@code [rows, heads, width, headDim]} tensors, one byte array
     * (the elements in native order, float32 or float16: see {@link KvElementType}) per key/value tensor. The rows of
     * prompts read together share their arrays (copied once from the model's output, never written after), so keeping
     * a prompt costs no copy of its own.
     *
     * @param positionBytes the bytes of one head's key (or value) at one position: {@code headDim} elements
     */
    record KvRows(byte[][] tensors, int row, int heads, int width, int padding, int positionBytes) {
        /** @return the byte where position {@code position} of head {@code head} starts in each tensor's array */
        int offset(int head, int position) {
            return ((row * heads + head) * width + padding + position) * positionBytes;
        }
    }

    /** One cached prompt: its tokens and their keys and values. */
    static final class Entry {
        final int[] tokens;
        final KvRows rows;
        long lastUse;

        Entry(int[] tokens, KvRows rows) {
            this.tokens = tokens;
            this.rows = rows;
        }
    }

    /** A lookup's answer: the entry and how many of its first tokens the prompt shares. */
    record Hit(Entry entry, int length) {
    }

    private final int budgetTokens;
    private final List<Entry> entries = new ArrayList<>();
    private long clock;
    private int heldTokens;
    long hits;
    long tokensReused;

    /** @param budgetTokens the most prompt tokens kept over all entries; 0 disables the cache */
    PrefixCache(int budgetTokens) {
        this.budgetTokens = budgetTokens;
    }

    boolean enabled() {
        return budgetTokens > 0;
    }

    /**
     * @param limit the longest prefix that may be used (the prompt's length minus one: one token must be read to
     *     get logits)
     * @return the entry sharing the longest prefix with {@code tokens[0, limit)}, or null when none shares
     *     {@link #MIN_PREFIX} tokens
     */
    Hit lookup(int[] tokens, int limit) {
        Entry best = null;
        int bestLength = 0;
        for (Entry e : entries) {
            int n = Math.min(limit, e.tokens.length);
            int common = 0;
            while (common < n && e.tokens[common] == tokens[common]) {
                common++;
            }
            if (common > bestLength) {
                best = e;
                bestLength = common;
            }
        }
        if (best == null || bestLength < MIN_PREFIX) {
            return null;
        }
        best.lastUse = ++clock;
        hits++;
        tokensReused += bestLength;
        return new Hit(best, bestLength);
    }

    /** Keeps a prompt's KV rows, replacing entries it extends, evicting the least recently used beyond the budget. */
    void store(int[] tokens, KvRows rows) {
        if (!enabled() || tokens.length > budgetTokens) {
            return;
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.tokens.length <= tokens.length && startsWith(tokens, e.tokens)) {
                heldTokens -= e.tokens.length;
                entries.remove(i);
            }
        }
        Entry entry = new Entry(tokens, rows);
        entry.lastUse = ++clock;
        entries.add(entry);
        heldTokens += tokens.length;
        while (heldTokens > budgetTokens) {
            Entry oldest = entries.get(0);
            for (Entry e : entries) {
                if (e.lastUse < oldest.lastUse) {
                    oldest = e;
                }
            }
            entries.remove(oldest);
            heldTokens -= oldest.tokens.length;
        }
    }

    private static boolean startsWith(int[] tokens, int[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (tokens[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
        heldTokens = 0;
    }
}
