package io.animata.core.npc.save;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a save document of one format version into the next ({@code from} into {@code from + 1}); {@link GameSave}
 * chains them to bring an old save up to {@link GameSave#VERSION} before it is read.
 *
 * <p>Threading: called on the thread that loads.
 */
@FunctionalInterface
public interface SaveMigration {

    /**
     * @param document the whole document at the older version (may be changed in place)
     * @return the document at the next version
     */
    ObjectNode migrate(ObjectNode document);
}
