package io.animata.demo.critters;

import io.animata.demo.RunReport;
import java.util.Locale;

/**
 * What a demo run did, for people ({@link #summary()}) and for scripts ({@link #resultLine()}, printed last by the
 * command-line tool so that runs can be compared).
 *
 * @param seed the scene's seed
 * @param mode {@code realtime} or {@code lockstep}
 * @param critters critters in the scene
 * @param sparks sparks in the scene
 * @param frames fixed-timestep frames simulated
 * @param decisions policy results applied to critters
 * @param caught sparks caught
 * @param closingSpeed mean speed at which critters approached their sparks, metres per second
 * @param startDistance mean distance from a critter to the spark it chases in the first frame, metres
 * @param endDistance the same in the last frame, metres
 * @param device where the policy ran ({@code cpu}, {@code cuda})
 * @param batches batched policy calls the worker ran
 * @param inferP50Micros median policy call latency, microseconds
 * @param inferP99Micros 99th percentile policy call latency, microseconds
 * @param meanFrameMillis mean frame time, milliseconds
 * @param p99FrameMillis 99th percentile frame time, milliseconds
 */
public record CritterReport(long seed, String mode, int critters, int sparks, long frames, long decisions, long caught,
        double closingSpeed, double startDistance, double endDistance, String device, long batches, double inferP50Micros,
        double inferP99Micros, double meanFrameMillis, double p99FrameMillis) implements RunReport {

    @Override
    public String summary() {
        double seconds = frames * (double) CritterWorld.STEP;
        long perCritter = critters == 0 ? 0 : decisions / critters;
        return String.format(Locale.ROOT,
                "%d critters chased %d sparks for %d frames (%.1f s of game time, seed %d, %s mode)%n"
                        + "policy '%s' on %s: %d decisions (%d per critter) in %d batches, latency p50 %.0f us, p99 %.0f us%n"
                        + "sparks caught: %d; critters closed in on their sparks at %.1f m/s on average (top speed %.0f m/s);%n"
                        + "mean distance to the chased spark %.2f m at the start, %.2f m at the end%n"
                        + "frame time: mean %.3f ms, p99 %.3f ms",
                critters, sparks, frames, seconds, seed, mode,
                SeekPolicy.MODEL_NAME, device, decisions, perCritter, batches, inferP50Micros, inferP99Micros,
                caught, closingSpeed, CritterWorld.MAX_SPEED, startDistance, endDistance,
                meanFrameMillis, p99FrameMillis);
    }

    @Override
    public String resultLine() {
        return String.format(Locale.ROOT,
                "RESULT frames=%d decisions=%d critters=%d caught=%d closing_mps=%.2f mode=%s device=%s infer_p50_us=%.1f "
                        + "infer_p99_us=%.1f mean_frame_ms=%.3f p99_frame_ms=%.3f",
                frames, decisions, critters, caught, closingSpeed, mode, device, inferP50Micros, inferP99Micros,
                meanFrameMillis, p99FrameMillis);
    }
}
