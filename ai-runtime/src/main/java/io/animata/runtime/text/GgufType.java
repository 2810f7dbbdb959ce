package io.animata.runtime.text;

/**
 * The value types of GGUF metadata (the {@code gguf_type} enum of ggml's {@code gguf.h}), with their codes in the
 * file.
 */
enum GgufType {
    UINT8(0, 1), INT8(1, 1), UINT16(2, 2), INT16(3, 2), UINT32(4, 4), INT32(5, 4), FLOAT32(6, 4), BOOL(7, 1),
    STRING(8, -1), ARRAY(9, -1), UINT64(10, 8), INT64(11, 8), FLOAT64(12, 8);

    private static final GgufType[] BY_CODE = values();

    final int code;
    /** Bytes of one value; -1 for strings and arrays (variable). */
    final int size;

    GgufType(int code, int size) {
        this.code = code;
        this.size = size;
    }

    /** @return the type of a code, or null for an unknown one */
    static GgufType of(long code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[(int) code] : null;
    }
}
