/**
 * The demo game: about two hundred critters, Box2D bodies in a walled top-down arena, chase wandering sparks. Each
 * critter is an Ashley entity whose next move is chosen by a small neural network (a hand-weighted "seek" MLP,
 * exported to ONNX and run by the AI runtime's worker in one batch per frame).
 *
 * <p>{@link io.animata.demo.DemoWorld} holds the logic and runs without any GL (tests, {@code animata demo
 * --headless}); {@link io.animata.demo.DemoGame} draws it in a window.
 */
package io.animata.demo;
