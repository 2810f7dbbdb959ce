package io.animata.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * The pieces of the PPO objective (Schulman et al. 2017) on DJL arrays, each small enough to check by hand. Rows are
 * samples; every function returns new arrays (close them, or compute inside an {@code NDScope}).
 *
 * <pre>
 * ratio       = exp(logProb - oldLogProb)
 * policy loss = -mean(min(ratio * A, clip(ratio, 1 - eps, 1 + eps) * A))
 * value loss  = 0.5 * mean(max((V - R)^2, (V_old + clip(V - V_old, -c, c) - R)^2))     (c <= 0: no clipping)
 * loss        = policy loss + valueCoef * value loss - entropyCoef * mean(entropy)
 * </pre>
 *
 * <p>Stateless and thread-safe (as far as DJL arrays may be used from the calling thread).
 */
public final class PpoLoss {
    /** {@code 0.5 * ln(2 pi)}. */
    static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private PpoLoss() {
    }

    /**
     * @param logProbs {@code [B]} log-probabilities of the taken actions under the policy being trained
     * @param oldLogProbs {@code [B]} the same under the policy that acted
     * @param advantages {@code [B]} advantage estimates
     * @param clip the clip range epsilon, e.g. 0.2
     * @return the clipped surrogate loss, a scalar (to minimise)
     */
    public static NDArray policyLoss(NDArray logProbs, NDArray oldLogProbs, NDArray advantages, float clip) {
        NDArray ratio = logProbs.sub(oldLogProbs).exp();
        NDArray unclipped = ratio.mul(advantages);
        NDArray clipped = ratio.clip(1 - clip, 1 + clip).mul(advantages);
        return NDArrays.minimum(unclipped, clipped).mean().neg();
    }

    /**
     * @param values {@code [B]} values predicted by the network being trained
     * @param oldValues {@code [B]} values predicted when acting
     * @param returns {@code [B]} value targets
     * @param clip how far a value may move from {@code oldValues} before its error stops counting; {@code <= 0}
     *     for the plain squared error
     * @return the value loss, a scalar
     */
    public static NDArray valueLoss(NDArray values, NDArray oldValues, NDArray returns, float clip) {
        NDArray error = values.sub(returns).square();
        if (clip <= 0) {
            return error.mean().mul(0.5f);
        }
        NDArray clippedValues = oldValues.add(values.sub(oldValues).clip(-clip, clip));
        NDArray clippedError = clippedValues.sub(returns).square();
        return NDArrays.maximum(error, clippedError).mean().mul(0.5f);
    }

    /**
     * Log-probability and entropy of discrete actions, one categorical distribution per branch.
     *
     * @param logits {@code [B, sum(branches)]}: every branch's logits side by side
     * @param branches options per branch
     * @param oneHot {@code [B, sum(branches)]}: 1 at each branch's chosen option, else 0
     * @return {@code {logProb [B], entropy [B]}}, each summed over the branches
     */
    public static NDArray[] categorical(NDArray logits, int[] branches, NDArray oneHot) {
        NDArray logSoftmax;
        if (branches.length == 1) {
            logSoftmax = logits.logSoftmax(1);
        } else {
            NDList parts = new NDList(branches.length);
            int offset = 0;
            for (int size : branches) {
                parts.add(logits.get(":, {}:{}", offset, offset + size).logSoftmax(1));
                offset += size;
            }
            logSoftmax = NDArrays.concat(parts, 1);
        }
        NDArray logProb = logSoftmax.mul(oneHot).sum(new int[] {1});
        NDArray entropy = logSoftmax.exp().mul(logSoftmax).sum(new int[] {1}).neg();
        return new NDArray[] {logProb, entropy};
    }

    /**
     * Log-probability of continuous actions under independent Gaussians.
     *
     * @param mean {@code [B, C]} means
     * @param logStd {@code [C]} log standard deviations (the same for every row)
     * @param actions {@code [B, C]} the actions taken (before clipping)
     * @return {@code [B]}: {@code sum_c -0.5 ((a - mu) / sigma)^2 - log sigma - 0.5 ln(2 pi)}
     */
    public static NDArray gaussianLogProb(NDArray mean, NDArray logStd, NDArray actions) {
        NDArray z = actions.sub(mean).mul(logStd.neg().exp());
        return z.square().mul(-0.5f).sub(logStd).sub((float) HALF_LOG_TWO_PI).sum(new int[] {1});
    }

    /**
     * @param logStd {@code [C]} log standard deviations
     * @return a scalar: the entropy of the Gaussians, {@code sum_c log sigma + 0.5 (1 + ln(2 pi))}
     */
    public static NDArray gaussianEntropy(NDArray logStd) {
        return logStd.add((float) (0.5 + HALF_LOG_TWO_PI)).sum();
    }
}
