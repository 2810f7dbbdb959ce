/**
 * libGDX asset loaders: {@link io.animata.core.assets.OnnxModelLoader} loads ONNX models through an
 * {@code AssetManager} as {@link io.animata.core.assets.ModelAsset}s, creating the ONNX Runtime session on the
 * asset manager's executor thread so the game thread never waits for it;
 * {@link io.animata.core.assets.RecipeTextureLoader} loads texture recipes as {@code Texture}s, rendering the pixels
 * on the executor and creating only the GL texture on the game thread;
 * {@link io.animata.core.assets.NcaTextureLoader} grows neural textures on the AI runtime's job worker and creates
 * the {@code Texture} on the game thread.
 *
 * <p>Threading: {@code loadAsync} runs on the asset manager's executor; everything else on the game thread.
 */
package io.animata.core.assets;
