package io.animata.runtime.text;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * How a decoder's KV cache tensors hold their numbers: float32, or float16 as in half-precision exports. The Java
 * side never computes with the cache, it only copies it (rows packed into a batch, a row taken out, prompts kept for
 * the {@link PrefixCache}), so the copying works on bytes and needs only the size of an element and the type to
 * make ONNX Runtime tensors with.
 *
 * <p>Threading: immutable.
 */
enum KvElementType {
    /** 32-bit float. */
    FLOAT32(Float.BYTES, OnnxJavaType.FLOAT),
    /** 16-bit IEEE half float. */
    FLOAT16(Short.BYTES, OnnxJavaType.FLOAT16);

    /** Bytes per element. */
    final int bytes;
    private final OnnxJavaType javaType;

    KvElementType(int bytes, OnnxJavaType javaType) {
        this.bytes = bytes;
        this.javaType = javaType;
    }

    /**
     * @param type a tensor type as {@link io.animata.runtime.onnx.TensorSpec#type()} names it ({@code FLOAT},
     *     {@code FLOAT16}, ...)
     * @return its element type, or null when a KV cache of that type is not supported
     */
    static KvElementType of(String type) {
        for (KvElementType t : values()) {
            if (t.javaType.name().equals(type)) {
                return t;
            }
        }
        return null;
    }

    /**
     * @param data the elements' bytes in native order, from position to limit (a direct buffer is used in place and
     *     must stay unchanged until the tensor is closed; a heap buffer is copied)
     * @return a tensor of this type and {@code shape} over {@code data}
     */
    OnnxTensor tensor(OrtEnvironment env, ByteBuffer data, long[] shape) throws OrtException {
        if (data.isDirect()) {
            return OnnxTensor.createTensor(env, data, shape, javaType);
        }
        // ONNX Runtime copies a heap buffer through a view of the element type (a heap ByteBuffer fails there)
        ByteBuffer bytes = data.order(ByteOrder.nativeOrder());
        return this == FLOAT32 ? OnnxTensor.createTensor(env, bytes.asFloatBuffer(), shape)
                : OnnxTensor.createTensor(env, bytes.asShortBuffer(), shape, javaType);
    }
}
