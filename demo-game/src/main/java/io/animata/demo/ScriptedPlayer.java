package io.animata.demo;

import com.badlogic.gdx.math.Vector2;
import io.animata.core.level.play.TopDownPathCheck;

/**
 * A player that walks to the stairs along a shortest path of the level's path search ({@link TopDownPathCheck}, four
 * directions, round hazards), tile by tile: from the tile it stands on it heads for the centre of the neighbouring
 * tile one step nearer the stairs. It is the scripted input of a headless run, deterministic for a seed, and the
 * window's autopilot: wherever the player stands it finds the way from there. It does not dodge the bots.
 *
 * <p>Threading: game thread. {@link #move} allocates nothing; {@link #levelStarted} computes the level's distances.
 */
public final class ScriptedPlayer implements PlayerInput {
    private static final int[] DX = {1, -1, 0, 0};
    private static final int[] DY = {0, 0, 1, -1};

    private DungeonLevel level;
    /** Walking distance of each grid cell to the stairs, -1 where they cannot be reached. */
    private int[] toStairs;

    @Override
    public void levelStarted(DungeonLevel newLevel, PlayerComponent player) {
        this.level = newLevel;
        this.toStairs = new TopDownPathCheck(newLevel.legend()).distances(newLevel.grid(), newLevel.goal());
    }

    @Override
    public void move(PlayerComponent player, Vector2 out) {
        out.setZero();
        if (level == null || player.body == null) {
            return;
        }
        Vector2 p = player.body.getPosition();
        int target = nextCell(level.cellAt(p.x, p.y));
        if (target < 0) {
            return;
        }
        float dx = level.worldX(target) - p.x;
        float dy = level.worldY(target) - p.y;
        float d = (float) Math.sqrt(dx * dx + dy * dy);
        if (d > 1e-3f) {
            out.set(dx / d, dy / d);
        }
    }

    /**
     * @param cell the grid cell the player stands on
     * @return the cell to head for: the neighbour nearest the stairs (the first in x+, x-, down, up order on ties),
     *     the stairs themselves when standing on them, or -1 when no neighbour leads there
     */
    int nextCell(int cell) {
        if (cell < 0) {
            return -1;
        }
        if (toStairs[cell] == 0) {
            return cell;
        }
        // from a tile off the walkable floor too (the player's centre brushing past a hazard's corner)
        int w = level.width();
        int x = cell % w;
        int y = cell / w;
        int best = -1;
        for (int d = 0; d < 4; d++) {
            int nx = x + DX[d];
            int ny = y + DY[d];
            if (nx < 0 || ny < 0 || nx >= w || ny >= level.height()) {
                continue;
            }
            int n = ny * w + nx;
            if (toStairs[n] >= 0 && (best < 0 || toStairs[n] < toStairs[best])) {
                best = n;
            }
        }
        return best;
    }
}
