/**
 * The demo's title card, pause menu and readable text: the state machines ({@link io.animata.demo.ui.TitleCard},
 * {@link io.animata.demo.ui.DemoMenu}, {@link io.animata.demo.ui.MenuInput}) need no GL and are tested headless;
 * {@link io.animata.demo.ui.UiRenderer} and {@link io.animata.demo.ui.DemoFonts} draw them in the window.
 */
package io.animata.demo.ui;
