package io.animata.desktop.bench;

import com.badlogic.ashley.core.ComponentMapper;
import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import com.badlogic.ashley.core.EntitySystem;
import io.animata.core.Animata;
import io.animata.core.npc.DialogueComponent;
import io.animata.core.npc.DialogueSystem;
import io.animata.core.npc.MemoryComponent;
import io.animata.core.npc.Persona;
import io.animata.core.npc.PersonaComponent;
import io.animata.core.npc.lod.LodListener;
import io.animata.core.npc.lod.ThinkingLodComponent;
import io.animata.core.npc.lod.ThinkingLodSystem;
import io.animata.core.npc.relation.RelationSystem;
import io.animata.core.npc.relation.RelationshipComponent;
import io.animata.core.npc.story.StorySlice;
import io.animata.core.npc.story.StorySystem;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.RunMode;
import io.animata.runtime.TextGenerationQueue;
import io.animata.runtime.TextMetrics;
import io.animata.runtime.TextQueueOptions;
import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.OnnxSessionConfig;
import io.animata.runtime.text.ChatTemplate;
import io.animata.runtime.text.LanguageModel;
import io.animata.runtime.text.LanguageModels;
import io.animata.runtime.text.SamplingConfig;
import io.animata.runtime.text.TinyDecoder;
import io.animata.runtime.text.TokenizerJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code animata bench npcs}: many NPCs in a headless world at a steady frame rate. NPCs wander, the player walks
 * among them; the NPCs near the player (thinking LOD) are spoken to and answer through a {@link DialogueSystem} on
 * a real text queue (the shipped dialogue model when {@code assets/models/dialogue} exists, else a generated decoder
 * of the same layout); far NPCs hear of the player's deeds on cheap rules; relationships change and decay; the
 * shipped story slice runs with three of the NPCs cast. Measures the game thread's time per frame (median, p99), the
 * bytes it allocates per frame, and the language-model requests completed per second.
 */
@Command(name = "npcs", mixinStandardHelpOptions = true,
        description = {"Benchmarks many NPCs: thinking LOD (near NPCs talk through the language model on the worker,",
            "far ones on cheap rules), relationships and a story slice, in a headless world at a steady frame rate.",
            "Without --model: assets/models/dialogue when it exists, else a generated decoder (seeded random weights).",
            "Last line: RESULT npcs=.. main_thread_us_per_frame=.. llm_requests_per_s=.. main_thread_p99_us=.. ..."})
public final class NpcsBench implements Callable<Integer> {
    /** Where the shipped dialogue model lives, relative to the working directory. */
    static final Path SHIPPED_MODEL = Path.of("assets", "models", "dialogue");
    private static final String[] LINES = {
        "Good evening, friend. Thank you for the help yesterday.",
        "Have you seen anything strange on the road?",
        "You useless fool, get out of my way.",
        "Please, could you tell me where the vault door is?",
        "Give me your coins or I will hurt you.",
        "What do you sell here?",
    };
    private static final String[] DEEDS = {"gift", "help", "insult", "promise_kept", "attack", "help"};

    @Option(names = "--npcs", description = "NPCs in the world (default: ${DEFAULT-VALUE})")
    int npcs = 400;

    @Option(names = "--frames", description = "measured frames (default: ${DEFAULT-VALUE})")
    int frames = 600;

    @Option(names = "--warmup", description = "frames before measuring (default: ${DEFAULT-VALUE})")
    int warmup = 300;

    @Option(names = "--model", paramLabel = "PATH", description = "an ONNX model folder or a server URL (default:"
            + " assets/models/dialogue when it exists, else a generated decoder)")
    String model;

    @Option(names = "--world", description = "side of the square world (default: ${DEFAULT-VALUE})")
    float world = 200;

    @Option(names = "--near", description = "radius within which NPCs think with the model (default: ${DEFAULT-VALUE})")
    float near = 8;

    @Option(names = "--far", description = "radius beyond which they go back to cheap rules (default: ${DEFAULT-VALUE})")
    float far = 10;

    @Option(names = "--far-period", description = "frames between two cheap steps of a far NPC (default: ${DEFAULT-VALUE})")
    int farPeriod = 30;

    @Option(names = "--conversations", description = "most conversations at once (default: ${DEFAULT-VALUE})")
    int conversations = 4;

    @Option(names = "--talk-gap", description = "frames the player waits after a reply before saying the next line to"
            + " that NPC (default: ${DEFAULT-VALUE})")
    int talkGap = 90;

    @Option(names = "--max-tokens", description = "tokens per reply (default: ${DEFAULT-VALUE})")
    int maxTokens = 24;

    @Option(names = "--frame-us", description = "frame period the game loop keeps, in microseconds (default: ${DEFAULT-VALUE})")
    int frameMicros = 16_667;

    @Option(names = "--budget-ms", description = "decoding time per frame on the worker (default: ${DEFAULT-VALUE})")
    double budgetMillis = 8;

    @Option(names = "--device", converter = DialogueBench.DeviceConverter.class,
            description = "auto, cpu or cuda (default: auto)")
    DevicePreference device = DevicePreference.AUTO;

    @Option(names = "--threads", description = "ONNX Runtime threads per model call (default: ${DEFAULT-VALUE})")
    int threads = 1;

    @Option(names = "--hidden", description = "generated decoder: width (default: ${DEFAULT-VALUE})")
    int hidden = 256;

    @Option(names = "--layers", description = "generated decoder: layers (default: ${DEFAULT-VALUE})")
    int layers = 4;

    @Option(names = "--vocab", description = "generated decoder: vocabulary (default: ${DEFAULT-VALUE})")
    int vocab = 8000;

    @Option(names = "--seed", description = "seed of the world and of the generated decoder (default: ${DEFAULT-VALUE})")
    long seed = 7;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (npcs < 3 || frames < 1 || warmup < 0 || world <= 0 || near <= 0 || far < near || farPeriod < 1
                || conversations < 1 || talkGap < 0 || maxTokens < 1 || frameMicros < 1 || budgetMillis <= 0 || hidden < 4
                || layers < 1 || vocab < 16) {
            throw new ParameterException(spec.commandLine(), "every count, size and period must be positive, --npcs"
                    + " at least 3 (the story's cast) and --far at least --near");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path generated = null;
        String modelSpec = model;
        String modelName;
        if (modelSpec == null && Files.isRegularFile(SHIPPED_MODEL.resolve("model.onnx"))) {
            modelSpec = SHIPPED_MODEL.toString();
        }
        if (modelSpec == null) {
            generated = Files.createTempDirectory("animata-bench-npcs");
            writeGeneratedModel(generated);
            modelSpec = generated.toString();
            modelName = "generated-h" + hidden + "-l" + layers + "-v" + vocab;
        } else {
            modelName = null;
        }
        LanguageModel lm = LanguageModels.open(modelSpec, LanguageModels.options()
                .withSession(new OnnxSessionConfig(threads, device, 0)).withTimeout(Duration.ofSeconds(60)));
        if (modelName == null) {
            modelName = lm.name();
        }
        Engine engine = new Engine();
        Animata animata = Animata.installOwning(engine, AiRuntime.builder().setMode(RunMode.REALTIME)
                .optThreadNamePrefix("animata-bench").build());
        try {
            World w = new World(engine, animata, lm);
            for (int f = 0; f < warmup; f++) {
                w.frame(false);
            }
            long completedBefore = w.dialogue.repliesCompleted() + w.dialogue.fallbacks();
            long tokensBefore = w.metrics.tokensGenerated();
            long linesBefore = w.linesSaid;
            long wakesBefore = w.wakes;
            long thoughtsBefore = w.lod.farThoughts();
            long deedsBefore = w.deeds;
            long start = System.nanoTime();
            for (int f = 0; f < frames; f++) {
                w.frame(true);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long replies = w.dialogue.repliesCompleted() + w.dialogue.fallbacks() - completedBefore;
            double requestsPerSecond = replies / seconds;
            double tokensPerSecond = (w.metrics.tokensGenerated() - tokensBefore) / seconds;
            long[] sorted = Arrays.copyOf(w.frameNanos, w.measured);
            Arrays.sort(sorted);
            double median = sorted[(sorted.length - 1) / 2] / 1e3;
            double p99 = sorted[Math.max(0, (int) Math.ceil(0.99 * sorted.length) - 1)] / 1e3;
            double max = sorted[sorted.length - 1] / 1e3;
            double quietMedian = median(w.quietNanos, w.quietMeasured);
            double busyMedian = median(w.busyNanos, w.busyMeasured);
            double alloc = (double) w.allocated / w.measured;
            double quietAlloc = w.quietFrames == 0 ? 0 : (double) w.quietAllocated / w.quietFrames;
            double nearMean = (double) w.nearSum / w.measured;
            String dev = w.metrics.device();
            out.printf(Locale.ROOT, "%d NPCs in a %.0fx%.0f world; near radius %.1f, far %.1f; far NPCs think every %d"
                    + " frames; model %s on %s, replies of %d tokens, %d conversations at most; a frame every %d us%n",
                    npcs, world, world, near, far, farPeriod, modelName, dev, maxTokens, conversations, frameMicros);
            out.printf(Locale.ROOT, "game thread per frame over %d frames: median %.1f us, p99 %.1f us, max %.1f us;"
                    + " %.1f bytes allocated per frame on average (%.1f in frames where no line was said and no reply"
                    + " completed)%n",
                    w.measured, median, p99, max, alloc, quietAlloc);
            out.printf(Locale.ROOT, "median of the %d frames where a line was said or a reply completed: %.1f us; of"
                    + " the other %d: %.1f us%n", w.busyMeasured, busyMedian, w.quietMeasured, quietMedian);
            out.printf(Locale.ROOT, "while measured (%.1f s): near NPCs %.1f on average, %d wake-ups; far NPCs %.0f"
                    + " cheap steps/s; %d lines said, %d replies (%.2f/s; %d cancelled as the player walked away),"
                    + " %.1f tokens/s; %d deeds; story '%s' at stage '%s'%n", seconds, nearMean, w.wakes - wakesBefore,
                    (w.lod.farThoughts() - thoughtsBefore) / seconds, w.linesSaid - linesBefore, replies,
                    requestsPerSecond, w.dialogue.cancelledReplies(), tokensPerSecond, w.deeds - deedsBefore,
                    w.story.slice().id(), w.story.isRunning() ? w.story.stage() : "ended: " + w.story.end().id());
            out.printf(Locale.ROOT, "RESULT npcs=%d main_thread_us_per_frame=%.1f llm_requests_per_s=%.2f"
                    + " main_thread_p99_us=%.1f alloc_bytes_per_frame=%.1f near_npcs=%.1f tokens_per_s=%.1f"
                    + " device=%s model=%s%n", npcs, median, requestsPerSecond, p99, alloc, nearMean, tokensPerSecond,
                    dev, modelName);
            out.flush();
        } finally {
            animata.dispose();
            if (generated != null) {
                try (var walk = Files.walk(generated)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
        return 0;
    }

    private static double median(long[] nanos, int count) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return sorted[(count - 1) / 2] / 1e3;
    }

    private void writeGeneratedModel(Path dir) {
        List<String> words = new ArrayList<>(vocab);
        for (int i = 0; words.size() < vocab - 1; i++) {
            words.add("w" + i);
        }
        int heads = hidden >= 64 ? Math.max(1, hidden / 64) : 1;
        int kvHeads = heads % 4 == 0 ? heads / 4 : heads % 2 == 0 ? heads / 2 : heads;
        TinyDecoder.random(new TinyDecoder.Config(vocab, hidden, heads, kvHeads, layers, 4 * hidden, 1024), seed)
                .writeModelFolder(dir, TokenizerJson.wordLevel(List.of(), words), ChatTemplate.PLAIN, -1);
    }

    /** NPCs wander at a steady pace, bouncing off the world's edges (the game's movement, on the game thread). */
    static final class WanderSystem extends EntitySystem {
        private final ThinkingLodComponent[] lods;
        private final float[] vx;
        private final float[] vy;
        private final float side;

        WanderSystem(ThinkingLodComponent[] lods, float[] vx, float[] vy, float side) {
            super(-10);
            this.lods = lods;
            this.vx = vx;
            this.vy = vy;
            this.side = side;
        }

        @Override
        public void update(float dt) {
            for (int i = 0; i < lods.length; i++) {
                ThinkingLodComponent c = lods[i];
                c.x += vx[i] * dt;
                c.y += vy[i] * dt;
                if (c.x < 0 || c.x > side) {
                    vx[i] = -vx[i];
                }
                if (c.y < 0 || c.y > side) {
                    vy[i] = -vy[i];
                }
            }
        }
    }

    /** The headless world: NPC entities, the systems, the player's walk and deeds, and the measurements. */
    final class World implements LodListener {
        final DialogueSystem dialogue;
        final RelationSystem relations = RelationSystem.builder().build();
        final StorySystem story = StorySystem.builder().optRelations(relations).build();
        final ThinkingLodSystem lod;
        final TextMetrics metrics;
        private final Engine engine;
        private final Entity[] entities;
        private final String[] ids;
        private final ComponentMapper<DialogueComponent> dialogues = ComponentMapper.getFor(DialogueComponent.class);
        private final ThinkingLodComponent[] lods;
        private final int[] talking;
        private final int[] nextTalk;
        private final com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private final long periodNanos = frameMicros * 1_000L;
        private final Random random = new Random(seed);
        private int talkingCount;
        private long repliesSeen;
        private int frame;
        private long nextFrame = System.nanoTime();
        final long[] frameNanos = new long[frames];
        final long[] quietNanos = new long[frames];
        final long[] busyNanos = new long[frames];
        int measured;
        int quietMeasured;
        int busyMeasured;
        long allocated;
        long quietAllocated;
        long quietFrames;
        long nearSum;
        long wakes;
        long linesSaid;
        long deeds;

        World(Engine engine, Animata animata, LanguageModel lm) {
            this.engine = engine;
            TextGenerationQueue queue = animata.runtime().textQueue(lm, new TextQueueOptions(1024,
                    Duration.ofNanos((long) (budgetMillis * 1e6)), conversations));
            metrics = queue.metrics();
            lod = ThinkingLodSystem.builder().optRelations(relations).optRadii(near, far)
                    .optFarPeriodFrames(farPeriod).optPriority(5).build();
            dialogue = DialogueSystem.builder().setQueue(queue)
                    .optWorldFacts(story.facts().andThen(lod.facts()).andThen(relations.facts()))
                    .optActions("give_item", "open_door", "follow", "stay", "attack", "trade")
                    .optPriority(10).build();
            engine.addSystem(relations);
            engine.addSystem(lod);
            engine.addSystem(story);
            engine.addSystem(dialogue);
            dialogue.addListener(relations);
            dialogue.addActionListener(story);
            dialogue.addListener(lod);
            lod.addListener(this);
            entities = new Entity[npcs];
            ids = new String[npcs];
            talking = new int[npcs];
            nextTalk = new int[npcs];
            lods = new ThinkingLodComponent[npcs];
            float[] vx = new float[npcs];
            float[] vy = new float[npcs];
            for (int i = 0; i < npcs; i++) {
                String persona = Persona.BUILT_IN.get(i % Persona.BUILT_IN.size());
                ids[i] = i < Persona.BUILT_IN.size() ? persona : persona + i;
                Entity e = engine.createEntity();
                PersonaComponent p = engine.createComponent(PersonaComponent.class).set(Persona.builtIn(persona));
                if (i >= Persona.BUILT_IN.size()) {
                    p.name = p.name + " " + i; // many villagers, three archetypes
                }
                e.add(p);
                DialogueComponent d = engine.createComponent(DialogueComponent.class);
                d.sampling = SamplingConfig.GREEDY;
                d.maxTokens = maxTokens;
                e.add(d);
                e.add(engine.createComponent(MemoryComponent.class).setCapacity(4));
                e.add(engine.createComponent(RelationshipComponent.class).setId(ids[i]));
                lods[i] = engine.createComponent(ThinkingLodComponent.class)
                        .at(random.nextFloat() * world, random.nextFloat() * world);
                e.add(lods[i]);
                double angle = random.nextDouble() * 2 * Math.PI;
                vx[i] = (float) Math.cos(angle) * 0.7f; // a stroll, units per second
                vy[i] = (float) Math.sin(angle) * 0.7f;
                engine.addEntity(e);
                entities[i] = e;
            }
            engine.addSystem(new WanderSystem(lods, vx, vy, world));
            for (int i = 0; i < Persona.BUILT_IN.size(); i++) {
                story.cast(ids[i], entities[i]);
            }
            story.start(StorySlice.builtIn("guards-key"));
        }

        @Override
        public void onWake(Entity npc, ThinkingLodComponent c) {
            wakes++;
        }

        @Override
        public void onSleep(Entity npc, ThinkingLodComponent c) {
            dialogue.cancel(npc); // the player walked away
        }

        /** One frame of the game: the player walks and acts, the engine updates; timed when measured. */
        void frame(boolean measure) {
            int f = frame++;
            float t = f * frameMicros / 1e6f;
            // the player walks a slow Lissajous figure across the whole world
            float half = world / 2;
            lod.setPlayer(half + 0.45f * world * (float) Math.sin(t * 0.05), half + 0.45f * world
                    * (float) Math.sin(t * 0.07 + 1));
            long allocBefore = mx.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            boolean said = playerActs(f);
            engine.update(frameMicros / 1e6f);
            long t1 = System.nanoTime();
            long bytes = mx.getCurrentThreadAllocatedBytes() - allocBefore;
            long replies = dialogue.repliesCompleted() + dialogue.fallbacks();
            boolean replied = replies != repliesSeen;
            repliesSeen = replies;
            if (measure) {
                frameNanos[measured++] = t1 - t0;
                allocated += bytes;
                if (!said && !replied) {
                    quietAllocated += bytes;
                    quietFrames++;
                    quietNanos[quietMeasured++] = t1 - t0;
                } else {
                    busyNanos[busyMeasured++] = t1 - t0;
                }
                nearSum += lod.nearCount();
            }
            nextFrame += periodNanos;
            long wait = nextFrame - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                nextFrame = System.nanoTime(); // behind: no catch-up burst
            }
        }

        /**
         * The player's part of the frame: talk to the NPCs near it (a line, then a pause after each reply), and now
         * and then do something.
         */
        private boolean playerActs(int f) {
            for (int k = talkingCount - 1; k >= 0; k--) {
                int i = talking[k];
                if (!dialogues.get(entities[i]).isBusy()) {
                    nextTalk[i] = f + talkGap;
                    talking[k] = talking[--talkingCount];
                }
            }
            boolean said = false;
            for (int i = 0; i < npcs && talkingCount < conversations; i++) {
                if (lods[i].isNear() && f >= nextTalk[i] && !dialogues.get(entities[i]).isBusy()) {
                    dialogue.say(entities[i], LINES[(int) (linesSaid++ % LINES.length)]);
                    nextTalk[i] = Integer.MAX_VALUE; // until the reply is in
                    talking[talkingCount++] = i;
                    said = true;
                }
            }
            if (f % 45 == 0) {
                // a deed: near NPCs witness it, far ones hear of it later, the story counts it
                int victim = random.nextInt(npcs);
                lod.report(RelationSystem.PLAYER, DEEDS[(int) (deeds++ % DEEDS.length)], ids[victim]);
                story.event("deed");
            }
            return said;
        }
    }
}
