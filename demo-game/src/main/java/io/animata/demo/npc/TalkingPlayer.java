package io.animata.demo.npc;

import com.badlogic.gdx.math.Vector2;
import io.animata.core.npc.DialogueComponent;
import io.animata.demo.DungeonLevel;
import io.animata.demo.PlayerComponent;
import io.animata.demo.PlayerInput;
import io.animata.demo.ScriptedPlayer;

/**
 * The scripted player of a headless run with NPCs: in each dungeon it walks up to the NPCs one after the other (in
 * the order they stand along the way), says {@value #LINES_PER_NPC} lines of {@link NpcScript} to each, waiting for
 * each reply to end and reading it for a moment; then, holding a key an NPC gave it, it walks up to the locked door
 * (which opens: the story's peaceful way), and walks to the stairs like a {@link ScriptedPlayer}. It walks the
 * floor tile by tile along a shortest path (round the locked door while it is shut), and gives up on an NPC it cannot
 * reach or that does not answer within {@value #GIVE_UP_FRAMES} frames. Deterministic for a seed in lockstep.
 *
 * <pre>{@code
 * TalkingPlayer talker = new TalkingPlayer();
 * DemoWorld demo = new DemoWorld(settings, talker, NpcSettings.defaults());
 * talker.attach(demo.npcs());
 * }</pre>
 *
 * <p>Threading: game thread. {@link #move} allocates only when it heads for the next NPC (the walking distances).
 */
public final class TalkingPlayer implements PlayerInput {
    /** Lines said to each NPC. */
    public static final int LINES_PER_NPC = 2;
    /** Frames spent reading a reply before the next line. */
    public static final int READ_FRAMES = 45;
    /** Frames waited for a reply before moving on. */
    public static final int GIVE_UP_FRAMES = 600;
    /** How close it walks before speaking, metres between centres. */
    public static final float SPEAKING_DISTANCE = DemoNpcs.TALK_REACH * 0.75f;

    private final ScriptedPlayer stairs = new ScriptedPlayer();
    private DemoNpcs npcs;
    private DungeonLevel level;
    private int target;
    private int doorFront = -1;
    private int doorWalk;
    private final Vector2 doorAt = new Vector2();
    private int targetCell = -1;
    private int[] toTarget;
    private boolean talking;
    private int linesToTarget;
    private int waited;
    private int read;
    private int lineNumber;
    private long linesSaid;
    private long gaveUp;

    /** Lets it find the NPCs; until then (and with none) it walks to the stairs. */
    public void attach(DemoNpcs people) {
        this.npcs = people;
    }

    @Override
    public void levelStarted(DungeonLevel newLevel, PlayerComponent player) {
        stairs.levelStarted(newLevel, player);
        level = newLevel;
        target = 0;
        targetCell = -1;
        doorFront = -1;
        doorWalk = 0;
        talking = false;
        linesToTarget = 0;
    }

    @Override
    public void move(PlayerComponent player, Vector2 out) {
        out.setZero();
        if (player.body == null) {
            return;
        }
        if (npcs == null || level == null) {
            stairs.move(player, out);
            return;
        }
        if (target >= npcs.count()) {
            if (player.keys > 0 && npcs.door().isLocked() && doorWalk < GIVE_UP_FRAMES) {
                walkToDoor(player.body.getPosition(), out); // the story's peaceful way: the key opens the door
            } else {
                stairs.move(player, out);
            }
            return;
        }
        if (talking) {
            listen();
            return;
        }
        Vector2 p = player.body.getPosition();
        Vector2 q = npcs.npc(target).body.getPosition();
        if (p.dst2(q) <= SPEAKING_DISTANCE * SPEAKING_DISTANCE) {
            talking = true;
            speak();
            return;
        }
        walkTowards(p, q, out);
    }

    private void listen() {
        DialogueComponent d = npcs.dialogue(target);
        if (d.isBusy()) {
            if (++waited > GIVE_UP_FRAMES) {
                gaveUp++;
                next();
            }
            return;
        }
        if (++read < READ_FRAMES) {
            return;
        }
        if (linesToTarget < LINES_PER_NPC) {
            speak();
        } else {
            next();
        }
    }

    private void speak() {
        npcs.say(target, NpcScript.line(lineNumber++));
        linesToTarget++;
        linesSaid++;
        waited = 0;
        read = 0;
    }

    private void next() {
        target++;
        targetCell = -1;
        talking = false;
        linesToTarget = 0;
    }

    /** Walks to the tile in front of the locked door, then into the door (a key opens it from close by). */
    private void walkToDoor(Vector2 p, Vector2 out) {
        doorWalk++;
        if (doorFront < 0) {
            doorFront = NpcPlacement.nearDoor(level, npcs.door(), new int[0], -1);
            if (doorFront < 0) {
                doorWalk = GIVE_UP_FRAMES;
                return;
            }
        }
        if (level.cellAt(p.x, p.y) == doorFront) {
            float dx = level.worldX(npcs.door().cell()) - p.x;
            float dy = level.worldY(npcs.door().cell()) - p.y;
            float d = (float) Math.sqrt(dx * dx + dy * dy);
            out.set(dx / d, dy / d);
            return;
        }
        doorAt.set(level.worldX(doorFront), level.worldY(doorFront));
        walkTowards(p, doorAt, out);
    }

    private void walkTowards(Vector2 p, Vector2 q, Vector2 out) {
        int cell = level.cellAt(q.x, q.y);
        if (cell != targetCell) {
            targetCell = cell;
            LockedDoor door = npcs.door();
            toTarget = FloorPaths.distances(level.grid(), level.legend(), cell, door.isLocked() ? door.cell() : -1);
        }
        int here = level.cellAt(p.x, p.y);
        float tx;
        float ty;
        if (here == targetCell) {
            tx = q.x;
            ty = q.y;
        } else {
            int step = downhill(here);
            if (step < 0) {
                gaveUp++;
                next(); // it cannot be reached from here
                return;
            }
            tx = level.worldX(step);
            ty = level.worldY(step);
        }
        float dx = tx - p.x;
        float dy = ty - p.y;
        float d = (float) Math.sqrt(dx * dx + dy * dy);
        if (d > 1e-3f) {
            out.set(dx / d, dy / d);
        }
    }

    /** @return the neighbour of {@code cell} one step nearer the target (x+, x-, down, up on ties), or -1 */
    private int downhill(int cell) {
        if (cell < 0) {
            return -1;
        }
        int w = level.width();
        int x = cell % w;
        int y = cell / w;
        int best = -1;
        for (int d = 0; d < 4; d++) {
            int nx = x + (d == 0 ? 1 : d == 1 ? -1 : 0);
            int ny = y + (d == 2 ? 1 : d == 3 ? -1 : 0);
            if (nx < 0 || ny < 0 || nx >= w || ny >= level.height()) {
                continue;
            }
            int n = ny * w + nx;
            if (toTarget[n] >= 0 && (best < 0 || toTarget[n] < toTarget[best])) {
                best = n;
            }
        }
        return best;
    }

    /** @return lines said to NPCs over the run */
    public long linesSaid() {
        return linesSaid;
    }

    /** @return NPCs given up on (out of reach, or no answer in time) */
    public long gaveUp() {
        return gaveUp;
    }

    /** @return whether it has visited every NPC of this dungeon and walks to the stairs */
    public boolean isDoneTalking() {
        return npcs == null || target >= npcs.count();
    }
}
