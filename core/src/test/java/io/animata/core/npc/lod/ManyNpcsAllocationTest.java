package io.animata.core.npc.lod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import io.animata.core.Animata;
import io.animata.core.npc.DialogueComponent;
import io.animata.core.npc.DialogueSystem;
import io.animata.core.npc.Persona;
import io.animata.core.npc.PersonaComponent;
import io.animata.core.npc.memory.MemoryStreamComponent;
import io.animata.core.npc.memory.MemorySystem;
import io.animata.core.npc.relation.RelationSystem;
import io.animata.core.npc.relation.RelationshipComponent;
import io.animata.core.npc.story.StorySlice;
import io.animata.core.npc.story.StorySystem;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.RunMode;
import io.animata.runtime.text.ScriptedLanguageModel;
import io.animata.runtime.text.embed.Embedder;
import io.animata.runtime.text.embed.Vectors;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 400 NPCs with relationships and thinking LOD, a story running, the player walking among them and events happening:
 * once every relationship toward the player exists, frames allocate nothing on the game thread. With long-term
 * memories (far NPCs recording what they hear), frames in which nothing new is heard allocate nothing either.
 */
class ManyNpcsAllocationTest {
    private static final int NPCS = 400;
    private static final String[] VERBS = {"gift", "help", "insult", "attack", "promise_kept"};

    @Test
    void steadyFramesOf400NpcsAllocateNothing() {
        run(false);
    }

    @Test
    void steadyFramesOf400NpcsWithMemoriesOfWhatTheyHeardAllocateNothing() {
        run(true);
    }

    /** A tiny embedder: a word-hash vector (the game thread never calls it). */
    private static final class HashEmbedder implements Embedder {
        @Override
        public String id() {
            return "hash-16";
        }

        @Override
        public int dimensions() {
            return 16;
        }

        @Override
        public float[][] embed(List<String> texts) {
            float[][] out = new float[texts.size()][16];
            for (int t = 0; t < out.length; t++) {
                for (String w : texts.get(t).split(" ")) {
                    out[t][Math.floorMod(w.hashCode(), 16)] += 1f;
                }
                Vectors.normalize(out[t]);
            }
            return out;
        }

        @Override
        public void close() {
        }
    }

    private void run(boolean memories) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Engine engine = new Engine();
        Animata animata = Animata.installOwning(engine, AiRuntime.builder().setMode(RunMode.LOCKSTEP).build());
        try {
            RelationSystem relations = RelationSystem.builder().build();
            DialogueSystem dialogue = DialogueSystem.builder()
                    .setQueue(animata.runtime().textQueue(ScriptedLanguageModel.replying("Hm."))).build();
            MemorySystem memory = MemorySystem.builder().setJobs(animata.runtime().jobs())
                    .setEmbedder(new HashEmbedder()).optEmbedFarMemories(true).build();
            ThinkingLodSystem lod = ThinkingLodSystem.builder().optRelations(relations).optDialogue(dialogue)
                    .optCheapMemory(memories ? memory.heardMemory() : CheapMemory.NONE)
                    .optRadii(8, 10).optFarPeriodFrames(30).build();
            StorySystem story = StorySystem.builder().optRelations(relations).build();
            engine.addSystem(relations);
            engine.addSystem(dialogue);
            engine.addSystem(lod);
            engine.addSystem(story);
            if (memories) {
                engine.addSystem(memory);
            }
            Random random = new Random(11);
            String[] ids = new String[NPCS];
            ThinkingLodComponent[] lods = new ThinkingLodComponent[NPCS];
            float[] vx = new float[NPCS];
            float[] vy = new float[NPCS];
            for (int i = 0; i < NPCS; i++) {
                ids[i] = i < 3 ? Persona.BUILT_IN.get(i) : "npc" + i;
                Entity e = engine.createEntity();
                e.add(engine.createComponent(PersonaComponent.class).set(Persona.builtIn(Persona.BUILT_IN.get(i % 3))));
                e.add(engine.createComponent(DialogueComponent.class));
                e.add(engine.createComponent(RelationshipComponent.class).setId(ids[i]));
                lods[i] = engine.createComponent(ThinkingLodComponent.class).at(random.nextFloat() * 200,
                        random.nextFloat() * 200);
                e.add(lods[i]);
                if (memories) {
                    e.add(engine.createComponent(MemoryStreamComponent.class));
                }
                engine.addEntity(e);
                vx[i] = random.nextFloat() - 0.5f;
                vy[i] = random.nextFloat() - 0.5f;
                if (i < 3) {
                    story.cast(ids[i], e);
                }
            }
            story.start(StorySlice.builtIn("guards-key"));
            int[] frame = {0};
            boolean[] quiet = {false};
            Runnable step = () -> {
                int f = frame[0]++;
                double angle = f * 0.004;
                lod.setPlayer(100 + 70 * (float) Math.cos(angle), 100 + 70 * (float) Math.sin(angle));
                for (int i = 0; i < NPCS; i++) {
                    lods[i].x = (lods[i].x + vx[i] * 0.05f + 200) % 200;
                    lods[i].y = (lods[i].y + vy[i] * 0.05f + 200) % 200;
                }
                if (f % 30 == 0 && !quiet[0]) {
                    lod.report(RelationSystem.PLAYER, VERBS[f / 30 % VERBS.length], ids[f / 30 % NPCS]);
                    story.event("wandered");
                }
                engine.update(1f / 60);
            };
            // warm-up: every NPC has heard of the player (its relationship table has the entry) and the JIT is done
            for (int i = 0; i < 3_000; i++) {
                step.run();
            }
            if (memories) {
                // nothing new is heard from now on: what was heard is embedded, then frames must cost nothing
                quiet[0] = true;
                for (int i = 0; i < 600; i++) {
                    step.run();
                }
                long heard = 0;
                for (int i = 0; i < NPCS; i++) {
                    MemoryStreamComponent mind = memory.getEntities().get(i).getComponent(MemoryStreamComponent.class);
                    heard += mind.stream().size();
                    assertEquals(0, mind.stream().unembeddedCount(), "NPC " + i + " has memories left unembedded");
                }
                assertTrue(heard > NPCS, "far NPCs remembered what they heard: " + heard);
            }
            long[] windows = new long[5];
            long wakesBefore = 0;
            for (ThinkingLodComponent c : lods) {
                wakesBefore += c.wakes();
            }
            for (int w = 0; w < windows.length; w++) {
                long before = mx.getCurrentThreadAllocatedBytes();
                for (int f = 0; f < 600; f++) {
                    step.run();
                }
                windows[w] = mx.getCurrentThreadAllocatedBytes() - before;
                if (windows[w] == 0) {
                    break;
                }
            }
            long wakes = -wakesBefore;
            for (ThinkingLodComponent c : lods) {
                wakes += c.wakes();
            }
            // the JIT may still settle in the first window; a window without a byte shows the steady state
            assertEquals(0L, java.util.Arrays.stream(windows).min().getAsLong(),
                    "bytes allocated in 600-frame windows: " + java.util.Arrays.toString(windows));
            assertTrue(wakes > 0, "NPCs woke up while measured");
            assertTrue(lod.farThoughts() > 3_000 * (NPCS - 50) / 30, "far NPCs thought: " + lod.farThoughts());
            assertTrue(story.isRunning());
        } finally {
            animata.dispose();
        }
    }
}
