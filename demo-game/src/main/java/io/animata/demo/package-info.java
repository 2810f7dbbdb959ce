/**
 * The demo game: what a game developer runs first to see what the plugin does. This package holds what the demo's
 * scenes share (frame times, HUD text); {@link io.animata.demo.critters} is the critters scene.
 */
package io.animata.demo;
