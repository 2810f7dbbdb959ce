package io.animata.runtime.train;

import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;
import java.util.Random;

/**
 * Turns a policy's outputs into actions in plain Java: sampling (while training, from a seeded {@link Random}) or
 * deterministic (evaluation, and what a game does with an exported policy). Discrete: one categorical per branch
 * over that branch's slice of the logits; continuous: a Gaussian per action around the mean with
 * {@code exp(logStd)} as standard deviation (sampled values are not clipped here; environments clip).
 *
 * <p>Stateless and thread-safe; allocates nothing.
 */
public final class ActionSampler {
    private ActionSampler() {
    }

    /**
     * Samples an action and returns its log-probability (summed over branches or dimensions).
     *
     * @param space the actions
     * @param out actor output: concatenated logits or the means
     * @param offset index of the row in {@code out}
     * @param logStd continuous log standard deviations (ignored for discrete spaces)
     * @param random the source of randomness
     * @param action receives the action
     * @return the action's log-probability under the policy
     */
    public static double sample(ActionSpace space, float[] out, int offset, float[] logStd, Random random,
            ActionBuffer action) {
        double logProb = 0;
        if (space.isDiscrete()) {
            int base = offset;
            for (int b = 0; b < space.branchCount(); b++) {
                int n = space.branchSize(b);
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    max = Math.max(max, out[base + i]);
                }
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += Math.exp(out[base + i] - max);
                }
                double u = random.nextDouble() * sum;
                int chosen = n - 1;
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    acc += Math.exp(out[base + i] - max);
                    if (u < acc) {
                        chosen = i;
                        break;
                    }
                }
                action.discrete[b] = chosen;
                logProb += out[base + chosen] - max - Math.log(sum);
                base += n;
            }
        } else {
            for (int c = 0; c < space.continuousSize(); c++) {
                double std = Math.exp(logStd[c]);
                double z = random.nextGaussian();
                action.continuous[c] = (float) (out[offset + c] + std * z);
                double actual = (action.continuous[c] - out[offset + c]) / std; // z as the float action gives it
                logProb += -0.5 * actual * actual - logStd[c] - PpoLoss.HALF_LOG_TWO_PI;
            }
        }
        return logProb;
    }

    /**
     * The deterministic action: each branch's highest logit (the first on ties), or the means.
     *
     * @param space the actions
     * @param out actor output
     * @param offset index of the row in {@code out}
     * @param action receives the action
     */
    public static void greedy(ActionSpace space, float[] out, int offset, ActionBuffer action) {
        if (space.isDiscrete()) {
            int base = offset;
            for (int b = 0; b < space.branchCount(); b++) {
                int n = space.branchSize(b);
                int best = 0;
                for (int i = 1; i < n; i++) {
                    if (out[base + i] > out[base + best]) {
                        best = i;
                    }
                }
                action.discrete[b] = best;
                base += n;
            }
        } else {
            System.arraycopy(out, offset, action.continuous, 0, space.continuousSize());
        }
    }
}
