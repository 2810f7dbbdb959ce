package io.animata.runtime.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OrtException;
import io.animata.runtime.AnimataException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OnnxGraphBuilderTest {

    @Test
    void rejectsNodeReadingUnknownInput() {
        OnnxGraphBuilder graph = new OnnxGraphBuilder("g");
        graph.addInput("input", 2);
        OnnxGraphBuilder.Node relu = graph.node("Relu").inputs("inptu");
        AnimataException e = assertThrows(AnimataException.class, relu::output);
        assertEquals("graph 'g': node 'Relu' (Relu) reads 'inptu', which is not a graph input, an initializer or the"
                + " output of an earlier node; add it before this node", e.getMessage());
        assertFalse(graph.hasValue("Relu_output"));
    }

    @Test
    void rejectsDuplicateNames() {
        OnnxGraphBuilder graph = new OnnxGraphBuilder("g");
        graph.addInput("x", 2);
        graph.addInitializer("w", new float[2], 2);
        assertMessage("cannot add initializer 'x', the name is already used by graph input",
                () -> graph.addInitializer("x", new float[1], 1));
        assertMessage("cannot add the output of node 'Add' 'w', the name is already used by initializer",
                () -> graph.node("Add").inputs("x", "w").output("w"));
        graph.node("Add").optName("add").inputs("x", "w").output("y");
        assertMessage("node 'add' (Add): a node with that name already exists",
                () -> graph.node("Add").optName("add").inputs("x", "w").output("z"));
        graph.addOutput("y", 2);
        assertMessage("already declares output 'y'", () -> graph.addOutput("y", 2));
        assertMessage("already has attribute 'axis'", () -> graph.node("Softmax").attr("axis", 1L).attr("axis", 2L));
    }

    /** y = cond ? x * w : x + w, the branches reading the main graph's input and initializer. */
    @Test
    void anIfNodesBranchesAreSubgraphsThatReadTheEnclosingGraph() throws OrtException {
        OnnxGraphBuilder graph = new OnnxGraphBuilder("choose");
        String x = graph.addInput("x", 3);
        String cond = graph.addInput("cond", OnnxGraphBuilder.ElementType.BOOL, "1");
        String w = graph.addInitializer("w", new float[] {2f, 3f, 4f}, 3);
        OnnxGraphBuilder times = graph.subgraph("times");
        times.node("Mul").inputs(x, w).output("times_y");
        times.addOutput("times_y", OnnxGraphBuilder.ElementType.FLOAT, "batch", "3");
        OnnxGraphBuilder plus = graph.subgraph("plus");
        plus.node("Add").inputs(x, w).output("plus_y");
        plus.addOutput("plus_y", OnnxGraphBuilder.ElementType.FLOAT, "batch", "3");
        graph.node("If").inputs(cond).attr("then_branch", times).attr("else_branch", plus).output("y");
        graph.addOutput("y", 3);
        assertEquals("times", graph.build().getGraph().getNode(0).getAttribute(0).getG().getName());
        try (OnnxModel model = OnnxModel.load("choose", graph.toBytes(), OnnxSessionConfig.DEFAULT)) {
            ai.onnxruntime.OrtEnvironment env = model.environment();
            for (boolean c : new boolean[] {true, false}) {
                try (ai.onnxruntime.OnnxTensor in = ai.onnxruntime.OnnxTensor.createTensor(env,
                        java.nio.FloatBuffer.wrap(new float[] {1f, 2f, 3f}), new long[] {1, 3});
                        ai.onnxruntime.OnnxTensor flag = ai.onnxruntime.OnnxTensor.createTensor(env, new boolean[] {c});
                        ai.onnxruntime.OrtSession.Result r = model.runTensors(Map.of("x", in, "cond", flag))) {
                    float[] y = new float[3];
                    ((ai.onnxruntime.OnnxTensor) r.get(0)).getFloatBuffer().get(y);
                    assertArrayEquals(c ? new float[] {2f, 6f, 12f} : new float[] {3f, 5f, 7f}, y);
                }
            }
        }
    }

    @Test
    void subgraphsAreChecked() {
        OnnxGraphBuilder graph = new OnnxGraphBuilder("g");
        String x = graph.addInput("x", 2);
        OnnxGraphBuilder branch = graph.subgraph("branch");
        assertMessage("an enclosing graph already has a value of that name",
                () -> branch.node("Relu").inputs(x).output("x"));
        branch.node("Relu").inputs(x).output("r");
        branch.addOutput("r", 2);
        assertMessage("is a subgraph", branch::build);
        OnnxGraphBuilder other = new OnnxGraphBuilder("other").subgraph("foreign");
        assertMessage("needs a subgraph made by subgraph(...) of graph 'g'",
                () -> graph.node("If").attr("then_branch", other));
        assertFalse(graph.hasValue("r"), "a subgraph's values stay in it");
    }

    @Test
    void dynamicDimensionsTakeAnySize() {
        OnnxGraphBuilder graph = new OnnxGraphBuilder("double");
        String x = graph.addInput("x", 2, OnnxGraphBuilder.DYNAMIC, OnnxGraphBuilder.DYNAMIC);
        String two = graph.addInitializer("two", new float[] {2f});
        graph.node("Mul").inputs(x, two).output("y");
        graph.addOutput("y", 2, OnnxGraphBuilder.DYNAMIC, OnnxGraphBuilder.DYNAMIC);
        assertEquals("dim2", graph.build().getGraph().getInput(0).getType().getTensorType().getShape().getDim(2)
                .getDimParam());
        try (OnnxModel model = OnnxModel.load("double", graph.toBytes(), OnnxSessionConfig.DEFAULT)) {
            for (int side : new int[] {1, 3, 5}) {
                float[] in = new float[2 * side * side];
                in[in.length - 1] = 1.5f;
                float[] out = model.run("x", in, new long[] {1, 2, side, side}).get("y");
                assertEquals(3f, out[out.length - 1]);
            }
        }
    }

    @Test
    void rejectsBadShapesAndMissingOutputs() {
        OnnxGraphBuilder graph = new OnnxGraphBuilder("g");
        assertMessage("initializer 'w' has shape [2, 3] (6 floats) but 5 floats were given",
                () -> graph.addInitializer("w", new float[5], 2, 3));
        assertMessage("'x' has dimension 0", () -> graph.addInput("x", 0));
        assertMessage("'x' has dimension -2", () -> graph.addInput("x", 3, -2));
        assertMessage("has no outputs", graph::build);
        graph.addInput("x", 2);
        graph.addOutput("y", 2);
        assertMessage("declares output 'y' but no input, initializer or node produces it", graph::build);
    }

    @Test
    void nodeCannotChangeAfterItWasAdded() {
        OnnxGraphBuilder graph = new OnnxGraphBuilder("g");
        OnnxGraphBuilder.Node relu = graph.node("Relu").inputs(graph.addInput("x", 1));
        relu.output();
        assertMessage("was already added to the graph", () -> relu.inputs("x"));
    }

    @Test
    void uniqueNameSkipsUsedNames() {
        OnnxGraphBuilder graph = new OnnxGraphBuilder("g");
        assertEquals("x", graph.uniqueName("x"));
        graph.addInput("x", 1);
        assertEquals("x_1", graph.uniqueName("x"));
        String first = graph.node("Relu").inputs("x").output();
        String second = graph.node("Relu").inputs(first).output();
        assertNotEquals(first, second);
        assertEquals("Relu_output", first);
        assertEquals("Relu_1_output", second);
    }

    @Test
    void writesModelHeader() {
        OnnxGraphBuilder graph = new OnnxGraphBuilder("header").optDocString("test graph");
        graph.node("Relu").inputs(graph.addInput("x", 3)).output("y");
        ModelProto model = graph.addOutput("y", 3).build();
        assertEquals(8, model.getIrVersion());
        assertEquals("animata", model.getProducerName());
        assertEquals(1, model.getOpsetImportCount());
        assertEquals("", model.getOpsetImport(0).getDomain());
        assertEquals(17, model.getOpsetImport(0).getVersion());
        assertEquals("header", model.getGraph().getName());
        assertEquals("test graph", model.getGraph().getDocString());
        assertEquals("batch", model.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0)
                .getDimParam());
    }

    @ParameterizedTest
    @EnumSource(OnnxGraphBuilder.Encoding.class)
    void initializersRunInOnnxRuntime(OnnxGraphBuilder.Encoding encoding) throws OrtException {
        OnnxGraphBuilder graph = new OnnxGraphBuilder("add");
        String x = graph.addInput("x", 3);
        String c = graph.addInitializer("c", encoding, new float[] {1.5f, -2f, 1e-3f}, 3);
        graph.node("Add").inputs(x, c).output("y");
        graph.addOutput("y", 3);
        try (Ort ort = new Ort(graph.toBytes())) {
            float[] y = ort.run("x", new float[] {1, 1, 1, 0, 0, 0}, 2, 3).get("y");
            assertArrayEquals(new float[] {2.5f, -1f, 1.001f, 1.5f, -2f, 1e-3f}, y);
        }
    }

    @Test
    void attributesOfEveryKindRunInOnnxRuntime(@TempDir Path dir) throws Exception {
        // [batch, 2, 3] -> Transpose(perm ints) -> [batch, 3, 2] -> LeakyRelu(alpha float) -> Flatten(axis int)
        OnnxGraphBuilder graph = new OnnxGraphBuilder("attributes");
        String x = graph.addInput("x", 2, 3);
        String t = graph.node("Transpose").inputs(x).attrInts("perm", 0, 2, 1).output();
        String l = graph.node("LeakyRelu").inputs(t).attr("alpha", 0.5f).output();
        graph.node("Flatten").inputs(l).attr("axis", 1L).output("y");
        graph.addOutput("y", 6);
        Path file = dir.resolve("sub/dir/attributes.onnx");
        graph.write(file);
        assertTrue(Files.size(file) > 0);
        try (Ort ort = new Ort(file.toString())) {
            float[] y = ort.run("x", new float[] {1, 2, 3, -4, -6, -8}, 1, 2, 3).get("y");
            assertArrayEquals(new float[] {1, -2, 2, -3, 3, -4}, y);
        }
    }

    @Test
    void typedInputsWithSymbolicDimensionsAndInt64InitializersRun() throws Exception {
        OnnxGraphBuilder graph = new OnnxGraphBuilder("gather");
        String ids = graph.addInput("ids", OnnxGraphBuilder.ElementType.INT64, "batch_size", "sequence_length");
        String table = graph.addInitializer("table", new float[] {0f, 10f, 20f, 30f}, 4, 1);
        String shape = graph.addInitializer("shape", new long[] {0, -1}, 2);
        graph.node("Reshape").inputs(graph.node("Gather").inputs(table, ids).output("rows"), shape).output("y");
        graph.addOutput("y", OnnxGraphBuilder.ElementType.FLOAT, "batch_size", "sequence_length");
        ModelProto model = graph.build();
        assertEquals("sequence_length", model.getGraph().getInput(0).getType().getTensorType().getShape().getDim(1)
                .getDimParam());
        assertEquals(OnnxGraphBuilder.ElementType.INT64.onnxType(),
                model.getGraph().getInput(0).getType().getTensorType().getElemType());
        assertMessage("has dimension 0", () -> graph.addInput("z", OnnxGraphBuilder.ElementType.FLOAT, "0"));
        assertMessage("initializer 'bad' has shape [3] (3 values) but 2 values",
                () -> graph.addInitializer("bad", new long[] {1, 2}, 3));
        try (OnnxModel onnx = OnnxModel.load("gather", graph.toBytes(),
                new OnnxSessionConfig(1, DevicePreference.CPU, 0));
                ai.onnxruntime.OnnxTensor input = ai.onnxruntime.OnnxTensor.createTensor(onnx.environment(),
                        java.nio.LongBuffer.wrap(new long[] {3, 1, 2}), new long[] {1, 3});
                ai.onnxruntime.OrtSession.Result result = onnx.runTensors(java.util.Map.of("ids", input))) {
            float[] y = new float[3];
            ((ai.onnxruntime.OnnxTensor) result.get(0)).getFloatBuffer().get(y);
            assertArrayEquals(new float[] {30f, 10f, 20f}, y);
        }
    }

    private static void assertMessage(String expectedPart, Runnable call) {
        AnimataException e = assertThrows(AnimataException.class, call::run);
        assertTrue(e.getMessage().contains(expectedPart),
                () -> "expected a message containing \"" + expectedPart + "\" but got \"" + e.getMessage() + "\"");
    }
}
