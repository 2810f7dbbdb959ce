/**
 * Relationships and emotions: how each NPC feels about the player and about other NPCs
 * ({@link io.animata.core.npc.relation.RelationshipComponent}), along the dimensions of designer-tunable
 * {@link io.animata.core.npc.relation.RelationRules} (trust, affinity, fear by default, from JSON), changed by game
 * events, hearsay, a cheap sentiment reading of player lines ({@link io.animata.core.npc.relation.LineSentiment}) and
 * the NPC's own actions, decaying toward a baseline, described in the prompt and saved as JSON by
 * {@link io.animata.core.npc.relation.RelationSystem}.
 *
 * <p>Threading: game thread; no model runs here.
 */
package io.animata.core.npc.relation;
