package io.animata.core.npc.relation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animata.core.npc.save.SaveSection;

/**
 * Every NPC's relationships as a {@link SaveSection} (key {@link #KEY}), in {@link RelationSystem#toJson()}'s form,
 * keyed by {@link RelationshipComponent#id}. Loading checks every NPC's data before it changes any; then NPCs named in
 * the save get their saved feelings, NPCs of the engine the save does not name are reset to none, and saved NPCs that
 * are not in the engine yet get theirs when they join it.
 *
 * <pre>{@code
 * gameSave.register(RelationSaveSection.KEY, relations.saveSection());
 * }</pre>
 *
 * <p>Threading: game thread (it reads and writes the NPCs' components).
 */
public final class RelationSaveSection implements SaveSection {
    /** The section's key in a save. */
    public static final String KEY = "relationships";
    /** The section's data version. */
    public static final int VERSION = 1;

    private final RelationSystem system;

    RelationSaveSection(RelationSystem system) {
        this.system = system;
    }

    @Override
    public int version() {
        return VERSION;
    }

    @Override
    public JsonNode save(ObjectMapper json) {
        return system.toJson();
    }

    @Override
    public Runnable prepare(JsonNode data, int version, ObjectMapper json) {
        var step = system.prepare(data, true);
        return step::getAsInt;
    }
}
