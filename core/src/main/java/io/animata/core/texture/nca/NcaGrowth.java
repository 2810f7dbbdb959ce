package io.animata.core.texture.nca;

import io.animata.core.texture.PixelBuffer;

/**
 * A texture grown by {@link NcaGrower}, with where and how long it took (for logs and a HUD).
 *
 * <p>Threading: immutable in practice (the pixels belong to whoever receives this; nothing else holds them).
 *
 * @param model the model's name
 * @param pixels the grown texture, opaque RGBA
 * @param steps the steps it took
 * @param seed the seed it grew from
 * @param device where the model ran: {@code cpu} or {@code cuda}
 * @param thread the name of the thread it grew on (the AI runtime's job worker)
 * @param millis wall-clock time of the growth, the ONNX session's opening and closing included
 */
public record NcaGrowth(String model, PixelBuffer pixels, int steps, long seed, String device, String thread,
        double millis) {
}
