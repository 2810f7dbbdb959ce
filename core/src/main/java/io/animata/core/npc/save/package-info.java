/**
 * Saving and loading NPC state with the game's save: one versioned JSON document ({@link
 * io.animata.core.npc.save.GameSave}) made of sections registered under keys ({@link
 * io.animata.core.npc.save.SaveSection}: NPC memories, relationships, story progress, the game's own), written
 * atomically with the previous save kept as a backup ({@link io.animata.core.npc.save.SaveFiles}), validated on load
 * and migrated from older versions ({@link io.animata.core.npc.save.SaveMigration}). A crash mid-write leaves the
 * last good save loadable; loading never applies a half-read state.
 */
package io.animata.core.npc.save;
