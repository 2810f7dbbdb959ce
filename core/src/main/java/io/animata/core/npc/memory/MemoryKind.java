package io.animata.core.npc.memory;

/** What a {@link Memory} records. */
public enum MemoryKind {
    /** Something the NPC saw or noticed ("The player picked up the key"). */
    OBSERVATION,
    /** A line of a conversation, the player's or the NPC's own. */
    DIALOGUE,
    /** Something the game reports as having happened, with the game's own importance. */
    EVENT,
    /** An insight the NPC drew from other memories; {@link Memory#sources()} names them. */
    REFLECTION,
    /** A fact of shared world knowledge ({@link WorldKnowledge}), known to everyone or to a faction. */
    KNOWLEDGE
}
