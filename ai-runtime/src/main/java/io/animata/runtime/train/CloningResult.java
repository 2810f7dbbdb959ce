package io.animata.runtime.train;

/**
 * What a behaviour-cloning run did.
 *
 * <p>Immutable and thread-safe.
 *
 * @param epochs passes over the demonstrations
 * @param samples demonstrated steps
 * @param loss mean loss of the last epoch: cross-entropy (discrete) or mean squared error (continuous)
 * @param accuracy after training, the fraction of demonstrated steps whose deterministic action equals the
 *     demonstrated one in every branch; NaN for continuous actions
 */
public record CloningResult(int epochs, int samples, double loss, double accuracy) {
}
