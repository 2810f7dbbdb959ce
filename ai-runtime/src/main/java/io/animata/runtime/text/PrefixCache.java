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

        /** @return how many rows the arrays hold */
        int rows() {
            return tensors.length == 0 ? 0 : tensors[0].length / (heads * width * positionBytes);
        }

        /** @return the first {@code length} positions of this row in arrays of their own */
        KvRows compact(int length) {
            byte[][] own = new byte[tensors.length][heads * length * positionBytes];
            for (int t = 0; t < tensors.length; t++) {
                for (int h = 0; h < heads; h++) {
                    System.arraycopy(tensors[t], offset(h, 0), own[t], h * length * positionBytes,
                            length * positionBytes);
                }
            }
            return new KvRows(own, 0, heads, length, 0, positionBytes);
        }
    }

    /** One cached prompt: its tokens and their keys and values. */
    static final class Entry {
        final int[] tokens;
        /** Replaced by a compact copy when most rows of the arrays it shares are gone. */
        KvRows rows;
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
    /** Entries per shared set of arrays, to copy the last few out when the others are gone. */
    private final java.util.IdentityHashMap<byte[][], Integer> sharers = new java.util.IdentityHashMap<>();
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
        Hit hit = peek(tokens, limit);
        if (hit == null) {
            return null;
        }
        Entry best = hit.entry();
        int bestLength = hit.length();
        best.lastUse = ++clock;
        hits++;
        tokensReused += bestLength;
        return new Hit(best, bestLength);
    }

    /** @return what {@link #lookup} would answer, without counting it as a use */
    Hit peek(int[] tokens, int limit) {
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
        return best == null || bestLength < MIN_PREFIX ? null : new Hit(best, bestLength);
    }

    /** Keeps a prompt's KV rows, replacing entries it extends, evicting the least recently used beyond the budget. */
    void store(int[] tokens, KvRows rows) {
        if (!enabled() || tokens.length > budgetTokens) {
            return;
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.tokens.length <= tokens.length && startsWith(tokens, e.tokens)) {
                remove(e);
            }
        }
        Entry entry = new Entry(tokens, rows);
        entry.lastUse = ++clock;
        entries.add(entry);
        heldTokens += tokens.length;
        if (rows != null) {
            sharers.merge(rows.tensors(), 1, Integer::sum);
        }
        while (heldTokens > budgetTokens) {
            Entry oldest = entries.get(0);
            for (Entry e : entries) {
                if (e.lastUse < oldest.lastUse) {
                    oldest = e;
                }
            }
            remove(oldest);
        }
    }

    /**
     * Drops an entry. Entries stored from one batch share its arrays, so the budget would not bound the memory held
     * by the few that remain: once fewer than half of the arrays' rows are still in use, those left get copies of
     * their own rows and the arrays go.
     */
    private void remove(Entry gone) {
        entries.remove(gone);
        heldTokens -= gone.tokens.length;
        if (gone.rows == null) {
            return;
        }
        byte[][] shared = gone.rows.tensors();
        int left = sharers.merge(shared, -1, Integer::sum);
        if (left <= 0) {
            sharers.remove(shared);
        } else if (2 * left < gone.rows.rows()) {
            sharers.remove(shared);
            for (Entry e : entries) {
                if (e.rows != null && e.rows.tensors() == shared) {
                    e.rows = e.rows.compact(e.tokens.length);
                    sharers.put(e.rows.tensors(), 1);
                }
            }
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
        sharers.clear();
        heldTokens = 0;
    }
}
