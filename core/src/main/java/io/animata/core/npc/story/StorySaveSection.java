package io.animata.core.npc.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animata.core.npc.save.SaveSection;
import io.animata.runtime.AnimataException;
import java.util.function.Function;

/**
 * A story's progress as a {@link SaveSection} (key {@link #KEY}), in {@link StorySystem#toJson()}'s form: the slice,
 * stage, triggers fired, time, end and world; {@code null} when no slice was started. Loading checks the data against
 * the slice it names (the one running, or one the section finds by id, started without telling listeners) before it
 * changes anything; the cast must be in place ({@link StorySystem#cast}). A save with no story stops the running one.
 * Relationships are the {@link io.animata.core.npc.relation.RelationSaveSection}'s.
 *
 * <pre>{@code
 * gameSave.register(StorySaveSection.KEY, story.saveSection());
 * }</pre>
 *
 * <p>Threading: game thread.
 */
public final class StorySaveSection implements SaveSection {
    /** The section's key in a save. */
    public static final String KEY = "story";
    /** The section's data version. */
    public static final int VERSION = 1;

    private final StorySystem story;
    private final Function<String, StorySlice> slices;

    StorySaveSection(StorySystem story, Function<String, StorySlice> slices) {
        this.story = story;
        this.slices = slices;
    }

    @Override
    public int version() {
        return VERSION;
    }

    @Override
    public JsonNode save(ObjectMapper json) {
        return story.slice() == null ? json.nullNode() : story.toJson();
    }

    @Override
    public Runnable prepare(JsonNode data, int version, ObjectMapper json) {
        if (data.isNull()) {
            return story::stop;
        }
        JsonNode id = data.get("slice");
        if (id == null || !id.isTextual()) {
            throw new AnimataException("saved story: \"slice\" is missing or not a text");
        }
        StorySlice target = story.slice() != null && story.slice().id().equals(id.asText()) ? story.slice()
                : slices.apply(id.asText());
        if (target == null) {
            throw new AnimataException("saved story: no story slice '" + id.asText() + "' is known to this game");
        }
        return story.prepare(data, target);
    }
}
