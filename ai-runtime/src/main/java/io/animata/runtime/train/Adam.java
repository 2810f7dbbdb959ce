package io.animata.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.List;

/**
 * Adam over a fixed list of parameters, with PyTorch's fused update kernel (the one DJL's own
 * {@code Optimizer.adam()} calls). DJL's {@code Adam} is not used directly because it keeps its moment arrays
 * detached from every manager (never freed) and creates them in whatever {@code NDScope} is open (freed too early);
 * here the moments belong to this object's manager and are freed by {@link #close()}.
 *
 * <p>One {@link #step} does, per parameter, with {@code g = gradScale * grad}:
 * {@code m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; w -= lr sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)},
 * then zeroes the gradient.
 *
 * <p>Threading: not thread-safe; owned by one trainer. {@link #close()} is idempotent.
 */
final class Adam implements AutoCloseable {
    private final List<NDArray> parameters;
    private final NDManager manager;
    private final NDArray[] means;
    private final NDArray[] variances;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private int t;
    private boolean closed;

    Adam(List<NDArray> parameters, NDManager parent, float beta1, float beta2, float epsilon) {
        this.parameters = List.copyOf(parameters);
        this.manager = parent.newSubManager();
        this.means = new NDArray[parameters.size()];
        this.variances = new NDArray[parameters.size()];
        for (int i = 0; i < means.length; i++) {
            NDArray p = parameters.get(i);
            means[i] = manager.zeros(p.getShape(), p.getDataType());
            variances[i] = manager.zeros(p.getShape(), p.getDataType());
            NDScope.unregister(means[i], variances[i]); // live as long as this optimiser
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** @return updates done so far */
    int steps() {
        return t;
    }

    /** @return the L2 norm of all parameters' gradients together */
    double gradientNorm() {
        double sum = 0;
        for (NDArray p : parameters) {
            try (NDArray g = p.getGradient(); NDArray sq = g.square(); NDArray s = sq.sum()) {
                sum += s.getFloat();
            }
        }
        return Math.sqrt(sum);
    }

    /**
     * Updates every parameter from its gradient and zeroes the gradient.
     *
     * @param learningRate step size
     * @param gradScale factor applied to every gradient first (global-norm clipping)
     */
    void step(float learningRate, float gradScale) {
        t++;
        double coef1 = 1.0 - Math.pow(beta1, t);
        double coef2 = 1.0 - Math.pow(beta2, t);
        float corrected = (float) (learningRate * Math.sqrt(coef2) / coef1);
        for (int i = 0; i < means.length; i++) {
            NDArray p = parameters.get(i);
            try (NDArray g = p.getGradient()) {
                p.getNDArrayInternal().adamUpdate(new NDList(p, g, means[i], variances[i]), new NDList(p),
                        learningRate, corrected, 0f, gradScale, -1f, beta1, beta2, epsilon, true, false);
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }
}
