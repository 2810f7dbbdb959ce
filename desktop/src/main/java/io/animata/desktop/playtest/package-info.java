/**
 * The parts of {@code animata playtest} that are not the command line: {@link
 * io.animata.desktop.playtest.PlaytestImages} ({@code coverage.png}, {@code stuck.png}) and {@link
 * io.animata.desktop.playtest.PlaytestPage} ({@code report.html}).
 *
 * <p>Threading: called from the command's thread; the bots run on the job runner's threads or processes.
 */
package io.animata.desktop.playtest;
