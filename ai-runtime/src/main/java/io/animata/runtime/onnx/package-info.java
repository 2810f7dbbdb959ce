/**
 * ONNX Runtime sessions, device choice, and the ONNX graph writer.
 *
 * <p>The writer side: {@link io.animata.runtime.onnx.OnnxGraphBuilder} builds ONNX models of float tensors from Java
 * (opset 17, symbolic batch dimension, checked names), and {@link io.animata.runtime.onnx.MlpOnnxExporter} turns an
 * {@link io.animata.runtime.model.Mlp} (or a trunk with several heads) into a graph that ONNX Runtime runs with the
 * same numbers as the Java forward pass.
 *
 * <p>Nothing in this package depends on libGDX.
 */
package io.animata.runtime.onnx;
