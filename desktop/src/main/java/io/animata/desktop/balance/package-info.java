/**
 * The parts of {@code animata balance} that are not the command line: {@link
 * io.animata.desktop.balance.BalanceChart} ({@code matrix.png}) and {@link io.animata.desktop.balance.BalancePage}
 * ({@code balance.html}).
 *
 * <p>Threading: called from the command's thread; the matches run on the job runner's threads or processes.
 */
package io.animata.desktop.balance;
