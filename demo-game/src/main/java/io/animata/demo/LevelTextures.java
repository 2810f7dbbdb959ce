package io.animata.demo;

import io.animata.core.agent.env.NavArena;
import io.animata.core.level.gen.Seeds;
import io.animata.core.texture.PixelBuffer;
import io.animata.core.texture.recipe.TextureRecipe;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.Job;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The generated textures of each dungeon: when a level starts, its wall, floor and hazard textures are rendered from
 * the shipped texture recipes ({@code stone} for walls; for floors {@code sand} in levels of even index, which the
 * HUD numbers 1, 3, 5..., and {@code grass} in the others; {@code lava} under the spike posts), each {@value #SIZE}
 * x {@value #SIZE} and seamless, seeded by the level's seed. The rendering runs on the AI runtime's job worker
 * ({@link AiRuntime#jobs()}), never on the game thread; the pixels reach the game thread at a later
 * {@code beginFrame} and are kept here as a {@link TextureSet}. Nothing here touches GL: a window turns the newest
 * set into {@code Texture}s ({@link TileTextures}) and headless runs only count them ({@link #texturesMade()}, the
 * {@code textures=} of the RESULT line).
 *
 * <p>Until a level's set arrives (in realtime a few frames, in lockstep the frame after next) the previous level's
 * set stays current; a set for a level that has ended by the time it arrives is dropped. If rendering fails the
 * window keeps drawing flat colours and the failure is logged once per level.
 *
 * <p>Threading: game thread only (it is a {@link LevelListener}); construct it on the game thread. The recipes are
 * parsed once here and shared, read-only, with the worker.
 */
public final class LevelTextures implements LevelListener {
    /** Side of each texture, pixels: four tiles of about 32 screen pixels in a 1280 x 720 window. */
    public static final int SIZE = 128;
    /** Recipe of the walls. */
    public static final String WALL = "stone";
    /** Recipes of the floors, by level number (even, odd). */
    public static final String[] FLOORS = {"sand", "grass"};
    /** Recipe of the hazard tiles (under the spike posts). */
    public static final String HAZARD = "lava";
    /** Textures per level: wall, floor, hazard. */
    public static final int PER_LEVEL = 3;

    private static final Logger LOG = Logger.getLogger(LevelTextures.class.getName());

    /**
     * One level's textures, as pixels. Threading: immutable in practice (do not change the buffers).
     *
     * @param levelIndex the level they were made for
     * @param levelSeed that level's seed
     * @param floorRecipe the floor's recipe name
     * @param wall the walls, tileable
     * @param floor the floor, tileable
     * @param hazard the hazard tiles, tileable
     * @param millis time spent rendering the three on the worker
     */
    public record TextureSet(int levelIndex, long levelSeed, String floorRecipe, PixelBuffer wall, PixelBuffer floor,
            PixelBuffer hazard, double millis) {
    }

    private final AiRuntime runtime;
    private final TextureRecipe wall;
    private final TextureRecipe[] floors;
    private final TextureRecipe hazard;
    private Job<TextureSet> inFlight;
    private int playingIndex = -1;
    private TextureSet current;
    private int version;
    private int texturesMade;
    private double totalMillis;
    private int setsMade;

    /**
     * @param runtime whose job worker renders the textures; call on the game thread
     */
    public LevelTextures(AiRuntime runtime) {
        this.runtime = runtime;
        this.wall = TextureRecipe.builtIn(WALL);
        this.floors = new TextureRecipe[] {TextureRecipe.builtIn(FLOORS[0]), TextureRecipe.builtIn(FLOORS[1])};
        this.hazard = TextureRecipe.builtIn(HAZARD);
    }

    @Override
    public void levelStarted(DungeonLevel level, NavArena arena) {
        if (inFlight != null) {
            inFlight.cancel(); // the level it was for is over
        }
        playingIndex = level.index();
        int index = level.index();
        long seed = level.seed();
        TextureRecipe floor = floors[index & 1];
        inFlight = runtime.jobs().submit("textures of dungeon " + (index + 1),
                () -> render(index, seed, floor, wall, hazard), this::arrived);
    }

    /** The job's work, on the worker: three renders on that one thread (the game keeps the other cores). */
    static TextureSet render(int index, long seed, TextureRecipe floor, TextureRecipe wall, TextureRecipe hazard) {
        long start = System.nanoTime();
        PixelBuffer w = wall.render(SIZE, SIZE, Seeds.derive(seed, 0, 0)).color();
        PixelBuffer f = floor.render(SIZE, SIZE, Seeds.derive(seed, 1, 0)).color();
        PixelBuffer h = hazard.render(SIZE, SIZE, Seeds.derive(seed, 2, 0)).color();
        return new TextureSet(index, seed, floor.name(), w, f, h, (System.nanoTime() - start) / 1e6);
    }

    /** @return the pixels level {@code index} of a run gets from a level seeded {@code seed} (for tests and tools) */
    public static TextureSet renderFor(int index, long seed) {
        return render(index, seed, TextureRecipe.builtIn(FLOORS[index & 1]), TextureRecipe.builtIn(WALL),
                TextureRecipe.builtIn(HAZARD));
    }

    private void arrived(Job<TextureSet> job) {
        if (job == inFlight) {
            inFlight = null;
        }
        if (job.isFailed()) {
            LOG.log(Level.WARNING, "the textures of a dungeon could not be made; it is drawn in flat colours: "
                    + job.error().getMessage());
            return;
        }
        TextureSet set = job.result();
        texturesMade += PER_LEVEL;
        totalMillis += set.millis();
        setsMade++;
        if (set.levelIndex() != playingIndex) {
            return; // made for a level already left (a cancel came too late to stop it)
        }
        current = set;
        version++;
    }

    /** @return the newest set of the level being played, or of an earlier one until its own arrives; null at first */
    public TextureSet current() {
        return current;
    }

    /** @return a number that changes whenever {@link #current()} does (a renderer compares it each frame) */
    public int version() {
        return version;
    }

    /** @return whether the level being played has its own set yet */
    public boolean isCurrent() {
        return current != null && current.levelIndex() == playingIndex;
    }

    /** @return textures generated so far ({@value #PER_LEVEL} per level whose set arrived) */
    public int texturesMade() {
        return texturesMade;
    }

    /** @return mean rendering time of a level's set on the worker, milliseconds; NaN before the first */
    public double meanMillis() {
        return setsMade == 0 ? Double.NaN : totalMillis / setsMade;
    }
}
