/**
 * The parts of {@code animata levels} that are not the command line: {@link
 * io.animata.desktop.levels.GeneratorChoice} (which generator, learned how), {@link
 * io.animata.desktop.levels.LevelsReport} ({@code report.json}) and {@link
 * io.animata.desktop.levels.ExpressiveRangeChart} (the expressive-range PNG).
 *
 * <p>Threading: everything here is called from the command's thread; the generation itself runs on the level
 * pipeline's pool.
 */
package io.animata.desktop.levels;
