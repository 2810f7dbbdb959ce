package io.animata.runtime.text;

import java.util.List;

/**
 * Ends a streamed reply at the first stop string, even when the stop string arrives split over several tokens
 * ({@code "<|im_"} then {@code "end|>"}): text that could still be the start of a stop string is held back until
 * the next piece shows whether it is one. Text before the stop string is passed on; the stop string and everything
 * after it are dropped.
 *
 * <p>Threading: one thread (each generation has its own). Allocation-free after the buffer has grown to the
 * longest piece.
 *
 * <pre>{@code
 * StopStringMatcher stops = new StopStringMatcher(List.of("\nPlayer:"));
 * for (String piece : pieces) {
 *     if (stops.accept(piece, sink)) break;   // the stop string appeared
 * }
 * stops.flush(sink);                          // the held-back tail, when no stop string came
 * }</pre>
 */
public final class StopStringMatcher {
    private final String[] stops;
    private final int longest;
    private final StringBuilder pending = new StringBuilder();
    private final TextView view = new TextView();
    private boolean stopped;

    /** @param stopStrings the strings that end the reply; none means pass everything through */
    public StopStringMatcher(List<String> stopStrings) {
        this.stops = stopStrings.toArray(new String[0]);
        int max = 0;
        for (String s : stops) {
            if (s == null || s.isEmpty()) {
                throw new IllegalArgumentException("a stop string is null or empty: " + stopStrings);
            }
            max = Math.max(max, s.length());
        }
        this.longest = max;
    }

    /** @return whether a stop string has appeared */
    public boolean stopped() {
        return stopped;
    }

    /**
     * Adds the next piece of the reply.
     *
     * @param piece the next decoded text
     * @param out receives the text that is certainly not part of a stop string
     * @return whether a stop string has appeared (now or before); later pieces are then ignored
     */
    public boolean accept(CharSequence piece, TextSink out) {
        if (stopped) {
            return true;
        }
        if (stops.length == 0) {
            if (piece.length() > 0) {
                out.onText(piece);
            }
            return false;
        }
        int oldLength = pending.length();
        pending.append(piece);
        int from = Math.max(0, oldLength - longest + 1);
        int found = -1;
        for (String s : stops) {
            int at = pending.indexOf(s, from);
            if (at >= 0 && (found < 0 || at < found)) {
                found = at;
            }
        }
        if (found >= 0) {
            emit(found, out);
            pending.setLength(0);
            stopped = true;
            return true;
        }
        int hold = heldBack();
        int ready = pending.length() - hold;
        if (ready > 0) {
            emit(ready, out);
            pending.delete(0, ready);
        }
        return false;
    }

    /** Passes on the text held back (the reply ended without a stop string). */
    public void flush(TextSink out) {
        if (!stopped && pending.length() > 0) {
            emit(pending.length(), out);
        }
        pending.setLength(0);
    }

    /** Forgets everything, for reuse with another reply. */
    public void reset() {
        pending.setLength(0);
        stopped = false;
    }

    private void emit(int count, TextSink out) {
        if (count > 0) {
            out.onText(view.set(pending, 0, count));
            view.clear();
        }
    }

    /** @return the length of the longest tail of {@code pending} that is a proper prefix of a stop string */
    private int heldBack() {
        int n = pending.length();
        int best = 0;
        for (String s : stops) {
            for (int k = Math.min(s.length() - 1, n); k > best; k--) {
                if (endsWith(n, s, k)) {
                    best = k;
                    break;
                }
            }
        }
        return best;
    }

    private boolean endsWith(int n, String s, int k) {
        for (int i = 0; i < k; i++) {
            if (pending.charAt(n - k + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
