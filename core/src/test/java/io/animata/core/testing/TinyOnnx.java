package io.animata.core.testing;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The smallest useful ONNX model, written in memory so tests need no shipped files: {@code input} float
 * [batch, 4] → Relu → {@code output} float [batch, 4]; opset 17, IR version 8. It is batchable, so it fits
 * {@code AiRuntime.queue}.
 */
public final class TinyOnnx {
    /** Floats in one row of the input and of the output. */
    public static final int WIDTH = 4;

    private TinyOnnx() {
    }

    /** @return the serialized model */
    public static byte[] reluBytes() {
        GraphProto graph = GraphProto.newBuilder()
                .setName("tiny_relu")
                .addNode(NodeProto.newBuilder().setOpType("Relu").setName("relu").addInput("input").addOutput("output"))
                .addInput(floatBatchOf("input"))
                .addOutput(floatBatchOf("output"))
                .build();
        return ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("animata-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setGraph(graph)
                .build()
                .toByteArray();
    }

    /** Writes the model to {@code file} and returns the file. */
    public static Path writeRelu(Path file) {
        try {
            return Files.write(file, reluBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ValueInfoProto floatBatchOf(String name) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(WIDTH))
                .build();
        TypeProto type = TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(shape))
                .build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }
}
