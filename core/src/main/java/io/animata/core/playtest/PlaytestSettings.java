package io.animata.core.playtest;

import io.animata.runtime.AnimataException;
import java.util.Locale;

/**
 * How each playtest bot runs: how long it plays (simulated seconds, {@value #TICK_SECONDS} s per tick, as the
 * {@code nav} environment steps), what steers it back to the cells it chooses ({@link #HEURISTIC}, the scripted
 * {@link io.animata.core.agent.env.NavHeuristic}, or {@link #POLICY}, a trained nav policy file), when it counts as
 * stuck (it stays inside a disc of {@code stuckEpsilon} metres for {@code stuckWindowSeconds} while pushing on at
 * least {@code stuckActingShare} of the ticks), and which {@link GameHooks} class plays the game's part.
 *
 * <p>A plain record, so a job carries it as JSON to another process. Threading: immutable.
 *
 * <pre>{@code
 * PlaytestSettings settings = PlaytestSettings.builder().optSeconds(60).optStuckWindowSeconds(3).build();
 * }</pre>
 *
 * @param seconds simulated seconds per bot, positive
 * @param controller {@value #HEURISTIC} or {@value #POLICY}
 * @param policy the {@code policy.onnx} file of the nav policy when the controller is {@value #POLICY}, else null
 * @param stuckWindowSeconds how long a bot must stay put to count as stuck
 * @param stuckEpsilon the radius it must stay within, metres
 * @param stuckActingShare the least share of the window's ticks on which it pushed, in (0, 1]
 * @param hooks the {@link GameHooks} class (public, with a public no-argument constructor), one instance per bot
 */
public record PlaytestSettings(float seconds, String controller, String policy, float stuckWindowSeconds,
        float stuckEpsilon, float stuckActingShare, String hooks) {
    /** Simulated seconds per tick (one Box2D step). */
    public static final float TICK_SECONDS = 0.1f;
    /** Controller: the scripted nav heuristic. */
    public static final String HEURISTIC = "heuristic";
    /** Controller: a trained nav policy (ONNX). */
    public static final String POLICY = "policy";

    /** @throws AnimataException for settings out of range */
    public PlaytestSettings {
        if (!(seconds > 0f) || seconds > 1e6f) {
            throw new AnimataException("playtest seconds must be positive (and at most 1e6), was " + seconds);
        }
        if (controller == null) {
            controller = HEURISTIC;
        }
        controller = controller.toLowerCase(Locale.ROOT);
        if (!controller.equals(HEURISTIC) && !controller.equals(POLICY)) {
            throw new AnimataException("unknown playtest controller '" + controller + "'; use " + HEURISTIC + " or "
                    + POLICY);
        }
        if (controller.equals(POLICY) && (policy == null || policy.isBlank())) {
            throw new AnimataException("the policy controller needs a policy file (policy.onnx with policy.json "
                    + "beside it), e.g. assets/models/nav/policy.onnx");
        }
        if (!(stuckWindowSeconds >= TICK_SECONDS * 2)) {
            throw new AnimataException("the stuck window must be at least " + TICK_SECONDS * 2 + " s, was "
                    + stuckWindowSeconds);
        }
        if (!(stuckEpsilon > 0f)) {
            throw new AnimataException("the stuck epsilon must be positive, was " + stuckEpsilon);
        }
        if (!(stuckActingShare > 0f && stuckActingShare <= 1f)) {
            throw new AnimataException("the stuck acting share must be in (0, 1], was " + stuckActingShare);
        }
        if (hooks == null || hooks.isBlank()) {
            hooks = TileEffects.class.getName();
        }
    }

    /** @return the defaults: 60 s, heuristic, 3 s window, 0.25 m, 80 % acting, {@link TileEffects} */
    public static PlaytestSettings defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return ticks each bot plays */
    public int ticks() {
        return Math.max(1, Math.round(seconds / TICK_SECONDS));
    }

    /** @return ticks in the stuck window */
    public int stuckWindowTicks() {
        return Math.max(2, Math.round(stuckWindowSeconds / TICK_SECONDS));
    }

    /** Builds {@link PlaytestSettings}; every setting is optional. Not thread-safe. */
    public static final class Builder {
        private float seconds = 60f;
        private String controller = HEURISTIC;
        private String policy;
        private float stuckWindowSeconds = 3f;
        private float stuckEpsilon = 0.25f;
        private float stuckActingShare = 0.8f;
        private String hooks = TileEffects.class.getName();

        private Builder() {
        }

        /** Simulated seconds per bot (default 60). */
        public Builder optSeconds(float value) {
            this.seconds = value;
            return this;
        }

        /** Steer with the scripted nav heuristic (the default). */
        public Builder optHeuristic() {
            this.controller = HEURISTIC;
            this.policy = null;
            return this;
        }

        /** Steer with a trained nav policy: {@code policy.onnx} with {@code policy.json} beside it. */
        public Builder optPolicy(String policyFile) {
            this.controller = POLICY;
            this.policy = policyFile;
            return this;
        }

        /** Seconds a bot must stay put to count as stuck (default 3). */
        public Builder optStuckWindowSeconds(float value) {
            this.stuckWindowSeconds = value;
            return this;
        }

        /** Radius it must stay within, metres (default 0.25). */
        public Builder optStuckEpsilon(float value) {
            this.stuckEpsilon = value;
            return this;
        }

        /** Least share of the window's ticks on which it pushed (default 0.8). */
        public Builder optStuckActingShare(float value) {
            this.stuckActingShare = value;
            return this;
        }

        /** The {@link GameHooks} class (default {@link TileEffects}). */
        public Builder optHooks(Class<? extends GameHooks> type) {
            this.hooks = type.getName();
            return this;
        }

        /** @return the settings @throws AnimataException for settings out of range */
        public PlaytestSettings build() {
            return new PlaytestSettings(seconds, controller, policy, stuckWindowSeconds, stuckEpsilon,
                    stuckActingShare, hooks);
        }
    }
}
