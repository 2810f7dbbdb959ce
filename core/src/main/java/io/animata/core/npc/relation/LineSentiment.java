package io.animata.core.npc.relation;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A cheap, rule-based reading of a player's line: a score from -1 (hostile) to 1 (warm) from a word list, with
 * negation ("not kind" counts against), and whether the line threatens. No model: it runs on the game thread once
 * per line, in microseconds. It misses sarcasm and subtlety; the language model still hears the words themselves.
 *
 * <p>Immutable and thread-safe.
 */
public final class LineSentiment {
    private final Map<String, Float> words;
    private final Set<String> threats;
    private final Set<String> negations;

    /**
     * @param words each word's weight, e.g. "thanks" 0.6, "idiot" -0.8 (lower case)
     * @param threats words that make a line a threat, e.g. "kill"
     * @param negations words that flip the next weighted word, e.g. "not"
     */
    public LineSentiment(Map<String, Float> words, Set<String> threats, Set<String> negations) {
        this.words = Map.copyOf(words);
        this.threats = Set.copyOf(threats);
        this.negations = Set.copyOf(negations);
    }

    /** What a line says about the speaker's attitude. */
    public record Reading(float score, boolean threat) {
    }

    /** @return the line's score (sum of word weights, squashed to -1..1) and whether it threatens */
    public Reading read(CharSequence line) {
        float sum = 0;
        boolean threat = false;
        boolean negate = false;
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && !isWordChar(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && isWordChar(line.charAt(i))) {
                i++;
            }
            if (start == i) {
                continue;
            }
            String word = line.subSequence(start, i).toString().toLowerCase(Locale.ROOT);
            if (negations.contains(word)) {
                negate = true;
                continue;
            }
            if (threats.contains(word) && !negate) {
                threat = true;
            }
            Float w = words.get(word);
            if (w != null) {
                sum += negate ? -w : w;
                negate = false;
            }
        }
        // a soft squash: one strong word reads about 0.6, several saturate toward 1
        float score = (float) Math.tanh(sum);
        return new Reading(score, threat);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetter(c) || c == '\'';
    }
}
