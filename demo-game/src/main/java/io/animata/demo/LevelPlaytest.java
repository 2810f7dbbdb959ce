package io.animata.demo;

import com.badlogic.gdx.utils.Disposable;
import io.animata.core.agent.env.NavArena;
import io.animata.core.playtest.BotResult;
import io.animata.core.playtest.Playtest;
import io.animata.core.playtest.PlaytestJob;
import io.animata.core.playtest.PlaytestJobType;
import io.animata.core.playtest.PlaytestLevel;
import io.animata.core.playtest.PlaytestSettings;
import io.animata.runtime.AnimataException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The demo's playtest mode: while it is on, exploration bots ({@code core.playtest}: Go-Explore bots, each in its own
 * headless Box2D world) play the dungeon being played, in the background, and what they found becomes a
 * {@link CoverageMap} for the window's overlay and the HUD. By default {@value #BOTS} bots play {@value #SECONDS} simulated
 * seconds each (48,000 ticks: 0.9 to 3.3 s of one core on a busy 2-core machine), seeded by the level's seed, so a
 * dungeon always gives the same map. All bots start on the dungeon's one start tile, so it takes minutes of simulated
 * play to reach the far rooms: with 8 bots of 30 s each, coverage of the demo's dungeons was 0.19 to 0.39; with these
 * settings 0.77 to 1.0 (five dungeons). A new dungeon starts a new playtest; a playtest of a dungeon left behind stops
 * after its current bot and its result is dropped.
 *
 * <p>Threading: every public method is for the game thread. The bots run one after another on a daemon thread of
 * this object's own ({@value #THREAD_NAME}), never on the game thread nor on the AI runtime's workers, and share only
 * immutable data with the game. {@link #dispose()} (idempotent) stops that thread within a second.
 */
public final class LevelPlaytest implements LevelListener, Disposable {
    /** Exploration bots per playtest, by default. */
    public static final int BOTS = 16;
    /** Simulated seconds each bot plays, by default. */
    public static final float SECONDS = 300f;
    /** The name of the playtest thread. */
    public static final String THREAD_NAME = "animata-demo-playtest";

    private static final Logger LOG = Logger.getLogger(LevelPlaytest.class.getName());

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, THREAD_NAME);
        t.setDaemon(true);
        return t;
    });
    /** Bots done in the running playtest, written by the playtest thread. */
    private final AtomicInteger botsDone = new AtomicInteger();
    /** The level being played, bumped at each start; a playtest of an older one gives up. */
    private final AtomicInteger generation = new AtomicInteger();
    private final int bots;
    private final PlaytestSettings settings;
    private DungeonLevel level;
    private boolean enabled;
    private Future<CoverageMap> running;
    private CoverageMap result;
    private String failure;
    private int playtestsRun;
    private boolean disposed;

    /** A playtest mode of {@value #BOTS} bots of {@value #SECONDS} s each, off until {@link #setEnabled}. */
    public LevelPlaytest() {
        this(BOTS, SECONDS);
    }

    /**
     * @param bots exploration bots per playtest, at least 1
     * @param seconds simulated seconds each plays, positive
     */
    public LevelPlaytest(int bots, float seconds) {
        if (bots < 1) {
            throw new IllegalArgumentException("a playtest needs at least one bot, was " + bots);
        }
        this.bots = bots;
        this.settings = PlaytestSettings.builder().optSeconds(seconds).build();
    }

    @Override
    public void levelStarted(DungeonLevel started, NavArena arena) {
        level = started;
        generation.incrementAndGet();
        result = null;
        failure = null;
        running = null; // a playtest of the last dungeon still running gives up after its current bot
        if (enabled) {
            start();
        }
    }

    /**
     * Turns the playtest mode on (a playtest of the current dungeon starts unless one has run or is running) or off
     * (the overlay is hidden; a running playtest finishes, and its map is kept for when the mode comes back on).
     */
    public void setEnabled(boolean on) {
        checkNotDisposed();
        enabled = on;
        if (on && result == null && running == null && failure == null && level != null) {
            start();
        }
    }

    /** @return whether the playtest mode is on */
    public boolean isEnabled() {
        return enabled;
    }

    private void start() {
        PlaytestLevel target;
        try {
            target = PlaytestLevel.of("dungeon-" + (level.index() + 1), level.grid(), level.legend());
        } catch (AnimataException e) {
            failure = "dungeon " + (level.index() + 1) + " cannot be playtested: " + e.getMessage();
            LOG.log(Level.WARNING, failure);
            return; // the game goes on; the HUD says the playtest failed
        }
        int index = level.index();
        long seed = level.seed();
        int mine = generation.get();
        botsDone.set(0);
        playtestsRun++;
        running = thread.submit(() -> play(target, index, seed, mine));
    }

    /** The playtest thread's work: the bots one by one, then the report and its map. */
    private CoverageMap play(PlaytestLevel target, int index, long seed, int mine) {
        Playtest playtest = Playtest.builder().setLevel(target).optBots(bots).optSeed(seed).optSettings(settings)
                .build();
        List<BotResult> results = new ArrayList<>(bots);
        try (PlaytestJobType bots = new PlaytestJobType()) {
            for (PlaytestJob job : playtest.jobs()) {
                if (generation.get() != mine) {
                    return null; // the dungeon changed: nobody wants this map any more
                }
                results.add(bots.run(job));
                if (generation.get() == mine) {
                    botsDone.incrementAndGet();
                }
            }
        }
        return CoverageMap.of(index, playtest.report(results));
    }

    /**
     * @return the map of the current dungeon's playtest, or null while none has finished or when it failed
     *     ({@link #failure()}); it is picked up here, on the game thread, the first time it is asked for after it
     *     ended
     */
    public CoverageMap coverage() {
        Future<CoverageMap> r = running;
        if (r != null && r.isDone()) {
            running = null;
            try {
                result = r.get();
            } catch (ExecutionException e) {
                failure = "the playtest of dungeon " + (level.index() + 1) + " failed: " + e.getCause();
                LOG.log(Level.WARNING, failure, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return result;
    }

    /** @return why the current dungeon's playtest failed, or null */
    public String failure() {
        return failure;
    }

    /** @return whether a playtest of the current dungeon is running */
    public boolean isRunning() {
        return coverage() == null && running != null;
    }

    /** @return bots that have finished in the running (or last) playtest */
    public int botsDone() {
        return botsDone.get();
    }

    /** @return exploration bots per playtest */
    public int bots() {
        return bots;
    }

    /** @return each bot's settings (its simulated seconds among them) */
    public PlaytestSettings settings() {
        return settings;
    }

    /** @return playtests started so far */
    public int playtestsRun() {
        return playtestsRun;
    }

    /**
     * Waits for the running playtest, for the end of a headless run (not for a frame of a running game).
     *
     * @return the current dungeon's map, or null when no playtest was started for it
     * @throws AnimataException when it failed or does not end within the timeout
     */
    public CoverageMap await(Duration timeout) {
        Future<CoverageMap> r = running;
        if (r != null) {
            try {
                r.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AnimataException("the playtest did not end within " + timeout.toMillis() + " ms", e);
            } catch (ExecutionException e) {
                // coverage() picks the failure up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AnimataException("interrupted while waiting for the playtest", e);
            }
        }
        CoverageMap map = coverage();
        if (failure != null) {
            throw new AnimataException(failure);
        }
        return map;
    }

    /**
     * Appends the playtest's state for the HUD ({@code "PLAYTEST ..."}), allocation-free; nothing while the mode is
     * off.
     */
    public StringBuilder appendStatus(StringBuilder sb) {
        if (!enabled) {
            return sb;
        }
        CoverageMap map = coverage();
        sb.append("PLAYTEST ");
        if (map != null) {
            return map.appendSummary(sb);
        }
        if (failure != null) {
            return sb.append("failed (see the log)");
        }
        return sb.append("running: ").append(botsDone.get()).append('/').append(bots).append(" bots done");
    }

    private void checkNotDisposed() {
        if (disposed) {
            throw new IllegalStateException("this LevelPlaytest is disposed");
        }
    }

    /** Stops the playtest thread (a bot in the middle of its run finishes first, within a second). Idempotent. */
    @Override
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        generation.incrementAndGet();
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
