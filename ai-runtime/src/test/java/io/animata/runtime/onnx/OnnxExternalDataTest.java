package io.animata.runtime.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models whose weights live in data files beside them (the ONNX external data format of models over 2 GB). */
class OnnxExternalDataTest {
    private static final OnnxSessionConfig CPU = new OnnxSessionConfig(1, DevicePreference.CPU, 0);

    @TempDir
    Path dir;

    /** y = relu(x W + b), W [5, 300]: W goes to the data file, b (small) stays inside. */
    private static OnnxGraphBuilder graph(long seed) {
        Random random = new Random(seed);
        float[] w = new float[5 * 300];
        float[] b = new float[300];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextFloat() * 2 - 1;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextFloat() - 0.5f;
        }
        OnnxGraphBuilder g = new OnnxGraphBuilder("dense");
        String x = g.addInput("input", 5);
        String y = g.node("MatMul").inputs(x, g.addInitializer("w", w, 5, 300)).output("xw");
        g.node("Relu").inputs(g.node("Add").inputs(y, g.addInitializer("b", b, 300)).output("xwb")).output("output");
        g.addOutput("output", 300);
        return g;
    }

    private Path writeExternal(String dataFile) {
        Path model = dir.resolve("model.onnx");
        graph(3).writeWithExternalData(model, dataFile, 2000);
        return model;
    }

    @Test
    void theWriterMovesLargeInitializersAndTheScanFindsThem() throws IOException {
        Path model = writeExternal("model.onnx_data");
        List<OnnxExternalData.Ref> refs = OnnxExternalData.scan(Files.readAllBytes(model));
        assertEquals(List.of(new OnnxExternalData.Ref("w", "model.onnx_data", 0, 5 * 300 * 4)), refs);
        assertEquals(5 * 300 * 4, Files.size(dir.resolve("model.onnx_data")));
        assertTrue(Files.size(model) < 2000, "the model file keeps only the small bias: " + Files.size(model));
        assertEquals(List.of(), OnnxExternalData.scan(graph(3).toBytes()), "a single-file model has none");
        assertEquals(List.of(), OnnxExternalData.scan("not a model at all".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aModelWithExternalDataRunsLikeTheSameModelInOneFile() throws IOException {
        Path external = writeExternal("model.onnx.data");
        Path single = dir.resolve("single.onnx");
        graph(3).write(single);
        float[] input = new float[4 * 5];
        Random random = new Random(8);
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextFloat() * 4 - 2;
        }
        try (OnnxModel a = OnnxModel.load("external", external, CPU);
                OnnxModel b = OnnxModel.load("single", single, CPU)) {
            Map<String, float[]> fromExternal = a.run("input", input, new long[] {4, 5});
            Map<String, float[]> fromSingle = b.run("input", input, new long[] {4, 5});
            assertArrayEquals(fromSingle.get("output"), fromExternal.get("output"));
        }
    }

    @Test
    void aMissingDataFileIsNamed() throws IOException {
        Path model = writeExternal("model.onnx_data");
        Files.delete(dir.resolve("model.onnx_data"));
        AnimataException e = assertThrows(AnimataException.class, () -> OnnxModel.load("m", model, CPU));
        assertTrue(e.getMessage().contains("model.onnx_data") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void aTruncatedDataFileIsNamed() throws IOException {
        Path model = writeExternal("model.onnx_data");
        Path data = dir.resolve("model.onnx_data");
        Files.write(data, Arrays.copyOf(Files.readAllBytes(data), 1000));
        AnimataException e = assertThrows(AnimataException.class, () -> OnnxModel.load("m", model, CPU));
        assertTrue(e.getMessage().contains("model.onnx_data") && e.getMessage().contains("truncated")
                && e.getMessage().contains("1000 bytes"), e.getMessage());
    }

    @Test
    void bytesOfAModelWithExternalDataAreRefusedWithTheWayOut() throws IOException {
        Path model = writeExternal("weights.bin");
        byte[] bytes = Files.readAllBytes(model);
        AnimataException e = assertThrows(AnimataException.class, () -> OnnxModel.load("m", bytes, CPU));
        assertTrue(e.getMessage().contains("weights.bin") && e.getMessage().contains("OnnxModel.load(name, Path"),
                e.getMessage());
    }

    @Test
    void aDataFileOutsideTheModelsFolderIsRefusedByTheEngineAndReported() throws IOException {
        Path inner = Files.createDirectories(dir.resolve("inner"));
        Path model = inner.resolve("model.onnx");
        graph(4).writeWithExternalData(model, "model.onnx_data", 2000);
        Files.move(inner.resolve("model.onnx_data"), dir.resolve("model.onnx_data"));
        ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(model));
        GraphProto.Builder graph = proto.getGraph().toBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            TensorProto t = graph.getInitializer(i);
            if (t.getExternalDataCount() > 0) {
                TensorProto.Builder moved = t.toBuilder();
                moved.setExternalData(0, StringStringEntryProto.newBuilder().setKey("location")
                        .setValue("../model.onnx_data"));
                graph.setInitializer(i, moved);
            }
        }
        Files.write(model, proto.toBuilder().setGraph(graph).build().toByteArray());
        AnimataException e = assertThrows(AnimataException.class, () -> OnnxModel.load("m", model, CPU));
        assertTrue(e.getMessage().contains("../model.onnx_data") && e.getCause() != null, e.getMessage());
    }

    /** Without a length in the model, a short data file is found out by the engine; its error names the file. */
    @Test
    void aTruncatedDataFileWhoseLengthTheModelDoesNotGiveIsReportedWithTheEnginesReason() throws IOException {
        Path model = writeExternal("model.onnx_data");
        ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(model));
        GraphProto.Builder graph = proto.getGraph().toBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            TensorProto t = graph.getInitializer(i);
            if (t.getExternalDataCount() > 0) {
                TensorProto.Builder noLength = t.toBuilder().clearExternalData();
                t.getExternalDataList().stream().filter(e -> !e.getKey().equals("length"))
                        .forEach(noLength::addExternalData);
                graph.setInitializer(i, noLength);
            }
        }
        Files.write(model, proto.toBuilder().setGraph(graph).build().toByteArray());
        assertEquals(-1, OnnxExternalData.scan(Files.readAllBytes(model)).get(0).length());
        Path data = dir.resolve("model.onnx_data");
        Files.write(data, Arrays.copyOf(Files.readAllBytes(data), 1000));
        AnimataException e = assertThrows(AnimataException.class, () -> OnnxModel.load("m", model, CPU));
        assertTrue(e.getMessage().contains("model.onnx_data") && e.getMessage().contains("complete")
                && e.getCause() != null, e.getMessage());
    }

    @Test
    void theScanLooksInsideSubgraphsAndNodeAttributes() {
        TensorProto inSubgraph = external("then_w", "branch.bin", 64, 128);
        TensorProto inAttribute = external("const_w", "const.bin", 0, -1);
        GraphProto branch = GraphProto.newBuilder().setName("then").addInitializer(inSubgraph).build();
        NodeProto ifNode = NodeProto.newBuilder().setOpType("If").addInput("cond").addOutput("y")
                .addAttribute(AttributeProto.newBuilder().setName("then_branch")
                        .setType(AttributeProto.AttributeType.GRAPH).setG(branch))
                .build();
        NodeProto constant = NodeProto.newBuilder().setOpType("Constant").addOutput("c")
                .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                        .setT(inAttribute))
                .build();
        GraphProto main = GraphProto.newBuilder().setName("main").addNode(constant).addNode(ifNode)
                .addInitializer(TensorProto.newBuilder().setName("inline").setDataType(1).addDims(1)
                        .addFloatData(1f))
                .build();
        byte[] bytes = ModelProto.newBuilder().setIrVersion(8).setGraph(main).build().toByteArray();
        assertEquals(List.of(new OnnxExternalData.Ref("const_w", "const.bin", 0, -1),
                new OnnxExternalData.Ref("then_w", "branch.bin", 64, 128)), OnnxExternalData.scan(bytes));
        assertEquals(List.of("const.bin", "branch.bin"), OnnxExternalData.files(OnnxExternalData.scan(bytes)));
    }

    private static TensorProto external(String name, String location, long offset, long length) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(1).addDims(Math.max(1, length / 4))
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("offset").setValue(Long.toString(offset)));
        if (length >= 0) {
            t.addExternalData(StringStringEntryProto.newBuilder().setKey("length").setValue(Long.toString(length)));
        }
        return t.build();
    }
}
