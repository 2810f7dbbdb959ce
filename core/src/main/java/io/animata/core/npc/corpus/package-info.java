/**
 * The dialogue corpus of the shipped NPC model: {@link io.animata.core.npc.corpus.DialogueCorpus} writes seeded
 * conversations between the player and NPC personas, each prompt built by the game's own
 * {@link io.animata.core.npc.DialogueSystem} and chat template, as {@link io.animata.core.npc.corpus.TrainingText}s
 * whose reply spans are what the model learns to say ({@code animata train dialogue} trains on them).
 *
 * <p>Threading: stateless entry points; each call works on its own objects.
 */
package io.animata.core.npc.corpus;
