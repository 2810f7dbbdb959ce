/**
 * The critters scene, the first demo: about two hundred critters, Box2D bodies in a walled top-down arena, chase
 * wandering sparks. Each critter is an Ashley entity whose next move is chosen by a small neural network (a
 * hand-weighted "seek" MLP, exported to ONNX and run by the AI runtime's worker in one batch per frame): a stress
 * test of the batched runtime, reached with {@code animata demo --scene critters}.
 *
 * <p>{@link io.animata.demo.critters.CritterWorld} holds the logic and runs without any GL (tests, {@code animata
 * demo --scene critters --headless}); {@link io.animata.demo.critters.CritterGame} draws it in a window.
 */
package io.animata.demo.critters;
