package io.animata.runtime.train.env;

import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.rl.Environment;
import java.util.SplittableRandom;

/**
 * The classic cart-pole balancing task with Gymnasium's {@code CartPole-v1} constants and rules, in plain Java: a
 * pole hinged on a cart that is pushed left (action 0) or right (action 1) with a force of 10 N; observation
 * {@code [x, xDot, theta, thetaDot]}; reward 1 for every step, the step that ends the episode included; the episode
 * terminates when {@code |theta| > 12°} or {@code |x| > 2.4}, and is truncated after {@value #MAX_STEPS} steps, so a
 * perfect episode returns 500. The state starts uniformly in {@code [-0.05, 0.05]} for each of its four values and
 * is integrated with explicit Euler steps of 20 ms, in double precision (observations are floats, as Gymnasium's).
 *
 * <p>Threading: one instance per thread at a time; instances share nothing. {@link #step} does not allocate.
 *
 * <pre>{@code
 * try (CartPole env = new CartPole()) {
 *     float[] obs = new float[4];
 *     env.reset(1, obs);
 *     ActionBuffer push = new ActionBuffer(env.actionSpace());
 *     push.discrete[0] = obs[2] > 0 ? 1 : 0;   // push towards the side the pole leans to
 *     float reward = env.step(push, obs);
 * }
 * }</pre>
 */
public final class CartPole implements Environment {
    /** Steps after which an episode is truncated (Gymnasium's {@code max_episode_steps} for v1). */
    public static final int MAX_STEPS = 500;

    static final double GRAVITY = 9.8;
    static final double MASS_CART = 1.0;
    static final double MASS_POLE = 0.1;
    static final double TOTAL_MASS = MASS_CART + MASS_POLE;
    /** Half the pole's length. */
    static final double LENGTH = 0.5;
    static final double POLE_MASS_LENGTH = MASS_POLE * LENGTH;
    static final double FORCE = 10.0;
    static final double TAU = 0.02;
    static final double THETA_LIMIT = 12 * 2 * Math.PI / 360;
    static final double X_LIMIT = 2.4;

    private static final ActionSpace SPACE = ActionSpace.discrete(2);

    private double x;
    private double xDot;
    private double theta;
    private double thetaDot;
    private int steps;
    private boolean terminated;
    private boolean truncated;

    @Override
    public int observationWidth() {
        return 4;
    }

    @Override
    public ActionSpace actionSpace() {
        return SPACE;
    }

    @Override
    public void reset(long seed, float[] observation) {
        SplittableRandom random = new SplittableRandom(seed);
        x = random.nextDouble(-0.05, 0.05);
        xDot = random.nextDouble(-0.05, 0.05);
        theta = random.nextDouble(-0.05, 0.05);
        thetaDot = random.nextDouble(-0.05, 0.05);
        steps = 0;
        terminated = false;
        truncated = false;
        observe(observation);
    }

    /**
     * Puts the cart-pole in an exact state (tests, replays) and starts counting steps from zero.
     *
     * @param observation receives the state as an observation
     */
    public void setState(double x, double xDot, double theta, double thetaDot, float[] observation) {
        this.x = x;
        this.xDot = xDot;
        this.theta = theta;
        this.thetaDot = thetaDot;
        steps = 0;
        terminated = false;
        truncated = false;
        observe(observation);
    }

    @Override
    public float step(ActionBuffer action, float[] observation) {
        int push = action.discrete[0];
        if (push != 0 && push != 1) {
            throw new IllegalArgumentException("cart-pole action must be 0 (left) or 1 (right), was " + push);
        }
        double force = push == 1 ? FORCE : -FORCE;
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sin - cos * temp)
                / (LENGTH * (4.0 / 3.0 - MASS_POLE * cos * cos / TOTAL_MASS));
        double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
        // Gymnasium's default "euler" integrator: positions move with the old velocities
        x += TAU * xDot;
        xDot += TAU * xAcc;
        theta += TAU * thetaDot;
        thetaDot += TAU * thetaAcc;
        steps++;
        terminated = x < -X_LIMIT || x > X_LIMIT || theta < -THETA_LIMIT || theta > THETA_LIMIT;
        truncated = !terminated && steps >= MAX_STEPS;
        observe(observation);
        return 1f;
    }

    private void observe(float[] observation) {
        observation[0] = (float) x;
        observation[1] = (float) xDot;
        observation[2] = (float) theta;
        observation[3] = (float) thetaDot;
    }

    @Override
    public boolean terminated() {
        return terminated;
    }

    @Override
    public boolean truncated() {
        return truncated;
    }

    /**
     * A hand-made linear controller that balances the pole for the full 500 steps from most starts: push towards
     * {@code sign(0.1 x + 0.5 xDot + 10 theta + 2 thetaDot)}. A heuristic to record demonstrations from.
     *
     * @param observation {@code [x, xDot, theta, thetaDot]}
     * @param action receives the push (0 left, 1 right)
     */
    public static void heuristic(float[] observation, ActionBuffer action) {
        double u = 0.1 * observation[0] + 0.5 * observation[1] + 10 * observation[2] + 2 * observation[3];
        action.discrete[0] = u > 0 ? 1 : 0;
    }

    /** @return steps taken in the current episode */
    public int steps() {
        return steps;
    }

    @Override
    public String toString() {
        return "CartPole[x=" + x + ", theta=" + theta + ", steps=" + steps + "]";
    }
}
