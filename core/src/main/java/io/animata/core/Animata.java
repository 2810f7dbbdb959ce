package io.animata.core;

import com.badlogic.ashley.core.Engine;
import com.badlogic.gdx.utils.Disposable;
import io.animata.runtime.AiRuntime;
import java.util.Objects;

/**
 * The entry point: installs an {@link AiRuntime} into an Ashley {@link Engine} so that every
 * {@code engine.update(delta)} is one runtime frame. {@link FrameBeginSystem} runs first (priority
 * {@link Integer#MIN_VALUE}) and calls {@link AiRuntime#beginFrame(long)}, which hands earlier frames' results to
 * their listeners; the game's systems then read results and submit requests; {@link FrameEndSystem} runs last
 * (priority {@link Integer#MAX_VALUE}) and calls {@link AiRuntime#endFrame(long)}, which hands the frame's requests
 * to the workers. Ticks count frames from 1 (a runtime installed again continues its count).
 *
 * <p>Give your own systems priorities strictly between {@code Integer.MIN_VALUE} and {@code Integer.MAX_VALUE} so
 * that they run inside the bracket.
 *
 * <p>Ownership is chosen at install: {@link #install} leaves the runtime to the caller, who closes it;
 * {@link #installOwning} hands it over, and {@link #dispose} closes it. One engine holds at most one Animata at a
 * time, and a runtime should be installed into one engine only (two engines would interleave their ticks).
 *
 * <p>Threading: install, {@link #dispose} and {@link #tick} are called on the game thread, the thread that calls
 * {@code Engine.update}, and not from inside {@code Engine.update} (Ashley removes systems at once, which would
 * make that update skip a system). The installed systems allocate nothing per frame.
 *
 * <pre>{@code
 * Engine engine = new Engine();
 * Animata animata = Animata.installOwning(engine, AiRuntime.builder().setMode(RunMode.REALTIME).build());
 * engine.addSystem(new MyAgentSystem(animata.runtime()));   // priority 0: inside the frame
 *
 * // render():  engine.update(delta);   beginFrame(t), your systems, endFrame(t)
 * // dispose(): animata.dispose();      removes both systems, closes the runtime it owns
 * }</pre>
 */
public final class Animata implements Disposable {
    private final Engine engine;
    private final AiRuntime runtime;
    private final boolean ownsRuntime;
    private final FrameBeginSystem begin;
    private final FrameEndSystem end;
    private boolean disposed;

    private Animata(Engine engine, AiRuntime runtime, boolean ownsRuntime) {
        this.engine = engine;
        this.runtime = runtime;
        this.ownsRuntime = ownsRuntime;
        this.begin = new FrameBeginSystem(runtime);
        this.end = new FrameEndSystem(runtime, begin);
    }

    /**
     * Installs {@code runtime} into {@code engine}; the caller keeps owning the runtime and closes it after
     * {@link #dispose}.
     *
     * @param engine the engine whose updates become runtime frames
     * @param runtime an open runtime, still owned by the caller
     * @return the installation, to dispose when the game ends
     * @throws IllegalStateException when an Animata is already installed in this engine
     * @throws IllegalArgumentException when the runtime is closed
     */
    public static Animata install(Engine engine, AiRuntime runtime) {
        return install(engine, runtime, false);
    }

    /**
     * Installs {@code runtime} into {@code engine} and takes ownership of it: {@link #dispose} closes it. When this
     * method throws, ownership stays with the caller.
     *
     * @param engine the engine whose updates become runtime frames
     * @param runtime an open runtime, owned by the returned Animata from now on
     * @return the installation; its {@link #dispose} closes the runtime
     * @throws IllegalStateException when an Animata is already installed in this engine
     * @throws IllegalArgumentException when the runtime is closed
     */
    public static Animata installOwning(Engine engine, AiRuntime runtime) {
        return install(engine, runtime, true);
    }

    private static Animata install(Engine engine, AiRuntime runtime, boolean owning) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(runtime, "runtime");
        // Ashley's addSystem silently replaces a system of the same class, which would leave the first Animata
        // with a half-removed bracket; refuse instead
        if (engine.getSystem(FrameBeginSystem.class) != null || engine.getSystem(FrameEndSystem.class) != null) {
            throw new IllegalStateException("Animata is already installed in this engine; dispose() the installed "
                    + "Animata before installing another");
        }
        if (runtime.isClosed()) {
            throw new IllegalArgumentException("the AI runtime is closed; install an open one");
        }
        Animata animata = new Animata(engine, runtime, owning);
        engine.addSystem(animata.begin);
        engine.addSystem(animata.end);
        return animata;
    }

    /** @return the runtime the installed systems drive */
    public AiRuntime runtime() {
        return runtime;
    }

    /** @return the tick of the frame in progress (or the last one); 0 before a fresh runtime's first frame */
    public long tick() {
        return begin.tick();
    }

    /** @return whether {@link #dispose} closes the runtime */
    public boolean ownsRuntime() {
        return ownsRuntime;
    }

    /** @return whether {@link #dispose} has been called */
    public boolean isDisposed() {
        return disposed;
    }

    /**
     * Removes both systems from the engine and, if this Animata owns the runtime, closes it (stopping its workers
     * within their shutdown timeout). Results still in flight are not delivered. Idempotent.
     */
    @Override
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        // removeSystem ignores a system that is not there, so a system the game removed itself is no error
        engine.removeSystem(begin);
        engine.removeSystem(end);
        if (ownsRuntime) {
            runtime.close();
        }
    }
}
