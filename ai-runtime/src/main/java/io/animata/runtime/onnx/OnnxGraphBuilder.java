package io.animata.runtime.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import io.animata.runtime.AnimataException;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes ONNX graphs of float tensors from Java, over the protobuf classes {@code ai.onnx.proto.OnnxMl}: graph inputs
 * and outputs with a symbolic batch dimension ({@value #BATCH_DIM}) followed by fixed dimensions, float initializers,
 * and nodes of the default ONNX domain at opset {@value #OPSET_VERSION}, IR version {@value #IR_VERSION}.
 *
 * <p>Mistakes are reported where they are made rather than when ONNX Runtime loads the file: a name used twice, or a
 * node reading a value that is not a graph input, an initializer or the output of an earlier node, throws
 * {@link AnimataException} at once. Nodes must therefore be added in execution order, which ONNX requires anyway.
 *
 * <p>Threading: not thread-safe; build a graph on one thread. The {@link ModelProto} it builds is immutable.
 *
 * <pre>{@code
 * OnnxGraphBuilder graph = new OnnxGraphBuilder("scale");
 * String x = graph.addInput("input", 3);                          // [batch, 3]
 * String k = graph.addInitializer("k", new float[] {1, 2, 3}, 3);
 * graph.node("Mul").inputs(x, k).output("output");
 * graph.addOutput("output", 3);
 * graph.write(Path.of("scale.onnx"));
 * }</pre>
 */
public final class OnnxGraphBuilder {
    /** The name of the symbolic first dimension of every graph input and output. */
    public static final String BATCH_DIM = "batch";
    /**
     * A dimension after the batch that is left open (symbolic, named {@code dim<i>} by its position {@code i} in the
     * full shape), for graphs that work at any size, such as a convolution over an image of any height and width.
     */
    public static final long DYNAMIC = -1;
    /** The default-domain operator set the graph is written against. */
    public static final long OPSET_VERSION = 17;
    /** The ONNX IR version written; 8 is what opset 17 was released with, so every runtime since reads it. */
    public static final long IR_VERSION = 8;
    /** Written into {@code producer_name}, so a file says which tool made it. */
    public static final String PRODUCER_NAME = "animata";

    /** Element types of graph inputs, outputs and initializers beyond the default float. */
    public enum ElementType {
        /** 32-bit float. */
        FLOAT(TensorProto.DataType.FLOAT),
        /** 16-bit float (IEEE half): the KV cache and logits of models exported in half precision. */
        FLOAT16(TensorProto.DataType.FLOAT16),
        /** 64-bit integer: token ids, positions, masks, shapes. */
        INT64(TensorProto.DataType.INT64),
        /** Boolean, e.g. a {@code use_cache_branch} flag. */
        BOOL(TensorProto.DataType.BOOL);

        private final TensorProto.DataType proto;

        ElementType(TensorProto.DataType proto) {
            this.proto = proto;
        }

        /** @return the ONNX {@code TensorProto.DataType} number, e.g. for a Cast node's {@code to} attribute */
        public int onnxType() {
            return proto.getNumber();
        }
    }

    /** How an initializer's floats are stored in the file. */
    public enum Encoding {
        /** Little-endian bytes in {@code raw_data}: compact and fast to load; the default. */
        RAW_DATA,
        /** The repeated {@code float_data} field: readable in a text dump of the protobuf. */
        FLOAT_DATA
    }

    private final String graphName;
    /** The graph whose node holds this one as an attribute (an If branch, a Loop body); null for the main graph. */
    private final OnnxGraphBuilder outer;
    /** Every value name (graph input, initializer, node output) and what defined it, for error messages. */
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> nodeNames = new HashSet<>();
    private final Set<String> outputNames = new HashSet<>();
    private final List<ValueInfoProto> inputs = new ArrayList<>();
    private final List<ValueInfoProto> outputs = new ArrayList<>();
    private final List<TensorProto> initializers = new ArrayList<>();
    private final List<NodeProto> nodes = new ArrayList<>();
    private String docString = "";

    /** @param graphName the graph's name, shown by model viewers */
    public OnnxGraphBuilder(String graphName) {
        this(graphName, null);
    }

    private OnnxGraphBuilder(String graphName, OnnxGraphBuilder outer) {
        this.graphName = requireName("graph name", graphName);
        this.outer = outer;
    }

    /**
     * Starts a subgraph of this graph: the body of a graph attribute, such as the {@code then_branch} and
     * {@code else_branch} of an {@code If} node. Its nodes may read the values of this graph (and of the graphs
     * around it) that exist when they are added; its own names must not hide those. Declare its outputs with
     * {@link #addOutput(String, ElementType, String...)}, then hand it to {@link Node#attr(String, OnnxGraphBuilder)}
     * of a node of this graph, which takes it as it is then.
     *
     * @param name the subgraph's name
     * @return the subgraph's builder
     */
    public OnnxGraphBuilder subgraph(String name) {
        return new OnnxGraphBuilder(name, this);
    }

    /** @return whether this graph or a graph around it defines {@code name} */
    private boolean isVisible(String name) {
        return values.containsKey(name) || (outer != null && outer.isVisible(name));
    }

    /**
     * @param text a description stored as the graph's {@code doc_string}
     * @return this builder
     */
    public OnnxGraphBuilder optDocString(String text) {
        this.docString = text == null ? "" : text;
        return this;
    }

    /**
     * Adds a float graph input of shape {@code [batch, dims...]}.
     *
     * @param name the input's name, unused so far
     * @param dims the dimensions after the batch dimension, each at least 1 or {@link #DYNAMIC}
     * @return {@code name}, to pass to {@link Node#inputs}
     */
    public String addInput(String name, long... dims) {
        ValueInfoProto info = valueInfo(requireName("input name", name), dims);
        defineValue(name, "graph input");
        inputs.add(info);
        return name;
    }

    /**
     * Adds a graph input of any element type and shape, with named (symbolic) dimensions where sizes vary, as
     * exported language models have: {@code addInput("input_ids", ElementType.INT64, "batch", "sequence_length")}.
     *
     * @param name the input's name, unused so far
     * @param type the element type
     * @param dims each dimension: a positive number for a fixed size, otherwise a symbolic name
     * @return {@code name}
     */
    public String addInput(String name, ElementType type, String... dims) {
        ValueInfoProto info = valueInfo(requireName("input name", name), type, dims);
        defineValue(name, "graph input");
        inputs.add(info);
        return name;
    }

    /**
     * Declares a graph output of any element type and shape (see {@link #addInput(String, ElementType, String...)}).
     *
     * @return this builder
     */
    public OnnxGraphBuilder addOutput(String name, ElementType type, String... dims) {
        ValueInfoProto info = valueInfo(requireName("output name", name), type, dims);
        if (!outputNames.add(name)) {
            throw new AnimataException("graph '" + graphName + "' already declares output '" + name + "'");
        }
        outputs.add(info);
        return this;
    }

    /**
     * Adds a constant int64 tensor (shapes for Reshape, axes for Unsqueeze, indices for Gather), stored as raw data.
     *
     * @param dims the tensor's full shape; none for a scalar. Their product must equal {@code data.length}
     * @return {@code name}
     */
    public String addInitializer(String name, long[] data, long... dims) {
        requireName("initializer name", name);
        long count = 1;
        for (long dim : dims) {
            count *= dim;
        }
        if (data == null || count != data.length) {
            throw new AnimataException("initializer '" + name + "' has shape " + Arrays.toString(dims) + " ("
                    + count + " values) but " + (data == null ? "null" : data.length + " values") + " were given");
        }
        defineValue(name, "initializer");
        TensorProto.Builder tensor = TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.INT64.getNumber());
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        ByteBuffer bytes = ByteBuffer.allocate(data.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(data);
        tensor.setRawData(ByteString.copyFrom(bytes));
        initializers.add(tensor.build());
        return name;
    }

    /**
     * Declares a float graph output of shape {@code [batch, dims...]}. The value itself must exist by the time of
     * {@link #build()}: a node output, an input or an initializer.
     *
     * @param name the name of the value to expose
     * @param dims the dimensions after the batch dimension, each at least 1 or {@link #DYNAMIC}
     * @return this builder
     */
    public OnnxGraphBuilder addOutput(String name, long... dims) {
        ValueInfoProto info = valueInfo(requireName("output name", name), dims);
        if (!outputNames.add(name)) {
            throw new AnimataException("graph '" + graphName + "' already declares output '" + name + "'");
        }
        outputs.add(info);
        return this;
    }

    /**
     * Adds a constant float tensor, stored as {@link Encoding#RAW_DATA}.
     *
     * @see #addInitializer(String, Encoding, float[], long...)
     */
    public String addInitializer(String name, float[] data, long... dims) {
        return addInitializer(name, Encoding.RAW_DATA, data, dims);
    }

    /**
     * Adds a constant float tensor (weights, biases, normalisation constants).
     *
     * @param name the tensor's name, unused so far
     * @param encoding how the floats are stored
     * @param data row-major values; copied
     * @param dims the tensor's full shape (no batch dimension); none for a scalar. Their product must equal
     *     {@code data.length}
     * @return {@code name}, to pass to {@link Node#inputs}
     */
    public String addInitializer(String name, Encoding encoding, float[] data, long... dims) {
        requireName("initializer name", name);
        long count = 1;
        for (long dim : dims) {
            if (dim < 0) {
                throw new AnimataException("initializer '" + name + "' has negative dimension in "
                        + Arrays.toString(dims));
            }
            count *= dim;
        }
        if (data == null || count != data.length) {
            throw new AnimataException("initializer '" + name + "' has shape " + Arrays.toString(dims) + " ("
                    + count + " floats) but " + (data == null ? "null" : data.length + " floats") + " were given");
        }
        defineValue(name, "initializer");
        TensorProto.Builder tensor = TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber());
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        if (encoding == Encoding.FLOAT_DATA) {
            for (float value : data) {
                tensor.addFloatData(value);
            }
        } else {
            // ONNX fixes raw_data to little-endian whatever the machine's byte order
            ByteBuffer bytes = ByteBuffer.allocate(data.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(data);
            tensor.setRawData(ByteString.copyFrom(bytes));
        }
        initializers.add(tensor.build());
        return name;
    }

    /**
     * Starts a node; finish it with {@link Node#output()}, {@link Node#output(String)} or {@link Node#outputs}.
     *
     * @param opType an operator of the default ONNX domain, e.g. {@code "Gemm"}
     * @return the node to configure
     */
    public Node node(String opType) {
        return new Node(requireName("op type", opType));
    }

    /**
     * @param base the preferred name
     * @return {@code base} if no value or node has that name yet, otherwise {@code base_1}, {@code base_2}...: the
     *     first that is free. The name is not reserved until it is used.
     */
    public String uniqueName(String base) {
        requireName("name", base);
        String name = base;
        for (int i = 1; isUsed(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /**
     * @param name a value name
     * @return whether a graph input, initializer or node output has that name
     */
    public boolean hasValue(String name) {
        return values.containsKey(name);
    }

    /**
     * @return the model: IR version {@value #IR_VERSION}, default-domain opset {@value #OPSET_VERSION}, producer
     *     {@value #PRODUCER_NAME}
     * @throws AnimataException if no output is declared or an output names a value that does not exist
     */
    public ModelProto build() {
        if (outer != null) {
            throw new AnimataException("graph '" + graphName + "' is a subgraph: pass it to Node.attr of a node of"
                    + " its enclosing graph, and build that one");
        }
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(PRODUCER_NAME)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET_VERSION))
                .setGraph(buildGraph())
                .build();
    }

    private GraphProto buildGraph() {
        if (outputs.isEmpty()) {
            throw new AnimataException("graph '" + graphName + "' has no outputs: call addOutput before build");
        }
        for (ValueInfoProto output : outputs) {
            if (!values.containsKey(output.getName())) {
                throw new AnimataException("graph '" + graphName + "' declares output '" + output.getName()
                        + "' but no input, initializer or node produces it; known values: " + values.keySet());
            }
        }
        return GraphProto.newBuilder()
                .setName(graphName)
                .setDocString(docString)
                .addAllInput(inputs)
                .addAllOutput(outputs)
                .addAllInitializer(initializers)
                .addAllNode(nodes)
                .build();
    }

    /** @return the serialised model, as ONNX Runtime's {@code createSession(byte[])} reads it */
    public byte[] toBytes() {
        return build().toByteArray();
    }

    /**
     * Writes the serialised model, creating missing parent folders.
     *
     * @param file where to write, usually ending in {@code .onnx}
     * @throws AnimataException if the file cannot be written
     */
    public void write(Path file) {
        writeModel(build(), file);
    }

    /**
     * Writes the model with the bytes of its larger initializers in a data file beside it: the ONNX external data
     * format, which models over 2 GB need (protobuf cannot hold them) and exporters such as Hugging Face Optimum
     * write as {@code model.onnx_data}. Each moved initializer names the file, its offset and its length. ONNX
     * Runtime reads such a model from its path ({@link OnnxModel#load(String, Path, OnnxSessionConfig)}), finding the
     * data file relative to it.
     *
     * @param file where to write the model, usually ending in {@code .onnx}
     * @param dataFileName the data file's name, written in the same folder (any previous one is replaced)
     * @param minBytes initializers of at least this many bytes go to the data file; smaller ones stay in the model
     * @throws AnimataException if a file cannot be written or the data file name is a path
     */
    public void writeWithExternalData(Path file, String dataFileName, int minBytes) {
        requireName("data file name", dataFileName);
        if (dataFileName.contains("/") || dataFileName.contains("\\") || dataFileName.equals("..")) {
            throw new AnimataException("the external data file name must be a plain file name beside the model, was '"
                    + dataFileName + "'");
        }
        ModelProto model = build();
        GraphProto.Builder graph = model.getGraph().toBuilder().clearInitializer();
        Path data = file.toAbsolutePath().resolveSibling(dataFileName);
        try {
            Path parent = data.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(data))) {
                long offset = 0;
                for (TensorProto tensor : model.getGraph().getInitializerList()) {
                    ByteString raw = tensor.getRawData();
                    if (raw.size() < Math.max(1, minBytes)) {
                        graph.addInitializer(tensor);
                        continue;
                    }
                    // start each tensor on a 64-byte boundary, as the ONNX tools do, so it can be mapped aligned
                    long start = (offset + 63) / 64 * 64;
                    out.write(new byte[(int) (start - offset)]);
                    raw.writeTo(out);
                    offset = start + raw.size();
                    graph.addInitializer(tensor.toBuilder().clearRawData()
                            .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                            .addExternalData(entry("location", dataFileName))
                            .addExternalData(entry("offset", Long.toString(start)))
                            .addExternalData(entry("length", Long.toString(raw.size()))));
                }
            }
        } catch (IOException e) {
            throw new AnimataException("could not write the external data of ONNX model '" + graphName + "' to "
                    + data + ": " + e.getMessage(), e);
        }
        writeModel(model.toBuilder().setGraph(graph).build(), file);
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    /** Writes a built model to a file; shared with the exporters. */
    static void writeModel(ModelProto model, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, model.toByteArray());
        } catch (IOException e) {
            throw new AnimataException("could not write ONNX model '" + model.getGraph().getName() + "' to " + file,
                    e);
        }
    }

    private boolean isUsed(String name) {
        return isVisible(name) || nodeNames.contains(name);
    }

    private void defineValue(String name, String definedBy) {
        requireName("value name", name);
        if (outer != null && outer.isVisible(name)) {
            throw new AnimataException("graph '" + graphName + "': cannot add " + definedBy + " '" + name
                    + "', an enclosing graph already has a value of that name");
        }
        String previous = values.putIfAbsent(name, definedBy);
        if (previous != null) {
            throw new AnimataException("graph '" + graphName + "': cannot add " + definedBy + " '" + name
                    + "', the name is already used by " + previous);
        }
    }

    private static ValueInfoProto valueInfo(String name, long[] dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        shape.addDimBuilder().setDimParam(BATCH_DIM);
        for (int i = 0; i < dims.length; i++) {
            long dim = dims[i];
            if (dim == DYNAMIC) {
                shape.addDimBuilder().setDimParam("dim" + (i + 1));
                continue;
            }
            if (dim < 1) {
                throw new AnimataException("'" + name + "' has dimension " + dim + " in " + Arrays.toString(dims)
                        + "; dimensions after the batch must be at least 1 (or DYNAMIC)");
            }
            shape.addDimBuilder().setDimValue(dim);
        }
        TypeProto.Tensor tensor = TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber())
                .setShape(shape)
                .build();
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(tensor))
                .build();
    }

    private static ValueInfoProto valueInfo(String name, ElementType type, String[] dims) {
        if (type == null) {
            throw new AnimataException("'" + name + "' has no element type");
        }
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (String dim : dims) {
            if (dim == null || dim.isBlank()) {
                throw new AnimataException("'" + name + "' has an empty dimension in " + Arrays.toString(dims));
            }
            if (dim.chars().allMatch(Character::isDigit)) {
                long size = Long.parseLong(dim);
                if (size < 1) {
                    throw new AnimataException("'" + name + "' has dimension " + dim + " in " + Arrays.toString(dims)
                            + "; fixed dimensions must be at least 1");
                }
                shape.addDimBuilder().setDimValue(size);
            } else {
                shape.addDimBuilder().setDimParam(dim);
            }
        }
        TypeProto.Tensor tensor = TypeProto.Tensor.newBuilder()
                .setElemType(type.onnxType())
                .setShape(shape)
                .build();
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(tensor))
                .build();
    }

    private static String requireName(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new AnimataException("an ONNX " + what + " must not be " + (name == null ? "null" : "empty"));
        }
        return name;
    }

    /**
     * One node being configured. It joins the graph when one of the {@code output} methods is called, after its
     * inputs have been checked; it cannot be changed after that.
     *
     * <p>Threading: not thread-safe, like its builder.
     */
    public final class Node {
        private final NodeProto.Builder proto;
        private final Set<String> attributeNames = new HashSet<>();
        private String name;
        private boolean added;

        private Node(String opType) {
            this.proto = NodeProto.newBuilder().setOpType(opType);
        }

        /**
         * @param nodeName the node's name; without it a unique one is made from the op type
         * @return this node
         */
        public Node optName(String nodeName) {
            checkOpen();
            this.name = requireName("node name", nodeName);
            return this;
        }

        /**
         * @param names values the node reads, in the operator's order; {@code ""} skips an optional input
         * @return this node
         */
        public Node inputs(String... names) {
            checkOpen();
            for (String input : names) {
                if (input == null) {
                    throw new AnimataException(describe() + " has a null input; use \"\" to skip an optional one");
                }
                proto.addInput(input);
            }
            return this;
        }

        /**
         * Adds an {@code INT} attribute, e.g. {@code transB} or {@code axis}.
         *
         * @param attribute the attribute's name, not yet set on this node
         * @param value its value
         * @return this node
         */
        public Node attr(String attribute, long value) {
            attribute(attribute, AttributeProto.AttributeType.INT).setI(value);
            return this;
        }

        /**
         * Adds a {@code FLOAT} attribute, e.g. {@code alpha}.
         *
         * @param attribute the attribute's name, not yet set on this node
         * @param value its value
         * @return this node
         */
        public Node attr(String attribute, float value) {
            attribute(attribute, AttributeProto.AttributeType.FLOAT).setF(value);
            return this;
        }

        /**
         * Adds a {@code STRING} attribute, stored as UTF-8.
         *
         * @param attribute the attribute's name, not yet set on this node
         * @param value its value
         * @return this node
         */
        public Node attr(String attribute, String value) {
            if (value == null) {
                throw new AnimataException(describe() + ": attribute '" + attribute + "' is null");
            }
            attribute(attribute, AttributeProto.AttributeType.STRING)
                    .setS(ByteString.copyFrom(value, StandardCharsets.UTF_8));
            return this;
        }

        /**
         * Adds a {@code GRAPH} attribute, e.g. an {@code If} node's {@code then_branch}.
         *
         * @param attribute the attribute's name, not yet set on this node
         * @param body a subgraph made by {@link #subgraph} of this node's graph, complete: it is taken as it is now
         * @return this node
         */
        public Node attr(String attribute, OnnxGraphBuilder body) {
            if (body == null || body.outer != OnnxGraphBuilder.this) {
                throw new AnimataException(describe() + ": attribute '" + attribute + "' needs a subgraph made by"
                        + " subgraph(...) of graph '" + graphName + "'");
            }
            attribute(attribute, AttributeProto.AttributeType.GRAPH).setG(body.buildGraph());
            return this;
        }

        /**
         * Adds an {@code INTS} attribute, e.g. {@code perm} or {@code axes}.
         *
         * @param attribute the attribute's name, not yet set on this node
         * @param values its values
         * @return this node
         */
        public Node attrInts(String attribute, long... values) {
            AttributeProto.Builder builder = attribute(attribute, AttributeProto.AttributeType.INTS);
            for (long value : values) {
                builder.addInts(value);
            }
            return this;
        }

        /**
         * Adds the node with one output named after the node.
         *
         * @return the output's name
         */
        public String output() {
            String nodeName = resolveName();
            return outputs(uniqueName(nodeName + "_output")).get(0);
        }

        /**
         * Adds the node with one output.
         *
         * @param outputName the output's name, unused so far
         * @return {@code outputName}
         */
        public String output(String outputName) {
            return outputs(outputName).get(0);
        }

        /**
         * Adds the node.
         *
         * @param outputNames the node's outputs, unused so far; at least one
         * @return the output names, in order
         * @throws AnimataException if an input is unknown or a name is already used
         */
        public List<String> outputs(String... outputNames) {
            checkOpen();
            String nodeName = resolveName();
            if (outputNames.length == 0) {
                throw new AnimataException(describe() + " needs at least one output");
            }
            for (String input : proto.getInputList()) {
                if (!input.isEmpty() && !isVisible(input)) {
                    throw new AnimataException(describe() + " reads '" + input + "', which is not a graph input,"
                            + " an initializer or the output of an earlier node; add it before this node");
                }
            }
            if (nodeNames.contains(nodeName)) {
                throw new AnimataException(describe() + ": a node with that name already exists");
            }
            for (String output : outputNames) {
                defineValue(output, "the output of node '" + nodeName + "'");
                proto.addOutput(output);
            }
            nodeNames.add(nodeName);
            nodes.add(proto.setName(nodeName).build());
            added = true;
            return List.of(outputNames);
        }

        private AttributeProto.Builder attribute(String attribute, AttributeProto.AttributeType type) {
            checkOpen();
            requireName("attribute name", attribute);
            if (!attributeNames.add(attribute)) {
                throw new AnimataException(describe() + " already has attribute '" + attribute + "'");
            }
            return proto.addAttributeBuilder().setName(attribute).setType(type);
        }

        private String resolveName() {
            if (name == null) {
                name = uniqueName(proto.getOpType());
            }
            return name;
        }

        private String describe() {
            return "graph '" + graphName + "': node '" + (name == null ? "?" : name) + "' (" + proto.getOpType() + ")";
        }

        private void checkOpen() {
            if (added) {
                throw new AnimataException(describe() + " was already added to the graph and cannot change");
            }
        }
    }
}
