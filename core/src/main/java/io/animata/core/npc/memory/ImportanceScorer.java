package io.animata.core.npc.memory;

/**
 * Rates how much a new memory matters to an NPC, from 1 (mundane: "the player said hello") to 10 (life-changing: "the
 * player saved my daughter"). Events the game reports carry the game's own importance; this scores the rest
 * (dialogue lines and observations). {@link RuleImportanceScorer} is the cheap default; with a language model
 * configured ({@link MemorySystem.Builder#optImportanceQueue}) its rating replaces this first score when it arrives.
 *
 * <p>Threading: game thread; must be cheap (it runs for every line).
 */
@FunctionalInterface
public interface ImportanceScorer {

    /**
     * @param kind the memory's kind
     * @param text what is remembered
     * @return 1 to 10 (values outside are clamped)
     */
    int score(MemoryKind kind, String text);
}
