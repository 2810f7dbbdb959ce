/**
 * The demo game: what a game developer runs first to see what the plugin does. The default scene is a small top-down
 * adventure: a dungeon learned from the example levels ({@link io.animata.demo.DungeonLevels}, Wave Function
 * Collapse through the level pipeline, playable by construction), the player as a Box2D body, and bots that chase it,
 * driven by the shipped trained {@code nav} policy through the AI runtime, one batch per frame for all of them.
 *
 * <p>{@link io.animata.demo.DemoWorld} holds the logic and runs without any GL (tests, {@code animata demo
 * --headless}, with a {@link io.animata.demo.ScriptedPlayer}); {@link io.animata.demo.DemoGame} draws it in a window
 * ({@link io.animata.demo.DemoWindow} is the window lifecycle the scenes share). Features still to come hook into
 * levels with a {@link io.animata.demo.LevelListener}. {@link io.animata.demo.critters} is the first demo, 200
 * critters chasing sparks.
 */
package io.animata.demo;
