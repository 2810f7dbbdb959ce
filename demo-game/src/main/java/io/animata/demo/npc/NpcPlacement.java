package io.animata.demo.npc;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.demo.DungeonLevel;
import java.util.Random;

/**
 * Where the NPCs of a dungeon stand: on plain floor tiles (not a door, treasure, spikes, the start or the stairs)
 * that the player can reach without the locked door, spread along the way from the start to the stairs so that a
 * player walking to the stairs meets them one after the other, a few tiles apart where the dungeon has room.
 *
 * <p>Threading: stateless; allocates (called when a level starts).
 */
public final class NpcPlacement {
    /** NPCs stand at least this many tiles from the start (the player does not begin inside a conversation). */
    public static final int MIN_START_DISTANCE = 3;
    /** The spacing tried first between two NPCs, tiles (Chebyshev); relaxed when the dungeon has no room. */
    public static final int SPACING = 3;

    private NpcPlacement() {
    }

    /**
     * @param door the level's locked door (NPCs stand in front of it, not behind)
     * @param count NPCs to place, at least 0
     * @param seed breaks ties between equally good tiles
     * @return {@code count} distinct grid cells, in order along the way to the stairs
     * @throws IllegalArgumentException when the dungeon has fewer free floor tiles than {@code count}
     */
    public static int[] choose(DungeonLevel level, LockedDoor door, int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        TileGrid grid = level.grid();
        Legend legend = level.legend();
        int w = grid.width();
        int[] reach = FloorPaths.distances(grid, legend, level.start(), door.cell());
        boolean[] candidate = new boolean[grid.size()];
        int candidates = 0;
        for (int c = 0; c < grid.size(); c++) {
            char t = grid.at(c);
            candidate[c] = reach[c] >= MIN_START_DISTANCE && !legend.hasTag(t, "door")
                    && !legend.hasTag(t, "collectable") && !legend.isStart(t) && !legend.isGoal(t)
                    && c != level.goal() && !door.isBehind(c);
            candidates += candidate[c] ? 1 : 0;
        }
        if (candidates < count) {
            throw new IllegalArgumentException("dungeon " + level.index() + " has " + candidates
                    + " free floor tiles, too few for " + count + " NPCs");
        }
        Random random = new Random(seed);
        float[] jitter = new float[grid.size()];
        for (int c = 0; c < jitter.length; c++) {
            jitter[c] = random.nextFloat() * 0.5f;
        }
        int[] chosen = new int[count];
        int last = level.pathLength() - 1;
        for (int i = 0; i < count; i++) {
            int anchor = level.pathCell(Math.round((i + 1) * last / (float) (count + 1)));
            int ax = anchor % w;
            int ay = anchor / w;
            int best = -1;
            for (int spacing = SPACING; spacing >= 0 && best < 0; spacing--) {
                float bestScore = Float.MAX_VALUE;
                for (int c = 0; c < grid.size(); c++) {
                    if (!candidate[c] || tooClose(chosen, i, c, w, spacing)) {
                        continue;
                    }
                    int dx = c % w - ax;
                    int dy = c / w - ay;
                    float score = dx * dx + dy * dy + jitter[c];
                    if (score < bestScore) {
                        bestScore = score;
                        best = c;
                    }
                }
            }
            chosen[i] = best;
            candidate[best] = false;
        }
        return chosen;
    }

    /**
     * The story's place {@code door}: the free floor tile in front of the locked door (reachable without it, not behind
     * it) nearest to the door, other than the {@code taken} ones.
     *
     * @param taken cells already given to other NPCs ({@code except} among them is free to reuse)
     * @param except the cell of the NPC being moved, or -1
     * @return the cell, or -1 when the dungeon has no locked door or no free tile in front of it
     */
    public static int nearDoor(DungeonLevel level, LockedDoor door, int[] taken, int except) {
        if (!door.isPresent()) {
            return -1;
        }
        TileGrid grid = level.grid();
        Legend legend = level.legend();
        int w = grid.width();
        int[] reach = FloorPaths.distances(grid, legend, level.start(), door.cell());
        int dx0 = door.cell() % w;
        int dy0 = door.cell() / w;
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int c = 0; c < grid.size(); c++) {
            char t = grid.at(c);
            boolean free = c == except || !contains(taken, c);
            if (reach[c] < 0 || legend.hasTag(t, "door") || legend.hasTag(t, "collectable") || legend.isStart(t)
                    || legend.isGoal(t) || c == level.goal() || door.isBehind(c) || !free) {
                continue;
            }
            int d = Math.abs(c % w - dx0) + Math.abs(c / w - dy0);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    private static boolean contains(int[] cells, int cell) {
        for (int c : cells) {
            if (c == cell) {
                return true;
            }
        }
        return false;
    }

    private static boolean tooClose(int[] chosen, int n, int cell, int w, int spacing) {
        for (int i = 0; i < n; i++) {
            int dx = Math.abs(chosen[i] % w - cell % w);
            int dy = Math.abs(chosen[i] / w - cell / w);
            if (Math.max(dx, dy) < spacing) {
                return true;
            }
        }
        return false;
    }
}
