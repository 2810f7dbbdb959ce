package io.animata.core.agent;

import io.animata.runtime.rl.ActionBuffer;

/**
 * An actuator of continuous actions: hands its values, clipped to [-1, 1], to {@link #act}. Extend it, or wrap a
 * lambda with {@link #of}.
 *
 * <pre>{@code
 * agent.actuators.add(ContinuousActuator.of(1, values -> car.throttle = values[0]));
 * }</pre>
 *
 * <p>Threading: game thread. Allocation-free: the clipped values go through a scratch array owned by the actuator
 * (valid only during {@link #act}).
 */
public abstract class ContinuousActuator implements Actuator {
    private final float[] values;

    /** @param size continuous values this actuator reads, at least 1 */
    protected ContinuousActuator(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a continuous actuator reads at least 1 value, was " + size);
        }
        this.values = new float[size];
    }

    /** Receives the clipped values of a {@link #of lambda actuator}; called on the game thread. */
    @FunctionalInterface
    public interface Action {
        /** @param values this actuator's values, each in [-1, 1]; valid only during the call */
        void act(float[] values);
    }

    /**
     * @param size continuous values the actuator reads
     * @param action what to do with them
     * @return an actuator calling {@code action}
     */
    public static ContinuousActuator of(int size, Action action) {
        if (action == null) {
            throw new IllegalArgumentException("action is null");
        }
        return new ContinuousActuator(size) {
            @Override
            protected void act(float[] values) {
                action.act(values);
            }
        };
    }

    @Override
    public final int continuousSize() {
        return values.length;
    }

    @Override
    public final int branchCount() {
        return 0;
    }

    @Override
    public final int branchSize(int branch) {
        throw new IndexOutOfBoundsException("a continuous actuator has no discrete branches");
    }

    /** Clips this actuator's values to [-1, 1] (NaN becomes 0) and calls {@link #act}. */
    @Override
    public final void apply(ActionBuffer action, int continuousOffset, int branchOffset) {
        for (int i = 0; i < values.length; i++) {
            values[i] = clip(action.continuous[continuousOffset + i]);
        }
        act(values);
    }

    /**
     * Applies the values.
     *
     * @param values this actuator's values, each in [-1, 1]; valid only during the call
     */
    protected abstract void act(float[] values);

    /** @return {@code value} clipped to [-1, 1]; NaN becomes 0 */
    public static float clip(float value) {
        if (value > 1f) {
            return 1f;
        }
        if (value < -1f) {
            return -1f;
        }
        return value == value ? value : 0f;
    }
}
