package io.animata.runtime.text;

/**
 * One generation's place in a {@link TextConstraint}: which tokens may come next ({@link #allows}), applied by the
 * {@link Sampler} as a mask on the logits, and the state after each chosen token ({@link #advance}). The masks come
 * from a shared {@link TokenMasks}, so the cost per token is one bit test per vocabulary entry, plus walking the
 * chosen token's few characters.
 *
 * <p>Threading: one thread (each generation has its own guide).
 */
public final class TokenGuide {
    private final java.util.function.Supplier<TokenMasks> source;
    private TokenMasks masks;
    private int state;

    /** @param masks the constraint's masks for the model's vocabulary */
    public TokenGuide(TokenMasks masks) {
        this.masks = masks;
        this.source = null;
        this.state = masks.constraint().start();
    }

    /**
     * A guide whose masks are looked up when first needed (a backend that learns its vocabulary size from its
     * first run).
     *
     * @param constraint the automaton
     * @param masks gives the constraint's masks for the model's vocabulary; called once, on the decoding thread
     */
    public TokenGuide(TextConstraint constraint, java.util.function.Supplier<TokenMasks> masks) {
        this.source = masks;
        this.state = constraint.start();
    }

    private TokenMasks masks() {
        if (masks == null) {
            masks = source.get();
        }
        return masks;
    }

    /** @return the current state of the constraint; {@link TextConstraint#REJECT} after a refused token */
    public int state() {
        return state;
    }

    /** @return whether {@code token} may come next */
    public boolean allows(int token) {
        if (state == TextConstraint.REJECT) {
            return masks().isEos(token);
        }
        long[] m = masks().mask(state);
        return token >= 0 && (token >>> 6) < m.length && (m[token >>> 6] >>> token & 1L) != 0;
    }

    /** @return the allowed tokens as bits ({@link TokenMasks#mask}); only end-of-sequence after a refused token */
    long[] mask() {
        return state == TextConstraint.REJECT ? null : masks().mask(state);
    }

    /** @return whether {@code token} ends a generation */
    boolean isEos(int token) {
        return masks().isEos(token);
    }

    /** Moves past a chosen token (an end-of-sequence token leaves the state as it is). */
    public void advance(int token) {
        TokenMasks m = masks();
        if (state == TextConstraint.REJECT || m.isEos(token) || token >= m.texts().size()) {
            return;
        }
        state = m.constraint().walk(state, m.texts().text(token));
    }

    /** @return whether the text so far may end here */
    public boolean canEnd() {
        return state != TextConstraint.REJECT && masks().constraint().canEnd(state);
    }
}
