/**
 * Neural textures: {@link io.animata.core.texture.nca.NcaTexture} grows seamless textures with a neural cellular
 * automaton trained from an example image (by {@code animata textures --train-nca}, on DJL) and exported to ONNX,
 * run by ONNX Runtime through the runtime's session settings (GPU where there is one).
 * {@link io.animata.core.texture.nca.NcaSource} holds a model's files read into memory, and
 * {@link io.animata.core.texture.nca.NcaGrower} grows textures on the AI runtime's job worker, from the game thread
 * (the pixels come back to a listener) or from a loader thread (it awaits the job).
 *
 * <p>Threading: growing blocks the calling thread (a worker or the asset manager's executor, never the game
 * thread); the {@code Texture} is made on the GL thread.
 */
package io.animata.core.texture.nca;
