/**
 * Long-term memory for NPCs, after Generative Agents: a {@link io.animata.core.npc.memory.MemoryStream} per NPC
 * (observations, dialogue, game events, reflections) with importance scores and sentence embeddings, shared {@link
 * io.animata.core.npc.memory.WorldKnowledge}, retrieval by recency x importance x relevance ({@link
 * io.animata.core.npc.memory.MemoryRanker}), periodic reflection ({@link io.animata.core.npc.memory.Reflector}), and
 * {@link io.animata.core.npc.memory.MemorySystem}, which embeds on the runtime's job worker and puts what an NPC
 * recalls into its dialogue prompt. Saved with {@link io.animata.core.npc.memory.MemorySaveSection}.
 */
package io.animata.core.npc.memory;
