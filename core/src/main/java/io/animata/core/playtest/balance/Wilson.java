package io.animata.core.playtest.balance;

/**
 * The Wilson score interval of a proportion (Wilson, 1927): for {@code successes} out of {@code n} trials, the
 * interval of true proportions the data do not reject at level z,
 * <pre>
 * centre = (p + z²/2n) / (1 + z²/n),   half = z / (1 + z²/n) * sqrt(p(1 - p)/n + z²/4n²),   p = successes / n
 * </pre>
 * Unlike the normal approximation it stays inside [0, 1] and behaves at 0 and n successes. Balance counts a draw as
 * half a success, so {@code successes} may be a half-integer.
 *
 * <p>Threading: stateless.
 */
public final class Wilson {
    /** z of a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /**
     * @param successes successes (draws as halves), in [0, n]
     * @param n trials
     * @param z the normal quantile ({@link #Z95} for 95 %)
     * @return {lower, upper}; {0, 1} when n is 0
     */
    public static double[] interval(double successes, double n, double z) {
        if (n <= 0) {
            return new double[] {0.0, 1.0};
        }
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException("successes must be in [0, n], were " + successes + " of " + n);
        }
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new double[] {Math.max(0.0, centre - half), Math.min(1.0, centre + half)};
    }

    /** @return the 95 % interval of {@code successes} out of {@code n} */
    public static double[] interval95(double successes, double n) {
        return interval(successes, n, Z95);
    }
}
