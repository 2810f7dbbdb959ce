/**
 * NPC dialogue: {@link io.animata.core.npc.PersonaComponent} (who an NPC is, from a {@link io.animata.core.npc.Persona}
 * JSON), {@link io.animata.core.npc.DialogueComponent} (the reply being streamed and what the NPC is doing),
 * {@link io.animata.core.npc.MemoryComponent} (recent turns), and {@link io.animata.core.npc.DialogueSystem}, which
 * turns a player's line into a prompt, has the AI runtime's text queue decode it on a worker, and streams the reply
 * back a few words per frame, with world facts from the game ({@link io.animata.core.npc.WorldFacts}), structured
 * actions validated against the game's rules and dispatched as events ({@link io.animata.core.npc.action}),
 * cancellation and in-character fallback and refusal lines.
 *
 * <p>Threading: everything here runs on the game thread; the language model runs on the runtime's worker.
 */
package io.animata.core.npc;
