/**
 * The desktop launcher and the {@code animata} command-line tool: one picocli class per subcommand
 * ({@link io.animata.desktop.DemoCommand}, {@link io.animata.desktop.BenchCommand},
 * {@link io.animata.desktop.TrainCommand},
 * {@link io.animata.desktop.LevelsCommand}, {@link io.animata.desktop.PlaytestCommand}, {@link io.animata.desktop.BalanceCommand}), registered in
 * {@link io.animata.desktop.AnimataCommand}. Natives (LWJGL, libGDX, Box2D) are on this module's classpath.
 */
package io.animata.desktop;
