package io.animata.demo.npc;

import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.physics.box2d.BodyDef;
import com.badlogic.gdx.physics.box2d.FixtureDef;
import com.badlogic.gdx.physics.box2d.PolygonShape;
import com.badlogic.gdx.physics.box2d.World;
import io.animata.core.agent.env.NavArena;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.demo.DungeonLevel;

/**
 * The locked door of a dungeon: one of its door tiles that closes off a dead end (a room that holds neither the start
 * nor the stairs, so the level stays playable with the door shut), preferably the one with the most treasure behind
 * it. While locked, a wall body stands on the tile (the player and the bots bump into it, the bots' rays see a wall);
 * {@link #open()} removes it. A dungeon without such a door has none ({@link #isPresent()} is false).
 *
 * <p>Threading: game thread. The body lives in the level's Box2D world and goes with it; {@link #open()} must not be
 * called during a world step (it is called from systems, between steps).
 */
public final class LockedDoor {
    /** The smallest dead end worth locking, tiles. */
    static final int MIN_ROOM = 4;

    private final int cell;
    private final boolean[] behind;
    private final int roomSize;
    private Body body;
    private boolean locked;

    private LockedDoor(int cell, boolean[] behind, int roomSize) {
        this.cell = cell;
        this.behind = behind;
        this.roomSize = roomSize;
    }

    /**
     * Chooses the door to lock: among the door tiles whose closing leaves the stairs reachable from the start and cuts
     * off at least {@value #MIN_ROOM} tiles, the one with the most treasure behind it, then the largest room, then
     * the lowest cell. Deterministic for a level.
     *
     * @return the door, not locked yet; {@link #isPresent()} is false when no door qualifies
     */
    public static LockedDoor choose(DungeonLevel level) {
        TileGrid grid = level.grid();
        Legend legend = level.legend();
        int[] open = FloorPaths.distances(grid, legend, level.start(), -1);
        int bestCell = -1;
        boolean[] bestBehind = null;
        int bestTreasure = -1;
        int bestRoom = 0;
        for (int cell = 0; cell < grid.size(); cell++) {
            if (!legend.hasTag(grid.at(cell), "door") || open[cell] < 0) {
                continue;
            }
            int[] shut = FloorPaths.distances(grid, legend, level.start(), cell);
            if (shut[level.goal()] < 0) {
                continue; // the way to the stairs goes through it
            }
            boolean[] behind = new boolean[grid.size()];
            int room = 0;
            int treasure = 0;
            for (int c = 0; c < grid.size(); c++) {
                if (c != cell && open[c] >= 0 && shut[c] < 0) {
                    behind[c] = true;
                    room++;
                    treasure += legend.hasTag(grid.at(c), "treasure") ? 1 : 0;
                }
            }
            if (room < MIN_ROOM) {
                continue;
            }
            if (treasure > bestTreasure || (treasure == bestTreasure && room > bestRoom)) {
                bestCell = cell;
                bestBehind = behind;
                bestTreasure = treasure;
                bestRoom = room;
            }
        }
        return bestCell < 0 ? new LockedDoor(-1, new boolean[grid.size()], 0)
                : new LockedDoor(bestCell, bestBehind, bestRoom);
    }

    /** @return whether this dungeon has a door to lock */
    public boolean isPresent() {
        return cell >= 0;
    }

    /** @return the door's grid cell, or -1 when there is none */
    public int cell() {
        return cell;
    }

    /** @return tiles behind the door */
    public int roomSize() {
        return roomSize;
    }

    /** @return whether grid cell {@code c} lies behind the door (reachable from the start only through it) */
    public boolean isBehind(int c) {
        return behind[c];
    }

    /** @return whether the door is shut */
    public boolean isLocked() {
        return locked;
    }

    /**
     * Shuts the door: a static 1 x 1 wall body on its tile, scenery to everyone (no effect when there is no door).
     *
     * @param world the level's Box2D world
     * @param x the tile centre's world x
     * @param y the tile centre's world y
     */
    public void lock(World world, float x, float y) {
        if (!isPresent() || locked) {
            return;
        }
        BodyDef def = new BodyDef();
        def.type = BodyDef.BodyType.StaticBody;
        def.position.set(x, y);
        body = world.createBody(def);
        PolygonShape box = new PolygonShape();
        try {
            box.setAsBox(0.5f, 0.5f);
            FixtureDef fixture = new FixtureDef();
            fixture.shape = box;
            fixture.friction = 0f;
            fixture.filter.categoryBits = NavArena.SCENERY;
            body.createFixture(fixture).setUserData(NavArena.WALL_TAG);
        } finally {
            box.dispose();
        }
        locked = true;
    }

    /**
     * Opens the door: its wall body is removed from the world.
     *
     * @return whether it was locked
     */
    public boolean open() {
        if (!locked) {
            return false;
        }
        body.getWorld().destroyBody(body);
        body = null;
        locked = false;
        return true;
    }

    /** Forgets the body (the level's world is being disposed with it). */
    void forget() {
        body = null;
        locked = false;
    }
}
