package io.animata.core.agent;

import io.animata.runtime.AnimataException;
import java.util.Random;

/**
 * Choosing options from logits under an action mask, and the continuous Gaussian: the decoding shared by the
 * policies. Masked options are never returned; a branch whose options are all masked is an error.
 *
 * <p>Threading: stateless; the caller owns the {@link Random}. Allocation-free.
 */
final class Sampling {
    private Sampling() {
    }

    /** @return the allowed option with the largest logit (the first on ties) */
    static int argmax(float[] logits, int offset, int size, ActionMask mask, int branch) {
        int best = -1;
        float bestValue = 0f;
        for (int o = 0; o < size; o++) {
            if (mask != null && mask.isMasked(branch, o)) {
                continue;
            }
            float v = logits[offset + o];
            if (best < 0 || v > bestValue) {
                best = o;
                bestValue = v;
            }
        }
        if (best < 0) {
            throw allMasked(branch, size);
        }
        return best;
    }

    /** @return an allowed option drawn from the softmax of the allowed logits */
    static int sample(float[] logits, int offset, int size, ActionMask mask, int branch, Random random) {
        int best = argmax(logits, offset, size, mask, branch);
        float max = logits[offset + best];
        double sum = 0;
        for (int o = 0; o < size; o++) {
            if (mask == null || !mask.isMasked(branch, o)) {
                sum += Math.exp(logits[offset + o] - max);
            }
        }
        double u = random.nextDouble() * sum;
        int last = best;
        for (int o = 0; o < size; o++) {
            if (mask != null && mask.isMasked(branch, o)) {
                continue;
            }
            u -= Math.exp(logits[offset + o] - max);
            last = o;
            if (u < 0) {
                return o;
            }
        }
        return last; // rounding left a sliver: the last allowed option
    }

    /** @return an allowed option, each equally likely */
    static int uniform(int size, ActionMask mask, int branch, Random random) {
        int allowed = mask == null ? size : mask.allowedCount(branch);
        if (allowed == 0) {
            throw allMasked(branch, size);
        }
        int pick = random.nextInt(allowed);
        for (int o = 0; o < size; o++) {
            if (mask != null && mask.isMasked(branch, o)) {
                continue;
            }
            if (pick-- == 0) {
                return o;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** @return {@code value} clipped to [-1, 1], NaN as 0 */
    static float clip(float value) {
        return ContinuousActuator.clip(value);
    }

    static AnimataException allMasked(int branch, int size) {
        return new AnimataException("every option of discrete branch " + branch + " (" + size
                + " options) is masked: an actuator's writeMask must leave at least one option allowed");
    }
}
