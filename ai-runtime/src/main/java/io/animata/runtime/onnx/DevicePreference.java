package io.animata.runtime.onnx;

/** Which execution provider ONNX Runtime sessions should use. */
public enum DevicePreference {
    /** CUDA when this ONNX Runtime build has it and a GPU answers; otherwise CPU, with one log line saying why. */
    AUTO,
    /** Always CPU. */
    CPU,
    /** CUDA or fail: loading a model throws {@code AnimataException} when CUDA cannot be used. */
    CUDA
}
