package io.animata.core.npc.save;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One part of a game save, registered in a {@link GameSave} under a key: NPC memories, relationships, story progress,
 * or any state of the game's own that can be written as JSON. Loading is in two steps so a save is applied whole or
 * not at all: every section first {@link #prepare prepares} (reads and checks its data, touching nothing), and only
 * when all have succeeded are the prepared states applied.
 *
 * <p>Threading: called on the game thread (the state it reads and writes belongs to the game thread).
 */
public interface SaveSection {

    /** @return the version of this section's data format, stored with it and given back to {@link #prepare} */
    int version();

    /**
     * Writes the current state.
     *
     * @param json the mapper to make nodes with
     * @return the section's data (any JSON value)
     */
    JsonNode save(ObjectMapper json);

    /**
     * Reads and checks saved data without changing any state.
     *
     * @param data what {@link #save} wrote (possibly by an older version of the section)
     * @param version the section version it was written with
     * @param json the mapper, for reading nodes into objects
     * @return the step that applies the loaded state; called only when every section prepared well
     * @throws io.animata.runtime.AnimataException when the data is not valid (say what and where)
     */
    Runnable prepare(JsonNode data, int version, ObjectMapper json);
}
