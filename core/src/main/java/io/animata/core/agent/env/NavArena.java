package io.animata.core.agent.env;

import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.physics.box2d.BodyDef;
import com.badlogic.gdx.physics.box2d.CircleShape;
import com.badlogic.gdx.physics.box2d.Filter;
import com.badlogic.gdx.physics.box2d.Fixture;
import com.badlogic.gdx.physics.box2d.FixtureDef;
import com.badlogic.gdx.physics.box2d.PolygonShape;
import com.badlogic.gdx.physics.box2d.World;
import com.badlogic.gdx.utils.Disposable;
import com.badlogic.gdx.utils.Array;
import com.badlogic.gdx.utils.IntArray;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.export.LevelBodies;
import io.animata.runtime.AnimataException;
import java.util.Arrays;
import java.util.Random;

/**
 * The Box2D world of a {@link NavLevel}: top-down (no gravity), walls as static boxes (one per horizontal run of
 * wall tiles, plus a border around the map; or, with {@link Walls#CHAINS}, chain loops along the walls' outlines made
 * by {@link LevelBodies}), obstacle posts as static circles, the goal as a sensor circle, and
 * agents as damped dynamic circles that collide with walls and posts but not with each other. Fixtures carry the
 * tags {@value #WALL_TAG}, {@value #OBSTACLE_TAG} and {@value #GOAL_TAG} for {@link io.animata.core.agent.RaySensor}.
 *
 * <p>It also knows how far the goal is along the floor: a shortest-path distance field over the tiles (8-connected,
 * no corner cutting, computed with Dijkstra's algorithm once per goal tile and cached, up to 16 MB of fields), blended with the straight distance to the
 * neighbouring tiles' centres so it changes smoothly as an agent moves ({@link #distanceToGoal}). Shared by
 * {@link NavEnvironment} (training) and {@link NavScene} (the game), so both reward the same thing.
 *
 * <p>The goal sits on a tile's centre ({@link #setGoalCell}: the task as trained) or follows a moving point, such as
 * a player the agents chase ({@link #setGoalPosition}).
 *
 * <p>Threading: one thread (Box2D is not thread-safe). {@link #distanceToGoal} and the agent methods do not
 * allocate; choosing a new goal tile computes its distance field the first time, unless
 * {@link #precomputeDistanceFields} did it beforehand. {@link #dispose} is idempotent.
 */
public final class NavArena implements Disposable {
    /**
     * How the wall tiles become Box2D fixtures. Either way every wall fixture is tagged {@value #WALL_TAG} in the
     * {@link #SCENERY} category, and rays measure the same distances. Threading: an immutable enum.
     */
    public enum Walls {
        /** One box per horizontal run of wall tiles: what {@link NavEnvironment} trains with (the default). */
        BOXES,
        /**
         * Chain loops along the outlines of the wall tiles, made by {@link LevelBodies} (as a game makes the terrain
         * of a generated level): fewer fixtures, and no seams for a body sliding along a wall to catch on.
         */
        CHAINS
    }

    /** Tag of wall fixtures. */
    public static final String WALL_TAG = "wall";
    /** Tag of obstacle fixtures. */
    public static final String OBSTACLE_TAG = "obstacle";
    /** Tag of the goal's sensor fixture. */
    public static final String GOAL_TAG = "goal";
    /** Filter category of walls and obstacles. */
    public static final short SCENERY = 0x0001;
    /** Filter category of agents. */
    public static final short AGENT = 0x0002;
    /** Filter category of the goal. */
    public static final short GOAL = 0x0004;
    /** Agent radius, metres. */
    public static final float AGENT_RADIUS = 0.3f;
    /** Goal radius, metres: the goal is reached when the centres are closer than the two radii. */
    public static final float GOAL_RADIUS = 0.4f;
    /** Obstacle post radius, metres. */
    public static final float OBSTACLE_RADIUS = 0.35f;
    /** Agent linear damping (per second). */
    public static final float LINEAR_DAMPING = 4f;
    /** Top speed of an agent pushed with {@link #agentForce()}, metres per second. */
    public static final float MAX_SPEED = 3f;

    private static final float SQRT2 = (float) Math.sqrt(2);
    private static final float START_JITTER = 0.15f;

    private final NavLevel level;
    private final World world;
    private final Body goal;
    private final float agentForce;
    /** Most floats the cached distance fields may hold together (16 MB), so large generated maps stay bounded. */
    private static final int CACHE_FLOATS = 1 << 22;

    /** Cached distance fields (a ring, oldest replaced first) and the goal cell of each; -1 for an empty entry. */
    private final float[][] fields;
    private final int[] fieldGoals;
    private int nextField;
    /** Dijkstra's working memory: a binary heap of cells ordered by tentative distance (lazy deletion). */
    private final int[] heap;
    private final boolean[] settled;
    private float[] field;
    private int goalCell = -1;
    private final IntArray candidates = new IntArray();
    private boolean disposed;

    /** @param level the level to build, with {@link Walls#BOXES} */
    public NavArena(NavLevel level) {
        this(level, Walls.BOXES);
    }

    /**
     * @param level the level to build
     * @param walls how its walls become fixtures
     */
    public NavArena(NavLevel level, Walls walls) {
        if (level == null || walls == null) {
            throw new IllegalArgumentException("level and walls are required");
        }
        this.level = level;
        this.world = new World(new Vector2(0f, 0f), true);
        int cells = level.width() * level.height();
        int capacity = Math.max(1, Math.min(cells, CACHE_FLOATS / cells));
        this.fields = new float[capacity][];
        this.fieldGoals = new int[capacity];
        Arrays.fill(fieldGoals, -1);
        this.heap = new int[cells * 8 + 1];
        this.settled = new boolean[cells];
        if (walls == Walls.CHAINS) {
            buildWallChains();
        } else {
            buildWalls();
        }
        buildObstacles();
        this.goal = circle(BodyDef.BodyType.StaticBody, 0.5f, 0.5f, GOAL_RADIUS, true, GOAL, (short) 0, GOAL_TAG);
        float mass = (float) (Math.PI * AGENT_RADIUS * AGENT_RADIUS);
        this.agentForce = MAX_SPEED * mass * LINEAR_DAMPING;
    }

    private void buildWalls() {
        int w = level.width();
        int h = level.height();
        for (int y = 0; y < h; y++) {
            int x = 0;
            while (x < w) {
                if (level.tileAt(x, y) != NavLevel.WALL) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < w && level.tileAt(x, y) == NavLevel.WALL) {
                    x++;
                }
                box((start + x) / 2f, y + 0.5f, (x - start) / 2f, 0.5f);
            }
        }
        // the border: everything outside the map is wall
        box(w / 2f, -0.5f, w / 2f + 1f, 0.5f);
        box(w / 2f, h + 0.5f, w / 2f + 1f, 0.5f);
        box(-0.5f, h / 2f, 0.5f, h / 2f);
        box(w + 0.5f, h / 2f, 0.5f, h / 2f);
    }

    /** The wall tiles as {@link LevelBodies} chain loops, tagged and filtered as the boxes are, plus the border. */
    private void buildWallChains() {
        int w = level.width();
        int h = level.height();
        char[] cells = new char[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // a TileGrid's row 0 is the top row
                cells[(h - 1 - y) * w + x] = level.tileAt(x, y) == NavLevel.WALL ? '#' : '.';
            }
        }
        Legend walls = Legend.builder().addTile('#', Legend.SOLID, "wall").addTile('.', Legend.PASSABLE).build();
        Body body = LevelBodies.create(world, TileGrid.of(w, h, cells), walls, 1f, LevelBodies.Shapes.CHAINS);
        Array<Fixture> fixtures = body.getFixtureList();
        for (int i = 0; i < fixtures.size; i++) {
            Fixture f = fixtures.get(i);
            f.setUserData(WALL_TAG);
            f.setFriction(0f);
            Filter filter = f.getFilterData();
            filter.categoryBits = SCENERY;
            f.setFilterData(filter);
        }
        box(w / 2f, -0.5f, w / 2f + 1f, 0.5f);
        box(w / 2f, h + 0.5f, w / 2f + 1f, 0.5f);
        box(-0.5f, h / 2f, 0.5f, h / 2f);
        box(w + 0.5f, h / 2f, 0.5f, h / 2f);
    }

    private void buildObstacles() {
        for (int y = 0; y < level.height(); y++) {
            for (int x = 0; x < level.width(); x++) {
                if (level.tileAt(x, y) == NavLevel.OBSTACLE) {
                    circle(BodyDef.BodyType.StaticBody, x + 0.5f, y + 0.5f, OBSTACLE_RADIUS, false, SCENERY,
                            (short) -1, OBSTACLE_TAG);
                }
            }
        }
    }

    private void box(float cx, float cy, float halfWidth, float halfHeight) {
        BodyDef def = new BodyDef();
        def.type = BodyDef.BodyType.StaticBody;
        def.position.set(cx, cy);
        Body body = world.createBody(def);
        PolygonShape shape = new PolygonShape();
        shape.setAsBox(halfWidth, halfHeight);
        FixtureDef fixture = new FixtureDef();
        fixture.shape = shape;
        fixture.filter.categoryBits = SCENERY;
        body.createFixture(fixture).setUserData(WALL_TAG);
        shape.dispose();
    }

    private Body circle(BodyDef.BodyType type, float x, float y, float radius, boolean sensor, short category,
            short mask, Object tag) {
        BodyDef def = new BodyDef();
        def.type = type;
        def.position.set(x, y);
        Body body = world.createBody(def);
        CircleShape shape = new CircleShape();
        shape.setRadius(radius);
        FixtureDef fixture = new FixtureDef();
        fixture.shape = shape;
        fixture.isSensor = sensor;
        fixture.density = 1f;
        fixture.friction = 0f;
        fixture.filter.categoryBits = category;
        fixture.filter.maskBits = mask;
        Fixture made = body.createFixture(fixture);
        made.setUserData(tag);
        shape.dispose();
        return body;
    }

    /** @return the level this arena was built from */
    public NavLevel level() {
        return level;
    }

    /** @return the Box2D world (step it through {@link #step} or the game's physics system) */
    public World world() {
        return world;
    }

    /** @return the force that drives an agent at {@link #MAX_SPEED}, newtons */
    public float agentForce() {
        return agentForce;
    }

    /** @return the goal's body (a sensor circle tagged {@value #GOAL_TAG}) */
    public Body goalBody() {
        return goal;
    }

    /** @return the goal's centre, x (metres) */
    public float goalX() {
        return goal.getPosition().x;
    }

    /** @return the goal's centre, y (metres) */
    public float goalY() {
        return goal.getPosition().y;
    }

    /** @return the cell index ({@code y * width + x}) of the goal tile, or -1 before one is set */
    public int goalCell() {
        return goalCell;
    }

    /**
     * Creates an agent: a dynamic circle of {@link #AGENT_RADIUS}, damped, not rotating, colliding with scenery only.
     *
     * @param userData the body's user data (e.g. its entity), or null
     * @return the body
     */
    public Body createAgent(float x, float y, Object userData) {
        Body body = circle(BodyDef.BodyType.DynamicBody, x, y, AGENT_RADIUS, false, AGENT, SCENERY, null);
        body.setLinearDamping(LINEAR_DAMPING);
        body.setFixedRotation(true);
        body.setUserData(userData);
        return body;
    }

    /** Puts an agent at {@code (x, y)}, at rest. */
    public void placeAgent(Body agent, float x, float y) {
        agent.setTransform(x, y, 0f);
        agent.setLinearVelocity(0f, 0f);
        agent.setAngularVelocity(0f);
        agent.setAwake(true);
    }

    /**
     * Moves the goal to the centre of a tile and selects that tile's distance field.
     *
     * @param cell {@code y * width + x} of a walkable tile
     * @throws AnimataException when the tile is not walkable
     */
    public void setGoalCell(int cell) {
        int x = cell % level.width();
        int y = cell / level.width();
        if (!level.isWalkable(x, y)) {
            throw new AnimataException("nav level '" + level.name() + "': the goal tile (" + x + ", " + y
                    + ") is not floor");
        }
        selectField(cell);
        goal.setTransform(x + 0.5f, y + 0.5f, 0f);
    }

    /**
     * Moves the goal to a point, for a goal that moves (a player the agents chase). Distances along the floor are
     * then those from the centre of the walkable tile under the point, or, when the point is over a tile that is not
     * walkable (a body brushing past an obstacle post), from the last such tile.
     *
     * @throws AnimataException when the point is not over a walkable tile and the goal had no tile before
     */
    public void setGoalPosition(float x, float y) {
        int tx = (int) Math.floor(x);
        int ty = (int) Math.floor(y);
        if (level.isWalkable(tx, ty)) {
            int cell = ty * level.width() + tx;
            if (cell != goalCell) {
                selectField(cell);
            }
        } else if (field == null) {
            throw new AnimataException("nav level '" + level.name() + "': the goal point (" + x + ", " + y
                    + ") is not over a floor tile");
        }
        goal.setTransform(x, y, 0f);
    }

    /** Makes {@code cell} the goal tile: its distance field from the cache, or computed into the next cache slot. */
    private void selectField(int cell) {
        goalCell = cell;
        field = null;
        for (int i = 0; i < fields.length; i++) {
            if (fieldGoals[i] == cell) {
                field = fields[i];
                break;
            }
        }
        if (field == null) {
            field = computeField(cell);
        }
    }

    private float[] computeField(int cell) {
        int slot = nextField;
        nextField = (nextField + 1) % fields.length;
        if (fields[slot] == null) {
            fields[slot] = new float[level.width() * level.height()];
        }
        fieldGoals[slot] = cell;
        distanceField(cell, fields[slot]);
        return fields[slot];
    }

    /**
     * Computes the distance field of every walkable tile now, when they all fit the cache (16 MB: maps of up to
     * about 2,000 tiles), so that a goal that moves every frame ({@link #setGoalPosition}) never allocates or
     * searches later. Does nothing for larger maps (their fields are computed on first use, as usual).
     *
     * @return whether every field was computed
     */
    public boolean precomputeDistanceFields() {
        if (level.walkableCount() > fields.length) {
            return false;
        }
        int w = level.width();
        for (int y = 0; y < level.height(); y++) {
            for (int x = 0; x < w; x++) {
                int cell = y * w + x;
                if (!level.isWalkable(x, y) || cached(cell)) {
                    continue;
                }
                float[] made = computeField(cell);
                if (cell == goalCell) {
                    field = made;
                }
            }
        }
        return true;
    }

    private boolean cached(int cell) {
        for (int g : fieldGoals) {
            if (g == cell) {
                return true;
            }
        }
        return false;
    }

    /** @return the floor distance from tile {@code cell} to the goal tile (infinite when unreachable) */
    public float tileDistance(int cell) {
        requireGoal();
        return field[cell];
    }

    /**
     * @return how far {@code (x, y)} is from the goal along the floor, metres: the smallest
     *     {@code |p - centre(n)| + field(n)} over the walkable tiles {@code n} around the point; the straight
     *     distance when none is reachable
     */
    public float distanceToGoal(float x, float y) {
        requireGoal();
        int w = level.width();
        int cx = (int) Math.floor(x);
        int cy = (int) Math.floor(y);
        float best = Float.POSITIVE_INFINITY;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = cx + dx;
                int ny = cy + dy;
                if (!level.isWalkable(nx, ny)) {
                    continue;
                }
                float d = field[ny * w + nx];
                if (d == Float.POSITIVE_INFINITY) {
                    continue;
                }
                float ex = x - (nx + 0.5f);
                float ey = y - (ny + 0.5f);
                float total = d + (float) Math.sqrt(ex * ex + ey * ey);
                if (total < best) {
                    best = total;
                }
            }
        }
        if (best == Float.POSITIVE_INFINITY) {
            float ex = x - goalX();
            float ey = y - goalY();
            return (float) Math.sqrt(ex * ex + ey * ey);
        }
        return best;
    }

    /**
     * Where an agent at {@code (x, y)} should steer for to follow the shortest floor path to the goal: walking down
     * the goal's distance field from the agent's tile (steepest descent, no corner cutting) for up to
     * {@code lookAhead} metres, the farthest tile on that walk whose centre the agent sees in a straight, agent-wide
     * line; the goal itself when the walk reaches it in sight. Where the map has long detours (generated dungeons),
     * a policy trained to head straight for its goal follows the path when it is shown this point instead.
     *
     * @param lookAhead how far along the path to look, metres (0: the goal itself)
     * @param out receives the point
     */
    public void waypoint(float x, float y, float lookAhead, Vector2 out) {
        requireGoal();
        int w = level.width();
        int cell = walkableCellNear(x, y);
        if (lookAhead <= 0f || cell < 0 || cell == goalCell || field[cell] == Float.POSITIVE_INFINITY) {
            out.set(goalX(), goalY());
            return;
        }
        int best = -1;
        int current = cell;
        float walked = 0f;
        while (walked < lookAhead && current != goalCell) {
            int next = downhill(current);
            if (next < 0) {
                break;
            }
            walked += (next % w != current % w) && (next / w != current / w) ? SQRT2 : 1f;
            current = next;
            float cx = current == goalCell ? goalX() : current % w + 0.5f;
            float cy = current == goalCell ? goalY() : current / w + 0.5f;
            if (best >= 0 && !inSight(x, y, cx, cy)) {
                break;
            }
            best = current; // the first step is taken even out of sight: it is a neighbouring tile
        }
        if (best < 0) {
            out.set(goalX(), goalY());
        } else if (best == goalCell) {
            out.set(goalX(), goalY());
        } else {
            out.set(best % w + 0.5f, best / w + 0.5f);
        }
    }

    /** @return the walkable tile under the point, else the neighbour closest to the goal, else -1 */
    private int walkableCellNear(float x, float y) {
        int tx = (int) Math.floor(x);
        int ty = (int) Math.floor(y);
        if (level.isWalkable(tx, ty)) {
            return ty * level.width() + tx;
        }
        int best = -1;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = tx + dx;
                int ny = ty + dy;
                if (level.isWalkable(nx, ny)) {
                    int c = ny * level.width() + nx;
                    if (best < 0 || field[c] < field[best]) {
                        best = c;
                    }
                }
            }
        }
        return best;
    }

    /** @return the neighbour of {@code cell} with the smallest distance, smaller than the cell's own; -1 if none */
    private int downhill(int cell) {
        int w = level.width();
        int x = cell % w;
        int y = cell / w;
        int best = -1;
        float bestDistance = field[cell];
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if ((dx == 0 && dy == 0) || !level.isWalkable(x + dx, y + dy)) {
                    continue;
                }
                if (dx != 0 && dy != 0 && !(level.isWalkable(x + dx, y) && level.isWalkable(x, y + dy))) {
                    continue;
                }
                int n = (y + dy) * w + x + dx;
                if (field[n] < bestDistance) {
                    bestDistance = field[n];
                    best = n;
                }
            }
        }
        return best;
    }

    /** @return whether an agent-wide band from one point to the other crosses walkable tiles only */
    private boolean inSight(float x0, float y0, float x1, float y1) {
        float dx = x1 - x0;
        float dy = y1 - y0;
        float length = (float) Math.sqrt(dx * dx + dy * dy);
        if (length < 1e-4f) {
            return true;
        }
        // the centre line and two lines at 0.8 agent radii either side, sampled every 0.2 m
        float side = AGENT_RADIUS * 0.8f;
        float px = -dy / length * side;
        float py = dx / length * side;
        int samples = (int) Math.ceil(length / 0.2f);
        for (int i = 1; i <= samples; i++) {
            float t = i / (float) samples;
            float sx = x0 + dx * t;
            float sy = y0 + dy * t;
            if (!level.isWalkable((int) Math.floor(sx), (int) Math.floor(sy))
                    || !level.isWalkable((int) Math.floor(sx + px), (int) Math.floor(sy + py))
                    || !level.isWalkable((int) Math.floor(sx - px), (int) Math.floor(sy - py))) {
                return false;
            }
        }
        return true;
    }

    /** @return whether the agent's centre is within {@code AGENT_RADIUS + GOAL_RADIUS} of the goal's */
    public boolean atGoal(Body agent) {
        Vector2 p = agent.getPosition();
        float dx = p.x - goalX();
        float dy = p.y - goalY();
        float reach = AGENT_RADIUS + GOAL_RADIUS;
        return dx * dx + dy * dy < reach * reach;
    }

    /** Advances the world by {@code seconds}. */
    public void step(float seconds) {
        world.step(seconds, 6, 2);
    }

    /**
     * Chooses a goal tile: one of the level's {@code G} tiles, or any floor tile when {@code anywhere} or when the
     * level marks none.
     *
     * @return the cell index
     */
    public int pickGoalCell(Random random, boolean anywhere) {
        candidates.clear();
        if (!anywhere && level.goalCount() > 0) {
            for (int i = 0; i < level.goalCount(); i++) {
                candidates.add(level.goal(i));
            }
        } else {
            addFloor();
        }
        return candidates.get(random.nextInt(candidates.size));
    }

    /**
     * Chooses a start tile for the current goal: one of the level's {@code S} tiles (or any floor tile when
     * {@code anywhere} or when the level marks none) that reaches the goal and is at least {@code minDistance}
     * metres from it along the floor; the farthest reachable one when none is that far.
     *
     * @return the cell index
     * @throws AnimataException when no candidate tile reaches the goal
     */
    public int pickStartCell(Random random, boolean anywhere, float minDistance) {
        requireGoal();
        candidates.clear();
        if (!anywhere && level.startCount() > 0) {
            for (int i = 0; i < level.startCount(); i++) {
                candidates.add(level.start(i));
            }
        } else {
            addFloor();
        }
        int far = 0;
        int farthest = -1;
        for (int i = 0; i < candidates.size; i++) {
            int cell = candidates.get(i);
            float d = field[cell];
            if (d == Float.POSITIVE_INFINITY) {
                continue;
            }
            if (farthest < 0 || d > field[farthest]) {
                farthest = cell;
            }
            if (d >= minDistance) {
                candidates.set(far++, cell);
            }
        }
        if (far > 0) {
            return candidates.get(random.nextInt(far));
        }
        if (farthest < 0) {
            throw new AnimataException("nav level '" + level.name() + "': no start tile can reach the goal tile ("
                    + goalCell % level.width() + ", " + goalCell / level.width() + ")");
        }
        return farthest;
    }

    private void addFloor() {
        for (int y = 0; y < level.height(); y++) {
            for (int x = 0; x < level.width(); x++) {
                if (level.isWalkable(x, y)) {
                    candidates.add(y * level.width() + x);
                }
            }
        }
    }

    /** Puts an agent on a start tile's centre, moved by up to 0.15 m each way. */
    public void placeAgentOnCell(Body agent, int cell, Random random) {
        float x = cell % level.width() + 0.5f + (random.nextFloat() * 2f - 1f) * START_JITTER;
        float y = cell / level.width() + 0.5f + (random.nextFloat() * 2f - 1f) * START_JITTER;
        placeAgent(agent, x, y);
    }

    private void requireGoal() {
        if (field == null) {
            throw new IllegalStateException("no goal yet: call setGoalCell first");
        }
    }

    /**
     * Dijkstra from the goal tile over floor tiles, into {@code dist}: 8 neighbours, diagonals only where both sides
     * are floor. A cell enters the heap at most once per neighbour (8 times), so the heap never outgrows its array.
     */
    private void distanceField(int goal, float[] dist) {
        int w = level.width();
        Arrays.fill(dist, Float.POSITIVE_INFINITY);
        Arrays.fill(settled, false);
        dist[goal] = 0f;
        int size = 0;
        heap[size++] = goal;
        while (size > 0) {
            int u = heap[0];
            heap[0] = heap[--size];
            siftDown(dist, size);
            if (settled[u]) {
                continue;
            }
            settled[u] = true;
            int ux = u % w;
            int uy = u / w;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    if ((dx == 0 && dy == 0) || !level.isWalkable(ux + dx, uy + dy)) {
                        continue;
                    }
                    if (dx != 0 && dy != 0 && !(level.isWalkable(ux + dx, uy) && level.isWalkable(ux, uy + dy))) {
                        continue;
                    }
                    int v = (uy + dy) * w + ux + dx;
                    float d = dist[u] + (dx != 0 && dy != 0 ? SQRT2 : 1f);
                    if (d < dist[v]) {
                        dist[v] = d;
                        heap[size] = v;
                        siftUp(dist, size++);
                    }
                }
            }
        }
    }

    private void siftUp(float[] dist, int i) {
        int cell = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (dist[heap[parent]] <= dist[cell]) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = cell;
    }

    private void siftDown(float[] dist, int size) {
        if (size == 0) {
            return;
        }
        int i = 0;
        int cell = heap[0];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && dist[heap[child + 1]] < dist[heap[child]]) {
                child++;
            }
            if (dist[heap[child]] >= dist[cell]) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = cell;
    }

    /** Disposes the Box2D world and everything in it. Idempotent. */
    @Override
    public void dispose() {
        if (!disposed) {
            disposed = true;
            world.dispose();
        }
    }
}
