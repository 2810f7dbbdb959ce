/**
 * Level of detail for thinking: {@link io.animata.core.npc.lod.ThinkingLodSystem} lets NPCs near the player use the
 * language model and keeps far ones on cheap rules at a low rate (hearing of the world's events from a
 * {@link io.animata.core.npc.lod.WorldEventLog}, updating relationships and a {@link io.animata.core.npc.lod.CheapMemory}),
 * and wakes them with a summary of what they heard when the player comes near.
 *
 * <p>Threading: game thread; allocation-free per frame.
 */
package io.animata.core.npc.lod;
