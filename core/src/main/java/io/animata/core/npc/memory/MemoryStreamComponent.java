package io.animata.core.npc.memory;

import com.badlogic.ashley.core.Component;
import com.badlogic.gdx.utils.Array;
import com.badlogic.gdx.utils.Pool.Poolable;

/**
 * An NPC's long-term memory: its {@link MemoryStream} (observations, dialogue, events, reflections), the factions whose
 * {@link WorldKnowledge} it shares, the id it is saved under, and the memories it recalled for the player's latest
 * line ({@link #recall()}, which {@link MemorySystem#worldFacts} puts into the prompt). {@link MemorySystem} fills it.
 *
 * <p>Data plus its store. Threading: game thread.
 *
 * <pre>{@code
 * MemoryStreamComponent mind = engine.createComponent(MemoryStreamComponent.class);
 * mind.npcId = "mira";                       // the key in save files (default: the persona's name)
 * mind.factions.add("villagers");
 * npc.add(mind);
 * }</pre>
 */
public final class MemoryStreamComponent implements Component, Poolable {
    /** The NPC's key in save files; when blank, its persona's name is used. */
    public String npcId = "";
    /** The factions it belongs to: it knows their {@link WorldKnowledge} facts. */
    public final Array<String> factions = new Array<>(false, 2);
    final MemoryStream stream = new MemoryStream();
    final Recall recall = new Recall();
    /** The player's line waiting for its embedding (then recall, then the dialogue). */
    String pendingLine;
    /** Which line the query in flight is for, so a newer line makes an older answer stale. */
    int querySerial;
    /** Whether a reflection is being written by the model. */
    boolean reflecting;
    /** Changes on reset, so answers for a pooled component's former NPC are dropped. */
    int generation;
    long reflections;

    /** @return the memory stream */
    public MemoryStream stream() {
        return stream;
    }

    /** @return what the NPC recalled for the player's latest line, best first */
    public Recall recall() {
        return recall;
    }

    /** @return whether the player's latest line is still waiting for its embedding */
    public boolean isRecalling() {
        return pendingLine != null;
    }

    /** @return whether a reflection is being written */
    public boolean isReflecting() {
        return reflecting;
    }

    /** @return reflections made so far (each may hold up to three insights) */
    public long reflections() {
        return reflections;
    }

    @Override
    public void reset() {
        npcId = "";
        factions.clear();
        stream.clear();
        stream.setCapacity(MemoryStream.DEFAULT_CAPACITY);
        recall.clear();
        pendingLine = null;
        querySerial++;
        reflecting = false;
        generation++;
        reflections = 0;
    }
}
