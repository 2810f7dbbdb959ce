package io.animata.desktop.bench;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import io.animata.core.Animata;
import io.animata.core.npc.DialogueComponent;
import io.animata.core.npc.DialogueSystem;
import io.animata.core.npc.MemoryComponent;
import io.animata.core.npc.Persona;
import io.animata.core.npc.PersonaComponent;
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
import io.animata.runtime.text.OnnxLanguageModel;
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
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code animata bench dialogue}: NPC dialogue through the game's path (Animata in realtime mode, a
 * {@link DialogueSystem}, NPC entities) at a steady frame rate. Measures the time from a player's line to the first
 * text on screen, the tokens per second of one conversation and of several at once (decoded together on the
 * worker), and the game thread's time and allocation per frame while a crowd of NPCs ({@code --talkers}, 50) keeps
 * talking, measured after a warm-up of the same (so that the game thread's code is compiled as in a game that has
 * run a while; the warm-up's figures are printed too). Without {@code --model} the model is the one the project
 * ships ({@code assets/models/dialogue}); with {@code --generated} it is a TinyDecoder with seeded random weights of
 * the given size (it talks nonsense at the speed of a trained model of its size, and its replies run to
 * {@code --max-tokens}).
 */
@Command(name = "dialogue", mixinStandardHelpOptions = true,
        description = {"Benchmarks NPC dialogue: time to first text, tokens per second with 1 and N conversations,",
            "and the game thread's cost per frame, through Animata + DialogueSystem in realtime mode.",
            "Without --model: the shipped model (assets/models/dialogue); with --generated: a decoder with seeded random",
            "weights of the given size in the ONNX layout the runtime reads (replies run to --max-tokens).",
            "Last line: RESULT ttft_ms=.. tokens_per_s=.. tokens_per_s_8=.. main_thread_us_per_frame=.. ..."})
public final class DialogueBench implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "PATH", description = "an ONNX model folder or a server URL (default: the "
            + "shipped model, assets/models/dialogue)")
    String model;

    @Option(names = "--generated", description = "benchmark a generated decoder (random weights, --hidden, --layers, "
            + "--vocab) instead of the shipped model")
    boolean generatedModel;

    @Option(names = "--hidden", description = "generated decoder: width (default: ${DEFAULT-VALUE})")
    int hidden = 256;

    @Option(names = "--layers", description = "generated decoder: layers (default: ${DEFAULT-VALUE})")
    int layers = 4;

    @Option(names = "--vocab", description = "generated decoder: vocabulary (default: ${DEFAULT-VALUE})")
    int vocab = 8000;

    @Option(names = "--max-tokens", description = "tokens per reply (default: ${DEFAULT-VALUE})")
    int maxTokens = 64;

    @Option(names = "--pairs", description = "measured pairs of one reply alone then N at once, alternated so that"
            + " a busy machine slows both alike; the reply alone is each NPC of the N in turn (their personas reply at"
            + " different lengths); medians are reported (default: ${DEFAULT-VALUE})")
    int pairs = 8;

    @Option(names = "--conversations", description = "conversations at once in the second measurement (default: ${DEFAULT-VALUE})")
    int conversations = 8;

    @Option(names = "--talkers", description = "NPCs kept talking while the game thread's cost per frame is measured"
            + " (default: ${DEFAULT-VALUE})")
    int talkers = 50;

    @Option(names = "--talk-frames", description = "frames measured while --talkers NPCs talk (default: ${DEFAULT-VALUE})")
    int talkFrames = 600;

    @Option(names = "--talk-warmup", description = "frames the --talkers NPCs talk before the measured ones, so that the"
            + " game thread's code is compiled as in a game that has run a while (default: ${DEFAULT-VALUE})")
    int talkWarmup = 1200;

    @Option(names = "--frame-us", description = "frame period the game loop keeps, in microseconds (default: ${DEFAULT-VALUE})")
    int frameMicros = 16_667;

    @Option(names = "--budget-ms", description = "decoding time per frame on the worker (default: ${DEFAULT-VALUE})")
    double budgetMillis = 14;

    @Option(names = "--device", converter = DeviceConverter.class, description = "auto, cpu or cuda (default: auto)")
    DevicePreference device = DevicePreference.AUTO;

    @Option(names = "--threads", description = "ONNX Runtime threads per model call (default: ${DEFAULT-VALUE})")
    int threads = 1;

    @Option(names = "--seed", description = "seed of the generated decoder's weights (default: ${DEFAULT-VALUE})")
    long seed = 7;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (maxTokens < 1 || pairs < 1 || conversations < 1 || talkers < 1 || talkFrames < 1 || talkWarmup < 0
                || frameMicros < 1
                || budgetMillis <= 0
                || hidden < 4 || layers < 1 || vocab < 16) {
            throw new ParameterException(spec.commandLine(), "every count, size and period must be positive"
                    + " (--talk-warmup may be 0; --hidden at least 4, --vocab at least 16)");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path generated = null;
        String spec1 = model;
        if (spec1 == null && !generatedModel) {
            spec1 = io.animata.desktop.ShippedDialogueModel.folder().toString();
        } else if (spec1 == null) {
            generated = Files.createTempDirectory("animata-bench-lm");
            writeGeneratedModel(generated);
            spec1 = generated.toString();
        }
        LanguageModel lm = LanguageModels.open(spec1, LanguageModels.options()
                .withSession(new OnnxSessionConfig(threads, device, 0)).withTimeout(Duration.ofSeconds(60)));
        Engine engine = new Engine();
        Animata animata = Animata.installOwning(engine, AiRuntime.builder().setMode(RunMode.REALTIME)
                .optThreadNamePrefix("animata-bench").build());
        try {
            TextGenerationQueue queue = animata.runtime().textQueue(lm, new TextQueueOptions(1024,
                    Duration.ofNanos((long) (budgetMillis * 1e6)), Math.max(1, conversations)));
            DialogueSystem dialogue = DialogueSystem.builder().setQueue(queue)
                    .optWorldFacts((npc, sb) -> sb.append("It is evening. The market is closing."))
                    .build();
            engine.addSystem(dialogue);
            List<Entity> npcs = new ArrayList<>();
            for (int i = 0; i < Math.max(conversations, talkers); i++) {
                npcs.add(npc(engine, i));
            }
            List<Entity> group = npcs.subList(0, conversations);
            Loop loop = new Loop(engine, frameMicros);
            TextMetrics m = queue.metrics();

            // warm-up, not measured: JIT, ONNX Runtime's first runs, batched rounds, and every NPC's reply buffers
            loop.converse(dialogue, npcs.subList(0, 1), m, false);
            loop.converse(dialogue, group, m, false);

            Phase single = new Phase();
            Phase many = new Phase();
            double[] ratios = new double[pairs];
            for (int r = 0; r < pairs; r++) {
                // each NPC of the group in turn: with the shipped model the personas' replies differ in length, and
                // one conversation's rate is its reply's length over the frames it takes
                Round alone = loop.converse(dialogue, group.subList(r % conversations, r % conversations + 1), m, true);
                Round together = loop.converse(dialogue, group, m, true);
                single.add(alone);
                many.add(together);
                ratios[r] = together.tokensPerSecond() / alone.tokensPerSecond();
            }
            Arrays.sort(ratios);
            double speedup = ratios[(pairs - 1) / 2];
            double tps1 = single.medianTokensPerSecond();
            double tpsN = many.medianTokensPerSecond();

            // the game thread's cost while a crowd talks: every NPC says a new line half a second after each reply
            loop.converse(dialogue, npcs, m, false); // warm-up: every NPC's reply buffers
            // warm-up: the crowd's first frames run the game thread's code before the JIT has compiled it
            loop.resetFrames();
            loop.keepTalking(dialogue, npcs, talkWarmup);
            double[] coldFrame = loop.frameMicros();
            loop.resetFrames();
            long crowdTokens = m.tokensGenerated();
            long crowdStart = System.nanoTime();
            long crowdReplies = loop.keepTalking(dialogue, npcs, talkFrames);
            double crowdSeconds = (System.nanoTime() - crowdStart) / 1e9;
            double crowdTps = (m.tokensGenerated() - crowdTokens) / crowdSeconds;
            double[] frame = loop.frameMicros();
            double alloc = loop.allocPerFrame();
            String dev = m.device();
            String modelName = generated != null ? "generated-h" + hidden + "-l" + layers + "-v" + vocab : lm.name();
            long batched = lm instanceof OnnxLanguageModel onnx ? onnx.batchedRounds() : 0;
            long reused = lm instanceof OnnxLanguageModel onnx ? onnx.prefixTokensReused() : 0;
            out.printf(Locale.ROOT, "model %s on %s; replies of %d tokens; a frame every %d us, %.1f ms of decoding"
                    + " per frame%n", modelName, dev, maxTokens, frameMicros, budgetMillis);
            out.printf(Locale.ROOT, "1 conversation: first text after %.1f ms, %.1f tokens/s (medians of %d)%n",
                    single.medianTtftMillis(), tps1, pairs);
            out.printf(Locale.ROOT, "%d conversations at once: %.1f tokens/s in total, %.2fx one conversation (median"
                    + " of the %d pairs' ratios, %.2fx to %.2fx); first text after %.1f ms (median); %d batched decode"
                    + " rounds; %d prompt tokens reused from the prefix cache%n", conversations, tpsN, speedup, pairs,
                    ratios[0], ratios[pairs - 1], many.medianTtftMillis(), batched, reused);
            out.printf(Locale.ROOT, "%d NPCs kept talking for %d frames after %d frames of warm-up (%d replies, %.1f"
                    + " tokens/s, at most %d decoded at once): game thread per frame median %.1f us, p99 %.1f us (in the"
                    + " warm-up: median %.1f us, p99 %.1f us); %.1f bytes allocated per streaming frame (no line said,"
                    + " no reply completed)%n", npcs.size(), talkFrames, talkWarmup, crowdReplies, crowdTps,
                    conversations, frame[0], frame[1], coldFrame[0], coldFrame[1], alloc);
            out.printf(Locale.ROOT, "RESULT ttft_ms=%.1f tokens_per_s=%.1f tokens_per_s_%d=%.1f"
                    + " main_thread_us_per_frame=%.1f main_thread_p99_us=%.1f alloc_bytes_per_frame=%.1f"
                    + " speedup_%d=%.2f ttft_%d_ms=%.1f device=%s model=%s max_tokens=%d%n",
                    single.medianTtftMillis(), tps1, conversations, tpsN, frame[0], frame[1], alloc, conversations,
                    speedup, conversations, many.medianTtftMillis(), dev, modelName, maxTokens);
            out.flush();
        } finally {
            animata.dispose();
            if (generated != null) {
                deleteTree(generated);
            }
        }
        return 0;
    }

    private Entity npc(Engine engine, int i) {
        Entity e = engine.createEntity();
        e.add(engine.createComponent(PersonaComponent.class)
                .set(Persona.builtIn(Persona.BUILT_IN.get(i % Persona.BUILT_IN.size()))));
        DialogueComponent d = engine.createComponent(DialogueComponent.class);
        d.sampling = SamplingConfig.GREEDY;
        d.maxTokens = maxTokens;
        e.add(d);
        e.add(engine.createComponent(MemoryComponent.class).setCapacity(2));
        engine.addEntity(e);
        return e;
    }

    private void writeGeneratedModel(Path dir) {
        List<String> words = new ArrayList<>(vocab);
        for (int i = 0; words.size() < vocab - 1; i++) {
            words.add("w" + i);
        }
        int heads = hidden >= 64 ? Math.max(1, hidden / 64) : 1;
        // grouped-query attention as in current small chat models (a quarter of the heads keep keys and values);
        // plain template and no end token: every reply runs to --max-tokens, so runs compare
        int kvHeads = heads % 4 == 0 ? heads / 4 : heads % 2 == 0 ? heads / 2 : heads;
        TinyDecoder.random(new TinyDecoder.Config(vocab, hidden, heads, kvHeads, layers, 4 * hidden, 1024), seed)
                .writeModelFolder(dir, TokenizerJson.wordLevel(List.of(), words), ChatTemplate.PLAIN, -1);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One conversation round's figures: tokens, wall time, time to first text per NPC. */
    record Round(long tokens, long nanos, long[] ttftNanos) {
        double tokensPerSecond() {
            return nanos == 0 ? 0 : tokens * 1e9 / nanos;
        }
    }

    /** Rounds added up. */
    static final class Phase {
        final List<Double> rates = new ArrayList<>();
        final List<Long> ttfts = new ArrayList<>();

        void add(Round r) {
            rates.add(r.tokensPerSecond());
            for (long t : r.ttftNanos()) {
                ttfts.add(t);
            }
        }

        double medianTokensPerSecond() {
            double[] sorted = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted.length == 0 ? 0 : sorted[(sorted.length - 1) / 2];
        }

        double medianTtftMillis() {
            long[] sorted = ttfts.stream().mapToLong(Long::longValue).sorted().toArray();
            return sorted.length == 0 ? 0 : sorted[(sorted.length - 1) / 2] / 1e6;
        }
    }

    /** The game loop: frames at a steady period, timing and counting the game thread's work. */
    static final class Loop {
        private final Engine engine;
        private final long periodNanos;
        private final com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private long[] frameNanos = new long[1 << 16];
        private int frames;
        private long quietAllocated;
        private long quietFrames;
        private long nextFrame = System.nanoTime();
        private int line;

        Loop(Engine engine, int frameMicros) {
            this.engine = engine;
            this.periodNanos = frameMicros * 1_000L;
        }

        /** Every NPC in {@code npcs} hears a line in the same frame; runs frames until all have replied. */
        Round converse(DialogueSystem dialogue, List<Entity> npcs, TextMetrics m, boolean measure) {
            long tokensBefore = m.tokensGenerated();
            long start = System.nanoTime();
            for (Entity npc : npcs) {
                dialogue.say(npc, "Tell me about the market, friend. (" + (line++) + ")");
            }
            long[] ttft = new long[npcs.size()];
            Arrays.fill(ttft, -1);
            boolean busy = true;
            boolean first = true;
            while (busy) {
                long repliesBefore = replies(npcs);
                long allocBefore = mx.getCurrentThreadAllocatedBytes();
                long t0 = System.nanoTime();
                engine.update(1f / 60f);
                long t1 = System.nanoTime();
                long allocated = mx.getCurrentThreadAllocatedBytes() - allocBefore;
                busy = false;
                for (int i = 0; i < npcs.size(); i++) {
                    DialogueComponent d = npcs.get(i).getComponent(DialogueComponent.class);
                    if (ttft[i] < 0 && d.reply().length() > 0) {
                        ttft[i] = t1 - start;
                    }
                    busy |= d.isBusy();
                }
                if (measure) {
                    if (frames == frameNanos.length) {
                        frameNanos = Arrays.copyOf(frameNanos, frames * 2);
                    }
                    frameNanos[frames++] = t1 - t0;
                    if (!first && replies(npcs) == repliesBefore) {
                        // a frame with no new line and no reply completed: what streaming alone costs
                        quietAllocated += allocated;
                        quietFrames++;
                    }
                }
                first = false;
                nextFrame += periodNanos;
                long wait = nextFrame - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else {
                    nextFrame = System.nanoTime(); // behind: no catch-up burst
                }
            }
            long nanos = System.nanoTime() - start;
            for (int i = 0; i < ttft.length; i++) {
                if (ttft[i] < 0) {
                    ttft[i] = nanos;
                }
            }
            return new Round(m.tokensGenerated() - tokensBefore, nanos, ttft);
        }

        private static long replies(List<Entity> npcs) {
            long n = 0;
            for (int i = 0; i < npcs.size(); i++) {
                n += npcs.get(i).getComponent(DialogueComponent.class).replies();
            }
            return n;
        }

        /** Forgets the frames measured so far. */
        void resetFrames() {
            frames = 0;
            quietAllocated = 0;
            quietFrames = 0;
        }

        /**
         * Runs {@code count} measured frames in which every NPC that is not busy says a new line 30 frames after its
         * last reply (the time it takes a player to read it); the lines said are part of the frame's cost.
         *
         * @return replies completed
         */
        long keepTalking(DialogueSystem dialogue, List<Entity> npcs, int count) {
            int[] quietSince = new int[npcs.size()];
            long repliesAtStart = replies(npcs);
            for (int f = 0; f < count; f++) {
                long repliesBefore = replies(npcs);
                long allocBefore = mx.getCurrentThreadAllocatedBytes();
                long t0 = System.nanoTime();
                boolean said = false;
                for (int i = 0; i < npcs.size(); i++) {
                    DialogueComponent d = npcs.get(i).getComponent(DialogueComponent.class);
                    if (d.isBusy()) {
                        quietSince[i] = f;
                    } else if (f - quietSince[i] >= 30) {
                        dialogue.say(npcs.get(i), "Tell me about the market, friend. (" + (line++) + ")");
                        said = true;
                    }
                }
                engine.update(1f / 60f);
                long t1 = System.nanoTime();
                long allocated = mx.getCurrentThreadAllocatedBytes() - allocBefore;
                if (frames == frameNanos.length) {
                    frameNanos = Arrays.copyOf(frameNanos, frames * 2);
                }
                frameNanos[frames++] = t1 - t0;
                if (!said && replies(npcs) == repliesBefore) {
                    quietAllocated += allocated;
                    quietFrames++;
                }
                nextFrame += periodNanos;
                long wait = nextFrame - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else {
                    nextFrame = System.nanoTime();
                }
            }
            return replies(npcs) - repliesAtStart;
        }

        /** @return median and 99th percentile of the measured frames' game-thread time, in microseconds */
        double[] frameMicros() {
            long[] sorted = Arrays.copyOf(frameNanos, frames);
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return new double[] {0, 0};
            }
            int p99 = Math.min(sorted.length - 1, (int) Math.ceil(0.99 * sorted.length) - 1);
            return new double[] {sorted[(sorted.length - 1) / 2] / 1e3, sorted[Math.max(0, p99)] / 1e3};
        }

        double allocPerFrame() {
            return quietFrames == 0 ? 0 : (double) quietAllocated / quietFrames;
        }
    }

    static final class DeviceConverter implements ITypeConverter<DevicePreference> {
        @Override
        public DevicePreference convert(String value) {
            return DevicePreference.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }
}
