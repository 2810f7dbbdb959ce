package io.animata.runtime.text;

/**
 * The tensor element types a GGUF file may hold (ggml's {@code ggml_type}), with their block layout, so that a
 * tensor's size in bytes can be checked against the file before native code reads it. Codes that ggml retired
 * (4, 5, 31 to 33, 36 to 38) and codes newer than this table are absent.
 */
public enum GgmlType {
    F32(0, 1, 4), F16(1, 1, 2), Q4_0(2, 32, 18), Q4_1(3, 32, 20), Q5_0(6, 32, 22), Q5_1(7, 32, 24),
    Q8_0(8, 32, 34), Q8_1(9, 32, 36), Q2_K(10, 256, 84), Q3_K(11, 256, 110), Q4_K(12, 256, 144),
    Q5_K(13, 256, 176), Q6_K(14, 256, 210), Q8_K(15, 256, 292), IQ2_XXS(16, 256, 66), IQ2_XS(17, 256, 74),
    IQ3_XXS(18, 256, 98), IQ1_S(19, 256, 50), IQ4_NL(20, 32, 18), IQ3_S(21, 256, 110), IQ2_S(22, 256, 82),
    IQ4_XS(23, 256, 136), I8(24, 1, 1), I16(25, 1, 2), I32(26, 1, 4), I64(27, 1, 8), F64(28, 1, 8),
    IQ1_M(29, 256, 56), BF16(30, 1, 2), TQ1_0(34, 256, 54), TQ2_0(35, 256, 66);

    /** The code in the file. */
    public final int code;
    /** Elements per block (1 for plain types). */
    public final int blockSize;
    /** Bytes per block. */
    public final int blockBytes;

    GgmlType(int code, int blockSize, int blockBytes) {
        this.code = code;
        this.blockSize = blockSize;
        this.blockBytes = blockBytes;
    }

    /** @return the type of a code, or null for a code this table does not know */
    public static GgmlType of(long code) {
        for (GgmlType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /**
     * @param elements the tensor's element count, a multiple of {@link #blockSize}
     * @return its size in bytes
     */
    public long bytes(long elements) {
        return elements / blockSize * blockBytes;
    }
}
