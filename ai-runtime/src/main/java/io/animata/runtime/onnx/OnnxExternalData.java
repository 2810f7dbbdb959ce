package io.animata.runtime.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The external data an ONNX model refers to: tensors whose bytes are kept in other files next to the model (models
 * over 2 GB, where protobuf cannot hold the weights, keep them in {@code model.onnx_data} or files named per tensor).
 * Each such tensor names its file in the {@code location} entry of its {@code external_data}, with an optional
 * {@code offset} and {@code length}.
 *
 * <p>{@link #scan} walks the serialised model without parsing the weights it holds inline (it skips over them), so
 * that the check costs little even for a large single-file model. {@link #check} makes sure every file is there and
 * long enough before ONNX Runtime reads it, so that a missing or truncated download is reported by name.
 *
 * <p>Threading: stateless; safe from any thread.
 */
final class OnnxExternalData {
    // field numbers of onnx.proto
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_SPARSE_INITIALIZER = 15;
    private static final int NODE_ATTRIBUTE = 5;
    private static final int ATTRIBUTE_TENSOR = 5;
    private static final int ATTRIBUTE_GRAPH = 6;
    private static final int ATTRIBUTE_TENSORS = 10;
    private static final int ATTRIBUTE_GRAPHS = 11;
    private static final int ATTRIBUTE_SPARSE_TENSOR = 22;
    private static final int ATTRIBUTE_SPARSE_TENSORS = 23;
    private static final int SPARSE_VALUES = 1;
    private static final int SPARSE_INDICES = 2;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_EXTERNAL_DATA = 13;
    private static final int TENSOR_DATA_LOCATION = 14;
    private static final int ENTRY_KEY = 1;
    private static final int ENTRY_VALUE = 2;
    private static final int DATA_LOCATION_EXTERNAL = 1;
    /** Deeper nesting than this (graphs in If/Loop nodes in graphs...) is not a model anyone exports. */
    private static final int MAX_DEPTH = 32;

    /**
     * One tensor kept outside the model file.
     *
     * @param tensor the tensor's name
     * @param location the file holding its bytes, relative to the model's folder
     * @param offset where its bytes start in that file
     * @param length how many bytes it has, or -1 when the model does not say
     */
    record Ref(String tensor, String location, long offset, long length) {
    }

    private OnnxExternalData() {
    }

    /**
     * @param model a serialised ONNX model
     * @return the tensors it keeps in external files, in the order they appear; empty for a self-contained model, and
     *     also for bytes that are not a model (ONNX Runtime then says what is wrong with them)
     */
    static List<Ref> scan(byte[] model) {
        List<Ref> refs = new ArrayList<>();
        try {
            CodedInputStream in = CodedInputStream.newInstance(model);
            in.setRecursionLimit(Integer.MAX_VALUE);
            while (true) {
                int tag = in.readTag();
                if (tag == 0) {
                    break;
                }
                if (isMessage(tag, MODEL_GRAPH)) {
                    nested(in, () -> graph(in, refs, 0));
                } else {
                    in.skipField(tag);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return Collections.unmodifiableList(refs);
    }

    /**
     * Checks that every external file exists in {@code folder} and holds the bytes its tensors need.
     *
     * @param model the model file, for messages
     * @throws AnimataException naming the missing or truncated file and the first tensor that needs it
     */
    static void check(Path model, Path folder, List<Ref> refs) {
        for (Ref ref : refs) {
            Path file = folder.resolve(ref.location()).normalize();
            if (!Files.isRegularFile(file)) {
                throw new AnimataException("model " + model + " keeps its weights (tensor '" + ref.tensor()
                        + "') in the external data file " + ref.location() + ", which is missing: expected "
                        + file + "; copy the data file(s) that came with the model next to it");
            }
            if (ref.length() < 0) {
                continue;
            }
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                throw new AnimataException("cannot read the external data file " + file + " of model " + model + ": "
                        + e.getMessage(), e);
            }
            if (ref.offset() + ref.length() > size) {
                throw new AnimataException("the external data file " + file + " of model " + model + " is truncated:"
                        + " it has " + size + " bytes but tensor '" + ref.tensor() + "' needs bytes " + ref.offset()
                        + " to " + (ref.offset() + ref.length()) + "; download the model's data file(s) again");
            }
        }
    }

    /** @return the distinct files the refs name, in order */
    static List<String> files(List<Ref> refs) {
        List<String> files = new ArrayList<>();
        for (Ref ref : refs) {
            if (!files.contains(ref.location())) {
                files.add(ref.location());
            }
        }
        return files;
    }

    private interface Body {
        void read() throws IOException;
    }

    /** Reads a length-delimited field's body with {@code body}, then skips whatever it left unread. */
    private static void nested(CodedInputStream in, Body body) throws IOException {
        int length = in.readRawVarint32();
        int old = in.pushLimit(length);
        body.read();
        in.skipRawBytes(in.getBytesUntilLimit());
        in.popLimit(old);
    }

    private static boolean isMessage(int tag, int field) {
        return tag == (field << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED);
    }

    private static void graph(CodedInputStream in, List<Ref> refs, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("graphs nested too deep");
        }
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (isMessage(tag, GRAPH_INITIALIZER)) {
                nested(in, () -> tensor(in, refs));
            } else if (isMessage(tag, GRAPH_SPARSE_INITIALIZER)) {
                nested(in, () -> sparse(in, refs));
            } else if (isMessage(tag, GRAPH_NODE)) {
                nested(in, () -> node(in, refs, depth));
            } else {
                in.skipField(tag);
            }
        }
    }

    private static void node(CodedInputStream in, List<Ref> refs, int depth) throws IOException {
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (isMessage(tag, NODE_ATTRIBUTE)) {
                nested(in, () -> attribute(in, refs, depth));
            } else {
                in.skipField(tag);
            }
        }
    }

    private static void attribute(CodedInputStream in, List<Ref> refs, int depth) throws IOException {
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (isMessage(tag, ATTRIBUTE_TENSOR) || isMessage(tag, ATTRIBUTE_TENSORS)) {
                nested(in, () -> tensor(in, refs));
            } else if (isMessage(tag, ATTRIBUTE_GRAPH) || isMessage(tag, ATTRIBUTE_GRAPHS)) {
                nested(in, () -> graph(in, refs, depth + 1));
            } else if (isMessage(tag, ATTRIBUTE_SPARSE_TENSOR) || isMessage(tag, ATTRIBUTE_SPARSE_TENSORS)) {
                nested(in, () -> sparse(in, refs));
            } else {
                in.skipField(tag);
            }
        }
    }

    private static void sparse(CodedInputStream in, List<Ref> refs) throws IOException {
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (isMessage(tag, SPARSE_VALUES) || isMessage(tag, SPARSE_INDICES)) {
                nested(in, () -> tensor(in, refs));
            } else {
                in.skipField(tag);
            }
        }
    }

    /** @return the number in {@code text}, or {@code otherwise} when it is none (ONNX Runtime then reports it) */
    private static long number(String text, long otherwise) {
        try {
            return text == null ? otherwise : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static void tensor(CodedInputStream in, List<Ref> refs) throws IOException {
        String name = "";
        String[] location = {null};
        long[] offset = {0};
        long[] length = {-1};
        boolean external = false;
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            if (isMessage(tag, TENSOR_NAME)) {
                name = in.readStringRequireUtf8();
            } else if (tag == (TENSOR_DATA_LOCATION << 3 | WireFormat.WIRETYPE_VARINT)) {
                external = in.readEnum() == DATA_LOCATION_EXTERNAL;
            } else if (isMessage(tag, TENSOR_EXTERNAL_DATA)) {
                nested(in, () -> {
                    String key = null;
                    String value = null;
                    while (!in.isAtEnd()) {
                        int t = in.readTag();
                        if (isMessage(t, ENTRY_KEY)) {
                            key = in.readStringRequireUtf8();
                        } else if (isMessage(t, ENTRY_VALUE)) {
                            value = in.readStringRequireUtf8();
                        } else {
                            in.skipField(t);
                        }
                    }
                    if ("location".equals(key)) {
                        location[0] = value;
                    } else if ("offset".equals(key)) {
                        offset[0] = number(value, 0);
                    } else if ("length".equals(key)) {
                        length[0] = number(value, -1);
                    }
                });
            } else {
                in.skipField(tag);
            }
        }
        if (external && location[0] != null) {
            refs.add(new Ref(name, location[0], offset[0], length[0]));
        }
    }
}
