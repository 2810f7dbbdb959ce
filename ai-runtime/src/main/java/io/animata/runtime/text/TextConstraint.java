package io.animata.runtime.text;

/**
 * Which texts a model may write, as a deterministic automaton over characters: from {@link #start()}, each character
 * leads to a next state or is refused, and some states may end the text. A local backend turns it into a mask on the
 * model's logits ({@link TokenGuide}): a token is allowed when every character of its text is accepted in turn, and
 * an end-of-sequence token when the state may end; llama.cpp gets it as a grammar ({@link GbnfGrammar}). So a constrained model can only write texts of the automaton's
 * language; {@link CharAutomaton} builds one, e.g. for "free speech, then an optional action line in a JSON schema".
 *
 * <p>Implementations are immutable and thread-safe; states are small non-negative ints so that masks can be cached
 * per state.
 */
public interface TextConstraint {
    /** The state after a refused character. */
    int REJECT = -1;

    /** @return the state before any text */
    int start();

    /**
     * @param state a state, not {@link #REJECT}
     * @param c the next character
     * @return the state after it, or {@link #REJECT}
     */
    int next(int state, char c);

    /** @return whether the text may end in this state (an end-of-sequence token is allowed) */
    boolean canEnd(int state);

    /** @return the number of states; states are {@code [0, stateCount())} */
    int stateCount();

    /**
     * @return the state after {@code text} from {@code state}, or {@link #REJECT} as soon as a character is refused
     */
    default int walk(int state, CharSequence text) {
        int s = state;
        for (int i = 0; i < text.length() && s != REJECT; i++) {
            s = next(s, text.charAt(i));
        }
        return s;
    }
}
