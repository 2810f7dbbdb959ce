/**
 * The people of the dungeon adventure: NPCs with personas (the demo's cast, Mira the blacksmith, Old Tom and Captain
 * Hale) placed on each new dungeon's floor, talking through the core's {@link io.animata.core.npc.DialogueSystem}
 * with the shipped dialogue model, acting on what they say ({@link io.animata.demo.npc.NpcActions}: open the locked
 * door, give the key or a coin, follow the player as a companion, stay), and what the window needs to talk to them:
 * a line editor, speech bubbles that follow the streamed reply, and their drawing.
 *
 * <p>Threading: everything here runs on the game thread, like the {@link io.animata.demo.DemoWorld} it belongs to.
 */
package io.animata.demo.npc;
