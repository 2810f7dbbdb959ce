package io.animata.core.npc.memory;

import java.util.List;
import java.util.Locale;

/**
 * A cheap importance score from words: a base by kind (a line of talk 2, an observation 3), raised by words of gifts
 * and trade, of threats and violence, of strong feelings and secrets, by the player's name, and by exclamation; then
 * clamped to 1..10. Lowercase whole-word prefixes match ("threat" matches "threatened").
 *
 * <p>Threading: immutable; {@link #score} allocates nothing but a lowercase copy of the text.
 */
public final class RuleImportanceScorer implements ImportanceScorer {
    /** Words of giving, paying and trading: +2. */
    public static final List<String> GIFTS = List.of("gift", "give", "gave", "present", "reward", "pay", "paid", "gold",
            "coin", "trade", "sold", "buy", "bought", "key", "ring", "treasure");
    /** Words of threats, violence and danger: +4. */
    public static final List<String> THREATS = List.of("kill", "murder", "threat", "attack", "die", "dead", "death",
            "blood", "steal", "stole", "thief", "burn", "hurt", "weapon", "sword", "poison", "war", "fight", "monster",
            "danger", "enemy", "revenge");
    /** Words of feelings, promises and secrets: +2. */
    public static final List<String> FEELINGS = List.of("love", "hate", "friend", "promise", "secret", "betray", "sorry",
            "thank", "help", "save", "saved", "afraid", "fear", "marry", "family", "daughter", "son", "quest", "lie");
    private final String playerName;

    /** A scorer that knows no player name. */
    public RuleImportanceScorer() {
        this("");
    }

    /**
     * @param playerName the player's name (+2 when a memory mentions it); blank for none
     */
    public RuleImportanceScorer(String playerName) {
        this.playerName = playerName == null ? "" : playerName.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public int score(MemoryKind kind, String text) {
        String t = text.toLowerCase(Locale.ROOT);
        int score = switch (kind) {
            case DIALOGUE -> 2;
            case OBSERVATION -> 3;
            case EVENT, KNOWLEDGE -> 5;
            case REFLECTION -> 6;
        };
        score += anyWord(t, GIFTS) ? 2 : 0;
        score += anyWord(t, THREATS) ? 4 : 0;
        score += anyWord(t, FEELINGS) ? 2 : 0;
        score += !playerName.isEmpty() && t.contains(playerName) ? 2 : 0;
        score += t.indexOf('!') >= 0 ? 1 : 0;
        return Memory.clampImportance(score);
    }

    /** @return whether a word of {@code text} starts with one of {@code words} */
    static boolean anyWord(String text, List<String> words) {
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            int at = text.indexOf(word);
            while (at >= 0) {
                if (at == 0 || !Character.isLetter(text.charAt(at - 1))) {
                    return true;
                }
                at = text.indexOf(word, at + 1);
            }
        }
        return false;
    }
}
