package io.animata.runtime.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.animata.runtime.AnimataException;
import io.animata.runtime.model.Activation;
import io.animata.runtime.model.DenseLayer;
import io.animata.runtime.model.Mlp;

import java.nio.file.Path;
import java.util.Map;

/**
 * Exports an {@link Mlp} to an ONNX graph that computes what {@link Mlp#forward} computes: input
 * {@value #DEFAULT_INPUT_NAME} {@code [batch, in]}, normalisation as {@code Sub} then {@code Mul} by the inverse std,
 * each layer as a {@code Gemm} with {@code transB=1} (weights stay {@code [out][in]}) followed by {@code Relu},
 * {@code Tanh}, {@code Sigmoid}, {@code Softmax(axis=-1)} or nothing, and output {@value #DEFAULT_OUTPUT_NAME}
 * {@code [batch, out]}.
 *
 * <p>A trunk with several heads ({@link #exportWithHeads}) gives one graph output per head, all computed from the
 * trunk's last layer: the shape of an actor-critic policy with {@code logits} and {@code value} outputs.
 *
 * <p>Threading: the {@code opt*} setters change this exporter and are not thread-safe; configure it, then export
 * from any number of threads (exporting only reads the configuration and the immutable {@code Mlp}s).
 *
 * <pre>{@code
 * new MlpOnnxExporter().optOutputName("action_probs").export(policyMlp, Path.of("models/chaser.onnx"));
 * byte[] actorCritic = new MlpOnnxExporter().exportWithHeads(trunk, Map.of("logits", actor, "value", critic));
 * }</pre>
 */
public final class MlpOnnxExporter {
    /** The graph input's name unless {@link #optInputName} changes it. */
    public static final String DEFAULT_INPUT_NAME = "input";
    /** The graph output's name for a single MLP unless {@link #optOutputName} changes it. */
    public static final String DEFAULT_OUTPUT_NAME = "output";

    private String inputName = DEFAULT_INPUT_NAME;
    private String outputName = DEFAULT_OUTPUT_NAME;
    private String graphName = "animata_mlp";

    /**
     * @param name the graph input's name
     * @return this exporter
     */
    public MlpOnnxExporter optInputName(String name) {
        this.inputName = requireName("input name", name);
        return this;
    }

    /**
     * @param name the graph output's name in {@link #export}; {@link #exportWithHeads} names outputs after heads
     * @return this exporter
     */
    public MlpOnnxExporter optOutputName(String name) {
        this.outputName = requireName("output name", name);
        return this;
    }

    /**
     * @param name the graph's name, shown by model viewers
     * @return this exporter
     */
    public MlpOnnxExporter optGraphName(String name) {
        this.graphName = requireName("graph name", name);
        return this;
    }

    /**
     * @param mlp the network
     * @return the ONNX model of {@code mlp}
     */
    public ModelProto toModel(Mlp mlp) {
        requireMlp("mlp", mlp);
        OnnxGraphBuilder graph = new OnnxGraphBuilder(graphName);
        String input = graph.addInput(inputName, mlp.inputWidth());
        appendMlp(graph, mlp, input, "mlp", outputName);
        graph.addOutput(outputName, mlp.outputWidth());
        return graph.build();
    }

    /**
     * @param mlp the network
     * @return the serialised ONNX model, as ONNX Runtime's {@code createSession(byte[])} reads it
     */
    public byte[] export(Mlp mlp) {
        return toModel(mlp).toByteArray();
    }

    /**
     * @param mlp the network
     * @param file where to write the {@code .onnx} file; missing parent folders are created
     * @throws AnimataException if the file cannot be written
     */
    public void export(Mlp mlp, Path file) {
        OnnxGraphBuilder.writeModel(toModel(mlp), file);
    }

    /**
     * Builds one graph computing {@code head(trunk(input))} for every head, each as a graph output named after its
     * map key, in the map's iteration order (use a {@link java.util.LinkedHashMap} to control it). The trunk's own
     * output is internal.
     *
     * @param trunk the shared network reading the graph input
     * @param heads output name to network; each head's input width must equal the trunk's output width
     * @return the ONNX model
     * @throws AnimataException if there are no heads, a width does not match or a name is used twice
     */
    public ModelProto toModelWithHeads(Mlp trunk, Map<String, Mlp> heads) {
        requireMlp("trunk", trunk);
        if (heads == null || heads.isEmpty()) {
            throw new AnimataException("exportWithHeads needs at least one head; use export for a single Mlp");
        }
        OnnxGraphBuilder graph = new OnnxGraphBuilder(graphName);
        String input = graph.addInput(inputName, trunk.inputWidth());
        String features = appendMlp(graph, trunk, input, "trunk", null);
        for (Map.Entry<String, Mlp> head : heads.entrySet()) {
            String name = requireName("head name", head.getKey());
            Mlp mlp = requireMlp("head '" + name + "'", head.getValue());
            if (mlp.inputWidth() != trunk.outputWidth()) {
                throw new AnimataException("head '" + name + "' reads rows of width " + mlp.inputWidth()
                        + " but the trunk " + trunk + " outputs width " + trunk.outputWidth());
            }
            appendMlp(graph, mlp, features, name, name);
            graph.addOutput(name, mlp.outputWidth());
        }
        return graph.build();
    }

    /**
     * @param trunk the shared network reading the graph input
     * @param heads output name to network
     * @return the serialised ONNX model
     * @see #toModelWithHeads(Mlp, Map)
     */
    public byte[] exportWithHeads(Mlp trunk, Map<String, Mlp> heads) {
        return toModelWithHeads(trunk, heads).toByteArray();
    }

    /**
     * @param trunk the shared network reading the graph input
     * @param heads output name to network
     * @param file where to write the {@code .onnx} file; missing parent folders are created
     * @see #toModelWithHeads(Mlp, Map)
     */
    public void exportWithHeads(Mlp trunk, Map<String, Mlp> heads, Path file) {
        OnnxGraphBuilder.writeModel(toModelWithHeads(trunk, heads), file);
    }

    /**
     * Appends the nodes and initializers of {@code mlp} to a graph being built: the building block for exporters of
     * larger graphs (e.g. a PPO policy with extra operators around its networks).
     *
     * @param graph the graph to add to
     * @param mlp the network
     * @param input the value holding {@code [batch, mlp.inputWidth()]} rows
     * @param prefix prefix of the new node and initializer names, e.g. {@code "trunk"}
     * @param output the name of the network's output value, or {@code null} for a generated name
     * @return the name of the value holding the network's output
     */
    public static String appendMlp(OnnxGraphBuilder graph, Mlp mlp, String input, String prefix, String output) {
        String x = input;
        if (mlp.hasNormalization()) {
            long width = mlp.inputWidth();
            String mean = graph.addInitializer(graph.uniqueName(prefix + "/norm/mean"),
                    mlp.normalizationMean(), width);
            String inverseStd = graph.addInitializer(graph.uniqueName(prefix + "/norm/inverse_std"),
                    mlp.normalizationInverseStd(), width);
            x = graph.node("Sub").optName(graph.uniqueName(prefix + "/norm/Sub")).inputs(x, mean).output();
            x = graph.node("Mul").optName(graph.uniqueName(prefix + "/norm/Mul")).inputs(x, inverseStd).output();
        }
        for (int l = 0; l < mlp.layerCount(); l++) {
            DenseLayer layer = mlp.layer(l);
            String scope = prefix + "/layer" + l;
            boolean last = l == mlp.layerCount() - 1;
            String weights = graph.addInitializer(graph.uniqueName(scope + "/weight"), layer.weights(),
                    layer.outputWidth(), layer.inputWidth());
            String bias = graph.addInitializer(graph.uniqueName(scope + "/bias"), layer.bias(), layer.outputWidth());
            boolean linear = layer.activation() == Activation.IDENTITY;
            OnnxGraphBuilder.Node gemm = graph.node("Gemm").optName(graph.uniqueName(scope + "/Gemm"))
                    .inputs(x, weights, bias).attr("transB", 1L);
            x = last && linear ? finish(gemm, output) : gemm.output();
            if (!linear) {
                OnnxGraphBuilder.Node activation = activationNode(graph, layer.activation(), scope);
                x = finish(activation.inputs(x), last ? output : null);
            }
        }
        return x;
    }

    private static OnnxGraphBuilder.Node activationNode(OnnxGraphBuilder graph, Activation activation, String scope) {
        switch (activation) {
            case RELU:
                return graph.node("Relu").optName(graph.uniqueName(scope + "/Relu"));
            case TANH:
                return graph.node("Tanh").optName(graph.uniqueName(scope + "/Tanh"));
            case SIGMOID:
                return graph.node("Sigmoid").optName(graph.uniqueName(scope + "/Sigmoid"));
            case SOFTMAX:
                // opset 13+ already defaults to the last axis; spelled out so the file reads the same as the Java
                return graph.node("Softmax").optName(graph.uniqueName(scope + "/Softmax")).attr("axis", -1L);
            default:
                throw new AnimataException("no ONNX operator for activation " + activation);
        }
    }

    private static String finish(OnnxGraphBuilder.Node node, String output) {
        return output == null ? node.output() : node.output(output);
    }

    private static Mlp requireMlp(String what, Mlp mlp) {
        if (mlp == null) {
            throw new AnimataException(what + " is null");
        }
        return mlp;
    }

    private static String requireName(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new AnimataException("the " + what + " must not be " + (name == null ? "null" : "empty"));
        }
        return name;
    }
}
