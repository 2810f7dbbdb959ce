/**
 * One-call setup of NPC minds: {@link io.animata.core.npc.minds.NpcMinds} builds and wires the dialogue, actions,
 * relationships, story, thinking level of detail and long-term memory systems into an engine, creates NPC entities
 * with the components they need, and makes the game save that holds them all.
 *
 * <p>Threading: game thread.
 */
package io.animata.core.npc.minds;
