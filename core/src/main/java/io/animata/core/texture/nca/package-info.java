/**
 * Neural textures: {@link io.animata.core.texture.nca.NcaTexture} grows seamless textures with a neural cellular
 * automaton trained from an example image (by {@code animata textures --train-nca}, on DJL) and exported to ONNX,
 * run by ONNX Runtime through the runtime's session settings (GPU where there is one).
 *
 * <p>Threading: growing blocks the calling thread (a worker or the asset manager's executor, never the game
 * thread); the {@code Texture} is made on the GL thread.
 */
package io.animata.core.texture.nca;
