package io.animata.desktop.bench;

import io.animata.runtime.AiRuntime;
import io.animata.runtime.InferenceListener;
import io.animata.runtime.InferenceResult;
import io.animata.runtime.ModelMetrics;
import io.animata.runtime.ModelQueue;
import io.animata.runtime.RunMode;
import io.animata.runtime.model.Activation;
import io.animata.runtime.model.Mlp;
import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.MlpOnnxExporter;
import io.animata.runtime.onnx.OnnxModel;
import io.animata.runtime.onnx.OnnxSessionConfig;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
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
 * {@code animata bench runtime}: the cost of the frame contract to the game thread, with many agents sharing one
 * policy. Agents sense a 32-float observation, submit it, and apply the 8-way action that comes back. The game
 * thread's time in the runtime (beginFrame with its routing of results, the submits, endFrame) is timed per frame,
 * apart from the agents' own sensing, which is the game's cost and reported beside it; the game thread's
 * allocations over the whole frame are counted with {@code ThreadMXBean}. A second measurement compares 1,000 batch-of-one model calls with one
 * 1,000-row call, in the same process.
 */
@Command(name = "runtime", mixinStandardHelpOptions = true,
        description = {"Benchmarks the AI runtime's frame contract with many agents sharing one policy.",
            "Measures the game thread's time and allocation per frame in realtime mode, and the speed-up of one",
            "batched model call over one call per agent. The policy is an MLP 32-64-64-8 with seeded weights.",
            "Last line: RESULT main_thread_us_per_frame=.. alloc_bytes_per_frame=.. batched_speedup=.. device=.."})
public final class RuntimeBench implements Callable<Integer> {
    static final int OBS = 32;
    static final int ACTIONS = 8;

    @Option(names = "--agents", description = "agents sharing the policy (default: ${DEFAULT-VALUE})")
    int agents = 1000;

    @Option(names = "--frames", description = "measured frames, at least 1000 (default: ${DEFAULT-VALUE})")
    int frames = 1000;

    @Option(names = "--warmup", description = "frames run before measuring (default: ${DEFAULT-VALUE})")
    int warmup = 500;

    @Option(names = "--frame-us", description = "frame period the game loop keeps, in microseconds (default: ${DEFAULT-VALUE})")
    int frameMicros = 4000;

    @Option(names = "--repeats", description = "repetitions of the batched-vs-single comparison (default: ${DEFAULT-VALUE})")
    int repeats = 7;

    @Option(names = "--device", converter = DeviceConverter.class,
            description = "auto, cpu or cuda (default: auto)")
    DevicePreference device = DevicePreference.AUTO;

    @Option(names = "--seed", description = "seed for the policy's weights and the agents (default: ${DEFAULT-VALUE})")
    long seed = 7;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (frames < 1000) {
            throw new ParameterException(spec.commandLine(),
                    "--frames must be at least 1000 (the median is taken over them), was " + frames);
        }
        if (agents < 1 || warmup < 0 || frameMicros < 1 || repeats < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--agents, --frame-us and --repeats must be positive and --warmup not negative");
        }
        Mlp mlp = Mlp.random(seed, Activation.RELU, Activation.IDENTITY, OBS, 64, 64, ACTIONS);
        byte[] onnx = new MlpOnnxExporter().export(mlp);
        OnnxSessionConfig config = new OnnxSessionConfig(1, device, 0);

        double speedup;
        String modelDevice;
        double directBatchMicros;
        // a model of its own: the queue's model belongs to the worker once registered
        try (OnnxModel direct = OnnxModel.load("bench-direct", onnx, config)) {
            modelDevice = direct.device();
            double[] timing = batchedSpeedup(direct);
            speedup = timing[0];
            directBatchMicros = timing[1];
        }

        FrameFigures figures;
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.REALTIME).optDevice(device).build()) {
            ModelQueue queue = runtime.queue(runtime.loadModel("bench-policy", onnx));
            figures = new AgentLoop(queue, agents, seed).run(runtime, warmup, frames, frameMicros);
            ModelMetrics m = queue.metrics();
            java.io.PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "agents=%d frames=%d frame_period_us=%d%n", agents, frames, frameMicros);
            out.printf(Locale.ROOT, "game thread in the runtime per frame: median %.1f us, p99 %.1f us"
                    + " (%.1f us with the agents' sensing); %.1f bytes allocated per frame%n",
                    figures.medianMicros, figures.p99Micros, figures.withSensingMicros, figures.allocPerFrame);
            out.printf(Locale.ROOT, "model '%s' on %s: batch p50 %.0f us, p99 %.0f us, last batch %d rows, %d batches, %.1f results per frame%n",
                    m.modelName(), m.device(), m.p50LatencyMicros(), m.p99LatencyMicros(), m.lastBatchSize(),
                    m.batchesRun(), figures.resultsPerFrame);
            out.printf(Locale.ROOT, "batched speed-up: %d calls of 1 row vs 1 call of %d rows: %.1fx"
                    + " (the batched call alone, back to back on this thread: %.0f us)%n",
                    agents, agents, speedup, directBatchMicros);
            out.printf(Locale.ROOT,
                    "RESULT main_thread_us_per_frame=%.2f alloc_bytes_per_frame=%.1f batched_speedup=%.1f device=%s"
                            + " main_thread_p99_us=%.2f begin_us=%.2f submit_us=%.2f end_us=%.2f frame_with_sensing_us=%.2f"
                            + " model_p50_us=%.0f model_p99_us=%.0f direct_batch_us=%.0f results_per_frame=%.1f agents=%d%n",
                    figures.medianMicros, figures.allocPerFrame, speedup, modelDevice, figures.p99Micros,
                    figures.beginMicros, figures.submitMicros, figures.endMicros, figures.withSensingMicros,
                    m.p50LatencyMicros(), m.p99LatencyMicros(), directBatchMicros, figures.resultsPerFrame, agents);
            out.flush();
        }
        return 0;
    }

    /**
     * @return the median time of {@code agents} one-row calls divided by the median time of one {@code agents}-row
     *     call, and that median batched call in microseconds
     */
    private double[] batchedSpeedup(OnnxModel model) {
        float[] input = new float[agents * OBS];
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextFloat() * 2 - 1;
        }
        float[][] oneRowOut = {new float[ACTIONS]};
        float[][] batchOut = {new float[agents * ACTIONS]};
        float[] row = new float[OBS];
        long[] singles = new long[repeats];
        long[] batched = new long[repeats];
        for (int rep = -2; rep < repeats; rep++) { // two unmeasured rounds warm up the JIT and ONNX Runtime
            long start = System.nanoTime();
            for (int a = 0; a < agents; a++) {
                System.arraycopy(input, a * OBS, row, 0, OBS);
                model.run(row, 1, oneRowOut);
            }
            long single = System.nanoTime() - start;
            start = System.nanoTime();
            model.run(input, agents, batchOut);
            long batch = System.nanoTime() - start;
            if (rep >= 0) {
                singles[rep] = single;
                batched[rep] = batch;
            }
        }
        Arrays.sort(singles);
        Arrays.sort(batched);
        return new double[] {(double) singles[repeats / 2] / batched[repeats / 2], batched[repeats / 2] / 1_000.0};
    }

    /** What the measured frames showed. */
    record FrameFigures(double medianMicros, double p99Micros, double withSensingMicros, double beginMicros,
            double submitMicros, double endMicros, double allocPerFrame, double resultsPerFrame) {
    }

    /** The agents' side: a tiny world whose observations depend on the actions that came back. */
    static final class AgentLoop implements InferenceListener {
        /** A sine table: the agents' stand-in for sensors, cheap so that it does not hide the runtime's cost. */
        private static final float[] WAVE = new float[256];

        static {
            for (int i = 0; i < WAVE.length; i++) {
                WAVE[i] = (float) Math.sin(2 * Math.PI * i / WAVE.length);
            }
        }

        private final ModelQueue queue;
        private final int agents;
        private final float[] observations;
        private final float[] phase;
        private final int[] lastAction;
        private final long[] pending;
        private long results;

        AgentLoop(ModelQueue queue, int agents, long seed) {
            this.queue = queue;
            this.agents = agents;
            this.observations = new float[agents * OBS];
            this.phase = new float[agents];
            this.lastAction = new int[agents];
            this.pending = new long[agents];
            java.util.Random random = new java.util.Random(seed);
            for (int a = 0; a < agents; a++) {
                phase[a] = random.nextFloat() * 6.28f;
            }
        }

        @Override
        public void onResult(long requestId, int tag, InferenceResult result) {
            lastAction[tag] = result.argmax(0);
            pending[tag] = 0;
            results++;
        }

        /**
         * One frame of game-thread work: take results, move agents, sense, ask for the next decisions.
         *
         * @return nanoseconds spent in the runtime's calls (beginFrame, submit, endFrame), sensing excluded
         */
        private long frame(AiRuntime runtime, long tick) {
            long t0 = System.nanoTime();
            runtime.beginFrame(tick);
            long beginNanos = System.nanoTime() - t0;
            // the game's own work: agents repeat their last action until a new one lands, then sense
            for (int a = 0; a < agents; a++) {
                phase[a] += 0.01f * (lastAction[a] + 1);
                if (pending[a] == 0) {
                    int base = a * OBS;
                    float p = phase[a];
                    int step = (int) (p * 40f);
                    for (int k = 0; k < OBS; k++) {
                        observations[base + k] = WAVE[(step + k * 15) & (WAVE.length - 1)];
                    }
                }
            }
            long t1 = System.nanoTime();
            for (int a = 0; a < agents; a++) {
                if (pending[a] == 0) {
                    pending[a] = queue.submit(observations, a * OBS, this, a);
                }
            }
            long t2 = System.nanoTime();
            runtime.endFrame(tick);
            long t3 = System.nanoTime();
            lastBegin = beginNanos;
            lastSubmit = t2 - t1;
            lastEnd = t3 - t2;
            return beginNanos + t3 - t1;
        }

        private long lastBegin;
        private long lastSubmit;
        private long lastEnd;

        FrameFigures run(AiRuntime runtime, int warmupFrames, int measuredFrames, int periodMicros) {
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long[] runtimeNanos = new long[measuredFrames];
            long[] frameNanos = new long[measuredFrames];
            long[] begin = new long[measuredFrames];
            long[] submit = new long[measuredFrames];
            long[] end = new long[measuredFrames];
            long periodNanos = periodMicros * 1_000L;
            long tick = 0;
            long next = System.nanoTime();
            for (int f = 0; f < warmupFrames; f++) {
                frame(runtime, ++tick);
                next = pace(next, periodNanos);
            }
            long resultsBefore = results;
            long allocBefore = mx.getCurrentThreadAllocatedBytes();
            for (int f = 0; f < measuredFrames; f++) {
                long start = System.nanoTime();
                runtimeNanos[f] = frame(runtime, ++tick);
                frameNanos[f] = System.nanoTime() - start;
                begin[f] = lastBegin;
                submit[f] = lastSubmit;
                end[f] = lastEnd;
                next = pace(next, periodNanos);
            }
            long allocated = mx.getCurrentThreadAllocatedBytes() - allocBefore;
            long delivered = results - resultsBefore;
            Arrays.sort(runtimeNanos);
            Arrays.sort(frameNanos);
            Arrays.sort(begin);
            Arrays.sort(submit);
            Arrays.sort(end);
            int p99 = Math.min(measuredFrames - 1, (int) Math.ceil(0.99 * measuredFrames) - 1);
            return new FrameFigures(runtimeNanos[measuredFrames / 2] / 1_000.0, runtimeNanos[p99] / 1_000.0,
                    frameNanos[measuredFrames / 2] / 1_000.0, begin[measuredFrames / 2] / 1_000.0,
                    submit[measuredFrames / 2] / 1_000.0, end[measuredFrames / 2] / 1_000.0,
                    (double) allocated / measuredFrames, (double) delivered / measuredFrames);
        }

        /** Waits for the next frame without allocating (the rest of a game's frame: rendering, physics). */
        private static long pace(long next, long periodNanos) {
            next += periodNanos;
            long now;
            while ((now = System.nanoTime()) < next) {
                LockSupport.parkNanos(next - now);
            }
            if (now - next > 10 * periodNanos) {
                next = now; // a long stall: do not run a burst of catch-up frames
            }
            return next;
        }
    }

    /** Reads {@code auto}, {@code cpu} or {@code cuda} in any case. */
    static final class DeviceConverter implements ITypeConverter<DevicePreference> {
        @Override
        public DevicePreference convert(String value) {
            return DevicePreference.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }
}
