/**
 * Models as the runtime sees them: {@link io.animata.runtime.model.BatchModel}, a batch of float rows in, one or
 * more batches of float rows out, and the plain-Java networks behind the small ones.
 *
 * <p>{@link io.animata.runtime.model.Mlp} is an immutable multilayer perceptron (optional input normalisation, dense
 * layers, {@link io.animata.runtime.model.Activation activations}) with an allocation-free forward pass;
 * {@link io.animata.runtime.model.JavaMlpModel} runs one as a {@code BatchModel} on the CPU without a native
 * engine. The same {@code Mlp} exports to ONNX through {@code io.animata.runtime.onnx.MlpOnnxExporter} and gives the
 * same numbers there.
 *
 * <p>Nothing in this package depends on libGDX.
 */
package io.animata.runtime.model;
