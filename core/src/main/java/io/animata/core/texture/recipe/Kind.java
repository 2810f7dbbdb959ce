package io.animata.core.texture.recipe;

/** What a recipe node makes: one value per pixel, a colour per pixel, or a moved sample position per pixel. */
enum Kind {
    SCALAR("a scalar (noise, levels, math, wave)"),
    COLOR("a colour (ramp, blend, shade, color)"),
    COORDS("coordinates (warp)");

    private final String description;

    Kind(String description) {
        this.description = description;
    }

    String describe() {
        return description;
    }
}
