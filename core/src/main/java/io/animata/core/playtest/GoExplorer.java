package io.animata.core.playtest;

import com.badlogic.gdx.math.RandomXS128;
import io.animata.core.agent.env.NavObservation;
import java.util.Arrays;

/**
 * A coverage-seeking explorer in the style of Go-Explore (Ecoffet et al., 2021): an archive of the cells the bot
 * has been in; repeatedly <em>select</em> a promising cell from it (rarely chosen, rarely visited, near, and above
 * all next to ground it has not been on), <em>return</em> to it along cells it knows (a breadth-first path over the
 * archive, followed waypoint by waypoint by the bot's {@link Steering}), then <em>explore</em> from it with random
 * pushes that stick for a while, turn away from walls the rays see and towards ground it has not been on, and go on
 * while they find new cells. After a mishap (stuck, out of bounds, killed) the run restores
 * the bot to an archive cell, as Go-Explore restores a saved state, and the cell where it happened is banned: never
 * chosen, never walked through, never restored to. A bot that means to move but has hardly moved for a second
 * changes plans (gives up the return, or turns): its own steering caught on a corner is not a bug of the level,
 * whereas something that holds it whatever it does is, and the stuck detector sees that.
 *
 * <p>Threading: one bot run's thread. Allocation-free after construction.
 */
final class GoExplorer {
    /** What the explorer is doing. */
    enum Mode {
        SELECT, RETURN, EXPLORE
    }

    private static final int DIRECTIONS = 8;
    private static final int[] DX = {1, 0, -1, 0};
    private static final int[] DY = {0, -1, 0, 1};
    /** The move direction (0..7, k * 45°) of each of DX/DY: right, up (a row less), left, down. */
    private static final int[] DIRECTION_OF = {0, 2, 4, 6};
    private static final float ARRIVE = 0.35f;
    private static final float BLOCKED = 0.5f;
    private static final int LOOKAHEAD = 6;
    /** Ticks without {@link #PROGRESS} towards the waypoint after which a return is given up. */
    private static final int NO_PROGRESS_TICKS = 15;
    /** Metres closer to the waypoint that count as progress. */
    private static final float PROGRESS = 0.05f;
    /** Ticks over which a bot that means to move must move {@link #MIN_MOVE}, else it changes plans. */
    private static final int ANCHOR_TICKS = 10;
    /** Metres. */
    private static final float MIN_MOVE = 0.4f;
    /** Ticks a return may take: this many, plus {@link #RETURN_TICKS_PER_CELL} per cell of its path. */
    private static final int RETURN_TICKS = 30;
    private static final int RETURN_TICKS_PER_CELL = 8;
    /** Chance per tick that an exploring bot turns at random. */
    private static final float CHANGE_DIRECTION = 0.1f;
    /** Chance per tick that it turns towards new ground when the way ahead is known. */
    private static final float TURN_TO_NEW = 0.5f;
    /** Ticks an exploring bot goes on after finding a new cell. */
    private static final int EXTEND_ON_NEW = 8;
    /** Path length (cells) at which a target's weight halves. */
    private static final float NEAR_CELLS = 8f;
    private static final float CLEARANCE = BotRun.BOT_RADIUS + 0.02f;
    private static final float[] COS = new float[DIRECTIONS];
    private static final float[] SIN = new float[DIRECTIONS];

    static {
        for (int k = 0; k < DIRECTIONS; k++) {
            COS[k] = (float) Math.cos(2 * Math.PI * k / DIRECTIONS);
            SIN[k] = (float) Math.sin(2 * Math.PI * k / DIRECTIONS);
        }
    }

    private final PlaytestLevel level;
    private final int width;
    private final int height;
    private final boolean[] solid;
    private final boolean[] inArchive;
    private final boolean[] banned;
    private final int[] visits;
    private final int[] chosen;
    private final int[] archive;
    private final float[] weights;
    private int archiveSize;
    private final int[] queue;
    private final int[] parent;
    private final int[] depth;
    private final int[] path;
    private int pathLength;
    private int pathIndex;
    private int waypointIndex;
    private int returnLeft;
    private float anchorX = Float.NaN;
    private float anchorY = Float.NaN;
    private int anchorTicks;
    private final RandomXS128 random = new RandomXS128(0);

    private Mode mode = Mode.SELECT;
    private int startCell;
    private int target = -1;
    private float waypointX;
    private float waypointY;
    private float bestDistance;
    private int sinceProgress;
    private int direction;
    private int exploreLeft;
    private int targetsChosen;

    GoExplorer(PlaytestLevel level) {
        this.level = level;
        this.width = level.width();
        this.height = level.height();
        int n = level.grid().size();
        this.solid = new boolean[n];
        for (int i = 0; i < n; i++) {
            solid[i] = level.isSolid(i);
        }
        this.inArchive = new boolean[n];
        this.banned = new boolean[n];
        this.visits = new int[n];
        this.chosen = new int[n];
        this.archive = new int[n];
        this.weights = new float[n];
        this.queue = new int[n];
        this.parent = new int[n];
        this.depth = new int[n];
        this.path = new int[n];
    }

    /** Starts over from {@code start} with an empty archive. */
    void reset(int start, long seed) {
        random.setSeed(seed);
        Arrays.fill(inArchive, false);
        Arrays.fill(banned, false);
        Arrays.fill(visits, 0);
        Arrays.fill(chosen, 0);
        archiveSize = 0;
        startCell = start;
        targetsChosen = 0;
        mode = Mode.SELECT;
        forgetAnchor();
        visit(start);
    }

    /** The bot is in {@code cell} (on the map) at the end of a tick. */
    void visit(int cell) {
        if (!inArchive[cell]) {
            inArchive[cell] = true;
            archive[archiveSize++] = cell;
            if (mode == Mode.EXPLORE) {
                // new ground: keep going while it keeps coming
                exploreLeft = Math.max(exploreLeft, EXTEND_ON_NEW);
            }
        }
        visits[cell]++;
    }

    /** Something went wrong in {@code cell}: never go there again. */
    void ban(int cell) {
        if (cell >= 0) {
            banned[cell] = true;
        }
        mode = Mode.SELECT;
    }

    /** @return the cell to restore the bot to after a mishap (an archive cell that is not banned, else the start) */
    int restoreCell() {
        mode = Mode.SELECT;
        forgetAnchor();
        int cell = pick(false);
        return cell >= 0 ? cell : startCell;
    }

    private void forgetAnchor() {
        anchorX = Float.NaN;
        anchorY = Float.NaN;
        anchorTicks = ANCHOR_TICKS - 1;
    }

    /** @return the mode */
    Mode mode() {
        return mode;
    }

    /** @return the waypoint's world x, valid when {@link #plan} returned true */
    float waypointX() {
        return waypointX;
    }

    /** @return the waypoint's world y */
    float waypointY() {
        return waypointY;
    }

    /** @return how many targets it has chosen */
    int targetsChosen() {
        return targetsChosen;
    }

    /**
     * Decides what to do this tick before the observation is made.
     *
     * @param x the bot's world x
     * @param y the bot's world y
     * @param cell the cell under it (on the map)
     * @return true when it returns to a target ({@link #waypointX()}, {@link #waypointY()} are set), false when it
     *     explores (call {@link #exploreAction})
     */
    boolean plan(float x, float y, int cell) {
        if (++anchorTicks >= ANCHOR_TICKS) {
            // hardly moved for a while although it meant to: change plans well before the stuck window is full
            float dx = x - anchorX;
            float dy = y - anchorY;
            if (dx * dx + dy * dy < MIN_MOVE * MIN_MOVE) {
                if (mode == Mode.RETURN) {
                    beginExplore(cell);
                } else {
                    direction = -1;
                }
            }
            anchorX = x;
            anchorY = y;
            anchorTicks = 0;
        }
        if (mode == Mode.SELECT) {
            select(cell);
        }
        if (mode == Mode.RETURN) {
            if (!followPath(x, y, cell)) {
                beginExplore(cell);
            }
        }
        return mode == Mode.RETURN;
    }

    /**
     * Explores: keeps its push for a while, turns at random now and then, turns away from walls the rays see, and
     * turns towards ground it has not been on when the way ahead is known.
     *
     * @param observation the bot's {@link NavObservation} row (its rays)
     * @param x the bot's world x
     * @param y the bot's world y
     * @return the discrete nav action to take while exploring (0 when every direction is blocked)
     */
    int exploreAction(float[] observation, float x, float y) {
        if (--exploreLeft <= 0) {
            mode = Mode.SELECT;
        }
        boolean keep = direction >= 0 && !blocked(observation, direction) && random.nextFloat() >= CHANGE_DIRECTION;
        if (keep && !newAhead(x, y, direction) && random.nextFloat() < TURN_TO_NEW) {
            int d = turn(observation, x, y, true);
            if (d >= 0) {
                direction = d;
            }
        } else if (!keep) {
            int d = turn(observation, x, y, true);
            direction = d >= 0 ? d : turn(observation, x, y, false);
        }
        return direction < 0 ? 0 : 1 + direction;
    }

    /** @return a random unblocked direction (with new ground one metre ahead when {@code toNew}), or -1 */
    private int turn(float[] observation, float x, float y, boolean toNew) {
        int first = random.nextInt(DIRECTIONS);
        for (int k = 0; k < DIRECTIONS; k++) {
            int d = (first + k) % DIRECTIONS;
            if (!blocked(observation, d) && (!toNew || newAhead(x, y, d))) {
                return d;
            }
        }
        return -1;
    }

    /** @return whether the point one metre ahead in direction {@code d} is off the map or on a cell it has not been */
    private boolean newAhead(float x, float y, int d) {
        int cell = level.cellAt(x + COS[d], y + SIN[d]);
        return cell < 0 || (!inArchive[cell] && !solid[cell] && !banned[cell]);
    }

    private static boolean blocked(float[] observation, int direction) {
        int base = direction * (NavObservation.RAY_COUNT / DIRECTIONS) * NavObservation.FLOATS_PER_RAY;
        if (observation[base + NavObservation.GOAL] > 0.5f) {
            return false;
        }
        float clearance = observation[base + NavObservation.FLOATS_PER_RAY - 1] * NavObservation.RAY_LENGTH;
        return clearance < BLOCKED;
    }

    private void select(int cell) {
        search(cell);
        target = pick(true);
        targetsChosen++;
        if (target < 0 || target == cell) {
            target = cell;
            chosen[cell]++;
            beginExplore(cell);
            return;
        }
        chosen[target]++;
        tracePath(target);
        mode = Mode.RETURN;
        bestDistance = Float.MAX_VALUE;
        sinceProgress = 0;
        returnLeft = RETURN_TICKS + RETURN_TICKS_PER_CELL * pathLength;
    }

    /**
     * Weighted choice over the archive: Go-Explore's count-based scores, cells next to new ground first by far, and
     * (when {@code near}, after {@link #search}) nearer cells first, unreachable ones never.
     *
     * @return -1 when no archive cell can be chosen
     */
    private int pick(boolean near) {
        float total = 0f;
        for (int i = 0; i < archiveSize; i++) {
            int c = archive[i];
            float w = 0f;
            if (!banned[c] && (!near || depth[c] >= 0)) {
                // Go-Explore's count-based scores, and cells next to new ground first by far
                int open = frontier(c);
                w = (float) ((1.0 / Math.sqrt(1.0 + chosen[c]) + 1.0 / Math.sqrt(1.0 + 0.1 * visits[c]))
                        * (open > 0 ? 10 + 10 * open : 1));
                if (near) {
                    w /= 1f + depth[c] / NEAR_CELLS;
                }
            }
            weights[i] = w;
            total += w;
        }
        if (total <= 0f) {
            return -1;
        }
        float r = random.nextFloat() * total;
        for (int i = 0; i < archiveSize; i++) {
            r -= weights[i];
            if (r < 0f && weights[i] > 0f) {
                return archive[i];
            }
        }
        for (int i = archiveSize - 1; i >= 0; i--) {
            if (weights[i] > 0f) {
                return archive[i];
            }
        }
        return -1;
    }

    /** @return the number of sides of {@code cell} that open onto ground it has not been on (or off the map) */
    private int frontier(int cell) {
        int x = cell % width;
        int y = cell / width;
        int n = 0;
        for (int d = 0; d < 4; d++) {
            int nx = x + DX[d];
            int ny = y + DY[d];
            if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
                n++;
                continue;
            }
            int j = ny * width + nx;
            if (!solid[j] && !inArchive[j] && !banned[j]) {
                n++;
            }
        }
        return n;
    }

    private void beginExplore(int cell) {
        mode = Mode.EXPLORE;
        exploreLeft = 10 + random.nextInt(21);
        direction = -1;
        // first towards new ground, when the cell borders some
        int open = frontier(cell);
        if (open > 0) {
            int pickOpen = random.nextInt(open);
            int x = cell % width;
            int y = cell / width;
            for (int d = 0; d < 4; d++) {
                int nx = x + DX[d];
                int ny = y + DY[d];
                boolean isOpen = nx < 0 || ny < 0 || nx >= width || ny >= height
                        || (!solid[ny * width + nx] && !inArchive[ny * width + nx] && !banned[ny * width + nx]);
                if (isOpen && pickOpen-- == 0) {
                    direction = DIRECTION_OF[d];
                    break;
                }
            }
        }
    }

    /** Breadth-first search from {@code from} over archive cells that are not banned, into parent and depth. */
    private void search(int from) {
        Arrays.fill(depth, -1);
        int head = 0;
        int tail = 0;
        queue[tail++] = from;
        parent[from] = -1;
        depth[from] = 0;
        while (head < tail) {
            int i = queue[head++];
            int x = i % width;
            int y = i / width;
            for (int d = 0; d < 4; d++) {
                int nx = x + DX[d];
                int ny = y + DY[d];
                if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
                    continue;
                }
                int j = ny * width + nx;
                if (depth[j] < 0 && inArchive[j] && !banned[j] && !solid[j]) {
                    parent[j] = i;
                    depth[j] = depth[i] + 1;
                    queue[tail++] = j;
                }
            }
        }
    }

    /** The path to {@code to} from the last {@link #search}, which reached it. */
    private void tracePath(int to) {
        int n = depth[to] + 1;
        pathLength = n;
        for (int c = to, k = n - 1; k >= 0; c = parent[c], k--) {
            path[k] = c;
        }
        pathIndex = 0;
        waypointIndex = 0;
    }

    /**
     * Advances along the path and sets the waypoint: the farthest path cell within {@link #LOOKAHEAD} that the bot
     * can slide to in a straight line from where it is now, else the next cell. A bot that left the path (it cut a
     * corner) gets a new path from where it is, so the waypoint is always ahead of it.
     *
     * @return false when it arrived, or gave up (no progress, or out of time for this return)
     */
    private boolean followPath(float x, float y, int cell) {
        if (--returnLeft < 0) {
            return false;
        }
        int at = -1;
        for (int k = pathIndex; k < pathLength; k++) {
            if (path[k] == cell) {
                at = k;
                break;
            }
        }
        if (at < 0) {
            search(cell);
            if (depth[target] < 0) {
                return false;
            }
            tracePath(target);
            at = 0;
        }
        if (at > pathIndex) {
            pathIndex = at;
            sinceProgress = 0;
            bestDistance = Float.MAX_VALUE;
        }
        int last = pathLength - 1;
        if (cell == path[last]) {
            float dx = level.centreX(cell) - x;
            float dy = level.centreY(cell) - y;
            if (dx * dx + dy * dy < ARRIVE * ARRIVE) {
                return false;
            }
        }
        int next = Math.min(pathIndex + 1, last);
        for (int k = Math.min(last, pathIndex + LOOKAHEAD); k > next; k--) {
            if (clear(x, y, level.centreX(path[k]), level.centreY(path[k]))) {
                next = k;
                break;
            }
        }
        if (next != waypointIndex) {
            waypointIndex = next;
            bestDistance = Float.MAX_VALUE;
        }
        waypointX = level.centreX(path[next]);
        waypointY = level.centreY(path[next]);
        float dx = waypointX - x;
        float dy = waypointY - y;
        float distance = (float) Math.sqrt(dx * dx + dy * dy);
        if (distance < bestDistance - PROGRESS) {
            bestDistance = distance;
            sinceProgress = 0;
        } else if (++sinceProgress > NO_PROGRESS_TICKS) {
            // caught on a corner, or the steering cannot get there: explore from here instead, well before the
            // stuck detector's window would call it stuck
            return false;
        }
        return true;
    }

    /** @return whether a bot can slide straight from (x0, y0) to (x1, y1) without touching a solid tile */
    private boolean clear(float x0, float y0, float x1, float y1) {
        float dx = x1 - x0;
        float dy = y1 - y0;
        int steps = Math.max(1, (int) (Math.sqrt(dx * dx + dy * dy) / 0.1f));
        for (int s = 0; s <= steps; s++) {
            float px = x0 + dx * s / steps;
            float py = y0 + dy * s / steps;
            if (solidAt(px - CLEARANCE, py - CLEARANCE) || solidAt(px + CLEARANCE, py - CLEARANCE)
                    || solidAt(px - CLEARANCE, py + CLEARANCE) || solidAt(px + CLEARANCE, py + CLEARANCE)) {
                return false;
            }
        }
        return true;
    }

    private boolean solidAt(float x, float y) {
        int cell = level.cellAt(x, y);
        return cell < 0 || solid[cell];
    }
}
