package io.animata.demo;

import java.util.Locale;

/**
 * What a run of the dungeon adventure did, for people ({@link #summary()}) and for scripts ({@link #resultLine()},
 * printed last by {@code animata demo}). Immutable.
 *
 * @param frames fixed-timestep frames simulated
 * @param npcReplies replies the language model gave NPCs (fallback lines not included)
 * @param npcActions actions NPCs carried out (a door opened, an item given, a companion following or staying)
 * @param botDecisions nav policy decisions applied to the bots
 * @param levels dungeons generated and played, the first included
 * @param textures textures generated for the dungeons ({@link LevelTextures}, 3 per dungeon whose set arrived)
 * @param meanFrameMillis mean frame time, milliseconds
 * @param p99FrameMillis 99th percentile frame time, milliseconds
 * @param seed the run's seed
 * @param mode {@code realtime} or {@code lockstep}
 * @param bots bots chasing the player
 * @param levelStyle how the dungeons were made ({@code wfc}, {@code bsp})
 * @param device where the policy ran ({@code cpu}, {@code cuda})
 * @param batches batched policy calls the worker ran
 * @param inferP50Micros median policy call latency, microseconds
 * @param inferP99Micros 99th percentile policy call latency, microseconds
 * @param goldFound treasure the player picked up
 * @param caught times a bot reached the player
 * @param stairsTaken levels the player left by the stairs
 * @param closingSpeed how fast the bots closed in on the player along the floor, metres per second
 * @param npcs NPCs per dungeon (0: the chase alone)
 * @param npcFallbacks fallback lines NPCs said instead of a reply (no model, or the model failed)
 * @param dialogueModel which language model the NPCs talked with, or why they said fallback lines
 * @param npcRefusals actions NPCs proposed that were refused (not theirs to take, or a precondition failed)
 * @param story the story slice's progress, one line ("" without NPCs)
 * @param storyEnd the last story end reached ({@code peaceful}, {@code by_force}, {@code left}), or {@code none}
 */
public record DemoReport(long frames, long npcReplies, long npcActions, long botDecisions, int levels, int textures,
        double meanFrameMillis, double p99FrameMillis, long seed, String mode, int bots, String levelStyle,
        String device, long batches, double inferP50Micros, double inferP99Micros, int goldFound, int caught,
        int stairsTaken, double closingSpeed, int npcs, long npcFallbacks, String dialogueModel, long npcRefusals,
        String story, String storyEnd)
        implements RunReport {

    @Override
    public String summary() {
        double seconds = frames * (double) DemoWorld.STEP;
        return String.format(Locale.ROOT,
                "dungeon adventure: %d bots chased the player through %d dungeon%s for %d frames (%.1f s of game time, "
                        + "seed %d, %s mode)%n"
                        + "dungeons learned from %d examples (%s); the player took the stairs %d time%s, found %d "
                        + "treasure, was caught %d time%s%n"
                        + "bots: policy 'nav' on %s, %d decisions in %d batches, latency p50 %.0f us, p99 %.0f us; "
                        + "they closed in on the player at %.2f m/s (top speed 3)%n"
                        + "textures: %d generated from the shipped recipes (stone walls, sand or grass floors, lava "
                        + "hazards; %d x %d, 3 per dungeon, on the AI runtime's job worker)%n"
                        + "%s%n"
                        + "frame time: mean %.3f ms, p99 %.3f ms",
                bots, levels, levels == 1 ? "" : "s", frames, seconds, seed, mode,
                DemoAssets.DUNGEON_EXAMPLES.size(), levelStyle, stairsTaken, stairsTaken == 1 ? "" : "s", goldFound,
                caught, caught == 1 ? "" : "s",
                device, botDecisions, batches, inferP50Micros, inferP99Micros, closingSpeed,
                textures, LevelTextures.SIZE, LevelTextures.SIZE, npcLine(), meanFrameMillis, p99FrameMillis);
    }

    private String npcLine() {
        if (npcs == 0) {
            return "NPCs: none in this run";
        }
        return String.format(Locale.ROOT, "NPCs: %d per dungeon, %d replies and %d fallback line%s, %d action%s "
                + "carried out, %d refused; %s%n%s; story_end=%s", npcs, npcReplies, npcFallbacks,
                npcFallbacks == 1 ? "" : "s", npcActions, npcActions == 1 ? "" : "s", npcRefusals, dialogueModel, story,
                storyEnd);
    }

    @Override
    public String resultLine() {
        return String.format(Locale.ROOT,
                "RESULT frames=%d npc_replies=%d npc_actions=%d bot_decisions=%d levels=%d textures=%d "
                        + "mean_frame_ms=%.3f p99_frame_ms=%.3f",
                frames, npcReplies, npcActions, botDecisions, levels, textures, meanFrameMillis, p99FrameMillis);
    }

    /**
     * @return this report with every figure that depends on timing set to 0 (frame times, policy latency, and the
     *     batches the worker has finished: the last frame's may still be running), to compare runs
     */
    public DemoReport withoutTimes() {
        return new DemoReport(frames, npcReplies, npcActions, botDecisions, levels, textures, 0, 0, seed, mode, bots,
                levelStyle, device, 0, 0, 0, goldFound, caught, stairsTaken, closingSpeed, npcs, npcFallbacks,
                dialogueModel, npcRefusals, story, storyEnd);
    }
}
