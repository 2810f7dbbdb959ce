package io.animata.demo;

import com.badlogic.ashley.core.ComponentMapper;
import com.badlogic.ashley.core.Entity;
import com.badlogic.ashley.core.EntitySystem;
import com.badlogic.gdx.math.Vector2;
import io.animata.core.agent.AgentComponent;
import io.animata.core.agent.env.NavAgentComponent;
import io.animata.core.agent.env.NavScene;
import java.util.Arrays;

/**
 * The rules of the dungeon, after the physics step: the player picks up treasure by walking over it, a bot that
 * reaches the player catches it (the bot starts again far away, the player drops a coin and has a second and a half
 * of grace), and the player who reaches the stairs ends the level. It also measures how the bots chase: the speed at
 * which each bot's distance to the player along the floor shrinks, with the player's tile held fixed.
 *
 * <p>Threading: game thread; allocation-free per frame ({@link #startLevel} sizes its arrays).
 */
public final class DungeonRules extends EntitySystem {
    /** A treasure is picked up when the player's centre comes this close to the tile's centre, metres. */
    public static final float PICKUP_DISTANCE = 0.6f;
    /** The stairs are taken when the player's centre comes this close to the tile's centre, metres. */
    public static final float STAIRS_DISTANCE = 0.5f;
    /** Frames of grace after a catch. */
    public static final int GRACE_FRAMES = 90;

    private final ComponentMapper<NavAgentComponent> navAgents = ComponentMapper.getFor(NavAgentComponent.class);
    private final ComponentMapper<AgentComponent> agents = ComponentMapper.getFor(AgentComponent.class);
    private DungeonLevel level;
    private NavScene scene;
    private PlayerComponent player;
    private boolean[] taken = new boolean[0];
    private boolean[] treasure = new boolean[0];
    private int treasureLeft;
    private boolean stairsReached;
    private long catchesBefore;
    private long catches;
    private float[] lastDistance = new float[0];
    private int[] lastEpisode = new int[0];
    private int lastGoalCell = -1;
    private double closingSum;
    private long closingSamples;

    /** @param priority Ashley priority: after the scene's physics step */
    public DungeonRules(int priority) {
        super(priority);
    }

    /** Begins a level: every treasure is back, the stairs are not reached, the bots are measured afresh. */
    public void startLevel(DungeonLevel newLevel, NavScene newScene, PlayerComponent newPlayer) {
        this.level = newLevel;
        this.scene = newScene;
        this.player = newPlayer;
        int size = newLevel.grid().size();
        if (taken.length != size) {
            taken = new boolean[size];
            treasure = new boolean[size];
        }
        Arrays.fill(taken, false);
        treasureLeft = 0;
        for (int i = 0; i < size; i++) {
            char c = newLevel.grid().at(i);
            treasure[i] = newLevel.legend().hasTag(c, "collectable") && !newLevel.legend().isHazard(c);
            treasureLeft += treasure[i] ? 1 : 0;
        }
        stairsReached = false;
        catchesBefore = newScene.successes();
        if (lastDistance.length != newScene.agentCount()) {
            lastDistance = new float[newScene.agentCount()];
            lastEpisode = new int[newScene.agentCount()];
        }
        Arrays.fill(lastEpisode, -1);
        lastGoalCell = -1;
    }

    @Override
    public void update(float deltaTime) {
        if (level == null || player.body == null) {
            return;
        }
        Vector2 p = player.body.getPosition();
        pickUpTreasure(p.x, p.y);
        int goal = level.goal();
        float sx = level.worldX(goal) - p.x;
        float sy = level.worldY(goal) - p.y;
        if (sx * sx + sy * sy < STAIRS_DISTANCE * STAIRS_DISTANCE) {
            stairsReached = true;
        }
        long now = scene.successes();
        if (now > catchesBefore) {
            int n = (int) (now - catchesBefore);
            catches += n;
            player.caught += n;
            catchesBefore = now;
            if (player.graceFrames == 0) {
                player.gold = Math.max(0, player.gold - 1);
                player.graceFrames = GRACE_FRAMES;
            }
        }
        measureChase();
    }

    private void pickUpTreasure(float x, float y) {
        int w = level.width();
        int centre = level.cellAt(x, y);
        if (centre < 0) {
            return;
        }
        int cx = centre % w;
        int cy = centre / w;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int tx = cx + dx;
                int ty = cy + dy;
                if (tx < 0 || ty < 0 || tx >= w || ty >= level.height()) {
                    continue;
                }
                int cell = ty * w + tx;
                if (!treasure[cell] || taken[cell]) {
                    continue;
                }
                float ex = level.worldX(cell) - x;
                float ey = level.worldY(cell) - y;
                if (ex * ex + ey * ey < PICKUP_DISTANCE * PICKUP_DISTANCE) {
                    taken[cell] = true;
                    treasureLeft--;
                    player.gold++;
                    player.goldFound++;
                }
            }
        }
    }

    /** Adds each bot's approach since the last frame, when the player's tile and the bot's episode are unchanged. */
    private void measureChase() {
        int goalCell = scene.arena().goalCell();
        boolean sameGoal = goalCell == lastGoalCell;
        for (int i = 0; i < scene.agentCount(); i++) {
            Entity bot = scene.agent(i);
            NavAgentComponent nav = navAgents.get(bot);
            int episode = agents.get(bot).episodeId();
            if (sameGoal && episode == lastEpisode[i]) {
                closingSum += lastDistance[i] - nav.distance;
                closingSamples++;
            }
            lastDistance[i] = nav.distance;
            lastEpisode[i] = episode;
        }
        lastGoalCell = goalCell;
    }

    /** @return whether the player reached the stairs in this level */
    public boolean stairsReached() {
        return stairsReached;
    }

    /** @return whether the treasure on grid cell {@code cell} was picked up in this level */
    public boolean isTaken(int cell) {
        return taken[cell];
    }

    /** @return whether grid cell {@code cell} holds treasure (taken or not) */
    public boolean isTreasure(int cell) {
        return treasure[cell];
    }

    /** @return treasure still lying in this level */
    public int treasureLeft() {
        return treasureLeft;
    }

    /** @return catches over the run */
    public long catches() {
        return catches;
    }

    /**
     * @param stepSeconds seconds per frame
     * @return how fast the bots closed in on the player along the floor, averaged over bots and frames of the run,
     *     metres per second (their top speed is 3): above 0 when they chase, about 0 when they wander
     */
    public double meanClosingSpeed(float stepSeconds) {
        return closingSamples == 0 ? 0.0 : closingSum / closingSamples / stepSeconds;
    }
}
