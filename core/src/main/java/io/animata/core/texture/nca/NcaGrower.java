package io.animata.core.texture.nca;

import io.animata.runtime.AiRuntime;
import io.animata.runtime.AnimataException;
import io.animata.runtime.Job;
import io.animata.runtime.JobListener;
import io.animata.runtime.JobQueue;
import io.animata.runtime.onnx.OnnxSessionConfig;
import java.util.Objects;

/**
 * Grows neural textures on the AI runtime's job worker ({@link AiRuntime#jobs()}), so neither the game thread nor the
 * frame's model batches wait for a growth (about half a second for 128 x 128 on one CPU core). Each growth opens the
 * model's ONNX session on the worker with the runtime's session settings (threads, GPU where there is one), grows,
 * and closes the session there before it ends, failed or not: nothing native outlives the job. Opening a small NCA
 * session takes a few milliseconds, next to hundreds for the growth, so sessions are not kept between growths.
 *
 * <ul>
 *   <li>{@link #submit} from the game thread: the listener gets the pixels on the game thread at a later
 *       {@code beginFrame} (make the {@code Texture} there); for games that grow textures while they run.</li>
 *   <li>{@link #run} from any other thread (an asset loader, a tool): the caller awaits the job
 *       ({@link io.animata.core.assets.NcaTextureLoader} does so on the asset manager's executor).</li>
 * </ul>
 *
 * <p>Threading: construct it on the game thread (it makes the runtime's job queue); then {@link #submit} on the game
 * thread and {@link #run} on any thread. Holds nothing to release.
 *
 * <pre>{@code
 * NcaGrower nca = new NcaGrower(runtime);
 * NcaSource lava = NcaSource.read(Path.of("assets/models/nca/lava.onnx"));   // while loading
 * nca.submit(lava, 128, 128, 0, seed, job -> {
 *     if (!job.isFailed()) {
 *         lavaTexture = Pixmaps.toTexture(job.result().pixels());   // game thread
 *     }
 * });
 * }</pre>
 */
public final class NcaGrower {
    /** Largest side of a grown texture, pixels. */
    public static final int MAX_SIZE = 4096;

    private final OnnxSessionConfig config;
    private final JobQueue jobs;

    /**
     * @param runtime whose job worker grows the textures, with its session settings; call on the game thread
     * @throws AnimataException when the runtime is closed
     */
    public NcaGrower(AiRuntime runtime) {
        Objects.requireNonNull(runtime, "runtime");
        this.config = runtime.sessionConfig();
        this.jobs = runtime.jobs();
    }

    /**
     * Queues a growth from the game thread.
     *
     * @param model the model's files, already read
     * @param width texture width, 3 to {@value #MAX_SIZE}
     * @param height texture height, 3 to {@value #MAX_SIZE}
     * @param steps growth steps; 0 for the model's own (its sidecar's)
     * @param seed the seed: the same seed, size and steps grow the same pixels as {@link NcaTexture#grow}
     * @param listener told on the game thread at a later {@code beginFrame}: {@code job.result()} or
     *     {@code job.error()}
     * @return the job (cancel it to drop the result, e.g. when the level it was for has ended)
     * @throws AnimataException at once for a size or step count out of range, or a closed runtime
     */
    public Job<NcaGrowth> submit(NcaSource model, int width, int height, int steps, long seed,
            JobListener<NcaGrowth> listener) {
        check(model, width, height, steps);
        return jobs.submit(jobName(model, width, height), () -> grow(model, width, height, steps, seed, config),
                listener);
    }

    /**
     * Starts a growth from a thread other than the game thread; await the job there.
     *
     * @return the job, on its way to the worker
     * @throws AnimataException at once for a size or step count out of range, or a closed runtime
     * @see #submit
     */
    public Job<NcaGrowth> run(NcaSource model, int width, int height, int steps, long seed) {
        check(model, width, height, steps);
        return jobs.run(jobName(model, width, height), () -> grow(model, width, height, steps, seed, config));
    }

    private static String jobName(NcaSource model, int width, int height) {
        return "grow NCA texture '" + model.name() + "' " + width + "x" + height;
    }

    private static void check(NcaSource model, int width, int height, int steps) {
        Objects.requireNonNull(model, "model");
        if (width < 3 || height < 3 || width > MAX_SIZE || height > MAX_SIZE) {
            throw new AnimataException("NCA texture '" + model.name() + "': width and height must be 3 to "
                    + MAX_SIZE + ", were " + width + " x " + height);
        }
        if (steps < 0) {
            throw new AnimataException("NCA texture '" + model.name() + "': steps must be 0 (the model's own) or "
                    + "more, were " + steps);
        }
    }

    /** The work of one job: open, grow, close, all on the calling (worker) thread. */
    static NcaGrowth grow(NcaSource model, int width, int height, int steps, long seed, OnnxSessionConfig config) {
        long start = System.nanoTime();
        try (NcaTexture nca = model.open(config)) {
            int n = steps > 0 ? steps : nca.steps();
            return new NcaGrowth(model.name(), nca.grow(width, height, n, seed), n, seed, nca.device(),
                    Thread.currentThread().getName(), (System.nanoTime() - start) / 1e6);
        }
    }
}
