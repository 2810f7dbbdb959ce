/**
 * The people of the dungeon adventure: NPCs with personas (the demo's cast, Mira the blacksmith, Old Tom and Captain
 * Hale) placed on each new dungeon's floor, talking through the core's {@link io.animata.core.npc.DialogueSystem}
 * with the shipped dialogue model, acting on what they say ({@link io.animata.demo.npc.NpcActions}: core action
 * definitions with the dungeon's preconditions, to open the locked door, give a key or a coin, follow the player as a
 * companion, stay), playing the story slice "The guard's key" in every dungeon with their relationships to the player
 * ({@link io.animata.demo.npc.DemoStory}), and what the window needs to talk to them: a line editor, speech bubbles
 * that follow the streamed reply (or the refusal line), and their drawing.
 *
 * <p>Threading: everything here runs on the game thread, like the {@link io.animata.demo.DemoWorld} it belongs to.
 */
package io.animata.demo.npc;
