package io.animata.runtime.rl;

/**
 * Makes independent copies of an environment for vectorised training.
 *
 * <p>Threading: {@link #create} may be called from any thread.
 */
@FunctionalInterface
public interface EnvironmentFactory {

    /**
     * @param index which copy (0..n-1), e.g. to vary levels between copies
     * @return a new, independent environment
     */
    Environment create(int index);
}
