package io.animata.runtime.onnx;

/**
 * How ONNX Runtime sessions are made: threads and device. Sized for a game by default: one intra-op thread and no
 * spinning, so inference does not steal the cores the game renders on.
 *
 * <p>Immutable and thread-safe.
 *
 * @param intraOpThreads threads one model call may use (at least 1)
 * @param device which execution provider to use
 * @param cudaDeviceId the GPU to use when CUDA is chosen
 */
public record OnnxSessionConfig(int intraOpThreads, DevicePreference device, int cudaDeviceId) {

    /** One intra-op thread, CUDA when available, GPU 0. */
    public static final OnnxSessionConfig DEFAULT = new OnnxSessionConfig(1, DevicePreference.AUTO, 0);

    /** Validates the arguments. */
    public OnnxSessionConfig {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, was " + intraOpThreads);
        }
        if (device == null) {
            throw new IllegalArgumentException("device is null");
        }
        if (cudaDeviceId < 0) {
            throw new IllegalArgumentException("cudaDeviceId must be >= 0, was " + cudaDeviceId);
        }
    }
}
