package io.animata.demo.npc;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import com.badlogic.gdx.utils.Array;
import io.animata.core.npc.WorldFacts;
import io.animata.core.npc.action.InventoryComponent;
import io.animata.core.npc.action.NpcAction;
import io.animata.core.npc.relation.RelationSystem;
import io.animata.core.npc.story.StoryReport;
import io.animata.core.npc.story.StorySlice;
import io.animata.core.npc.story.StorySystem;
import io.animata.core.npc.story.StoryWorld;
import io.animata.demo.DemoAssets;
import io.animata.demo.HudText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The demo's story: the shipped slice {@value #SLICE} ("The guard's key", written for this cast) run anew in every
 * dungeon by a core {@link StorySystem}, with the cast's relationships in a {@link RelationSystem}. At a dungeon's
 * start the first NPC of each cast member ({@code mira}, {@code tom}, {@code guard}) is cast in the slice; the slice's
 * items go into their {@link InventoryComponent}s (the guard's key, Mira's spare key). The game reports what happens:
 * the door opened (through an NPC's {@code open_door} or a key in the player's hand: the {@code peaceful} end; forced
 * open by the player: {@code door_forced}, the {@code by_force} end), a key handed to the player, the player taking
 * the stairs with the door still shut (the {@code left} end). Its facts (the slice's facts and goals, then the
 * relationships) go into the NPCs' prompts.
 *
 * <p>Threading: game thread (levels start and end between engine updates, events come from systems).
 */
public final class DemoStory {
    /** The slice, under the assets folder. */
    public static final String SLICE = "stories/guards-key.json";
    /** Priority of the story's checks: after the conversation rules (which open the door for a key). */
    public static final int PRIORITY_STORY = 170;
    /** Priority of the relationships' decay. */
    public static final int PRIORITY_RELATIONS = 171;

    private final StorySlice slice;
    private final RelationSystem relations;
    private final StorySystem story;
    private final List<String> ends = new ArrayList<>();
    private StoryReport lastReport;
    private boolean started;

    DemoStory(Engine engine) {
        this.slice = StorySlice.parse(DemoAssets.readText(SLICE), SLICE);
        this.relations = RelationSystem.builder().optPriority(PRIORITY_RELATIONS).build();
        this.story = StorySystem.builder().optRelations(relations).optPriority(PRIORITY_STORY).build();
        story.addListener((system, report) -> {
            lastReport = report;
            ends.add(report.endId());
        });
        engine.addSystem(relations);
        engine.addSystem(story);
    }

    /** @return the slice every dungeon plays */
    public StorySlice slice() {
        return slice;
    }

    /** @return the story system of the current dungeon */
    public StorySystem system() {
        return story;
    }

    /** @return the cast's relationships */
    public RelationSystem relations() {
        return relations;
    }

    /** @return what the NPCs of the slice know and want, then how they feel: for the prompt */
    WorldFacts facts() {
        return story.facts().andThen(relations.facts());
    }

    /** @return the verbs the slice allows the cast member {@code personaId} (empty when it is not in the slice) */
    List<String> allowedActions(String personaId) {
        StorySlice.StoryNpc npc = slice.npc(personaId);
        return npc == null ? List.of() : npc.actions();
    }

    /**
     * A dungeon begins: casts the first NPC of each cast member and starts the slice, then hands the slice's items
     * to the NPCs that hold them. An NPC the dungeon lacks (fewer NPCs than the cast) leaves the story unstarted.
     *
     * @param people the dungeon's NPCs, in placement order
     */
    void levelStarted(Array<Entity> people) {
        started = false;
        for (StorySlice.StoryNpc member : slice.npcs()) {
            Entity e = first(people, member.id());
            if (e == null) {
                story.stop();
                return;
            }
            story.cast(member.id(), e);
        }
        story.start(slice);
        started = true;
        StoryWorld world = story.world();
        for (int i = 0; i < world.itemCount(); i++) {
            String who = world.holder(world.itemName(i));
            Entity holder = who == null ? null : story.castMember(who);
            InventoryComponent inventory = holder == null ? null : holder.getComponent(InventoryComponent.class);
            if (inventory != null && !inventory.items.contains(world.itemName(i), false)) {
                inventory.items.add(world.itemName(i)); // once, whoever put it there first
            }
        }
    }

    private static Entity first(Array<Entity> people, String personaId) {
        for (int i = 0; i < people.size; i++) {
            NpcComponent npc = people.get(i).getComponent(NpcComponent.class);
            if (npc.personaId.equals(personaId)) {
                return people.get(i);
            }
        }
        return null;
    }

    /**
     * The dungeon ends.
     *
     * @param byStairs whether the player took the stairs (the {@code left} end when the door is still shut)
     */
    void levelEnded(boolean byStairs) {
        if (story.isRunning() && byStairs) {
            story.world().setFlag("player_left", true);
            story.check();
        }
        story.stop();
        started = false;
    }

    /** The locked door opened: by an NPC's action, or by a key in the player's hand. */
    void doorOpened() {
        if (story.isRunning()) {
            story.world().setFlag("door_open", true);
            story.check();
        }
    }

    /** The player forced the locked door open. */
    void doorForced() {
        if (story.isRunning()) {
            story.world().setFlag("door_forced", true);
            story.world().setFlag("door_open", true);
            story.check();
        }
    }

    /**
     * An NPC carried out an action: when it is the slice's cast member, the slice's triggers hear of it (the guard's
     * {@code open_door}, a key handed over). A {@code give_item} of something outside the slice (a coin) does not
     * count, so that it cannot move the slice's keys. Call after the game carried it out, before the item
     * changes hands in the story's world ({@link #itemToPlayer}).
     */
    void acted(Entity npc, String personaId, NpcAction action) {
        if (!story.isRunning() || story.castMember(personaId) != npc) {
            return;
        }
        if (action.has("item") && !story.world().holds(personaId, action.text("item"))) {
            return;
        }
        story.action(personaId, action);
        story.check();
    }

    /** @return whether the story's facts already tell the NPC that it holds {@code item} (its slice items) */
    boolean tellsOf(Entity npc, String personaId, String item) {
        return story.isRunning() && story.castMember(personaId) == npc && story.world().holds(personaId, item);
    }

    /** An NPC handed the player {@code item}. */
    void itemToPlayer(String item) {
        if (story.isRunning()) {
            story.world().giveItem(item, "player");
            story.check();
        }
    }

    /** @return whether the slice runs in this dungeon (all of the cast is there) */
    public boolean isStarted() {
        return started;
    }

    /** @return the ends reached, one per dungeon that reached one, in order (unmodifiable) */
    public List<String> ends() {
        return Collections.unmodifiableList(ends);
    }

    /** @return the end reached in the current dungeon, or null while it runs (or when it did not start) */
    public String currentEnd() {
        return started && story.end() != null ? story.end().id() : null;
    }

    /** @return the last end reached in any dungeon ({@code peaceful}, {@code by_force}, {@code left}), or "none" */
    public String lastEnd() {
        return ends.isEmpty() ? "none" : ends.get(ends.size() - 1);
    }

    /**
     * @return one line for the run's summary: the slice, the ends reached per dungeon, where the current dungeon's
     *     story stands (allocates)
     */
    public String summary() {
        StringBuilder out = new StringBuilder(160);
        out.append("story: '").append(slice.title()).append("' (").append(SLICE).append("), ends reached: ")
                .append(ends.isEmpty() ? "none" : String.join(", ", ends)).append("; this dungeon: ");
        if (!started) {
            out.append("not played (the cast is not all here)");
        } else if (story.end() != null) {
            out.append("ended ").append(story.end().id());
        } else {
            out.append("stage '").append(story.stage()).append('\'');
        }
        return out.toString();
    }

    /** @return the report of the last end reached in any dungeon, or null */
    public StoryReport lastReport() {
        return lastReport;
    }

    /**
     * Appends the HUD's story line: {@code Story: The guard's key - stage The door is locked} or
     * {@code ... - ended: peaceful}. Allocates nothing.
     */
    public StringBuilder appendStatus(StringBuilder out) {
        out.append("Story: ").append(slice.title()).append(" - "); // the HUD font has no em dash
        if (!started) {
            return out.append("not in this dungeon");
        }
        if (story.end() != null) {
            return out.append("ended: ").append(story.end().id());
        }
        return out.append("stage ").append(slice.stages().get(story.stageIndex()).title());
    }

    /** Appends how {@code npc} feels about the player: {@code trust +0.10 affinity -0.20 fear 0.00}. */
    public StringBuilder appendFeelings(Entity npc, StringBuilder out) {
        for (int d = 0; d < relations.rules().dimensions().size(); d++) {
            float v = relations.value(npc, RelationSystem.PLAYER, d);
            out.append(d == 0 ? "" : " ").append(relations.rules().dimensions().get(d).name())
                    .append(v < 0 ? " -" : " +");
            HudText.appendFixed(out, Math.abs(v), 2);
        }
        return out;
    }
}
