/**
 * Balance bots: {@link io.animata.core.playtest.balance.ArenaMatch}, a built-in two-sided arena game (armies of units
 * with stats, scripted controllers, Box2D bodies pushed through the agents' {@code DirectionActuator}), played many
 * times between configurations ({@link io.animata.core.playtest.balance.Balance}) as independent jobs, and the
 * statistics of the results ({@link io.animata.core.playtest.balance.BalanceReport}): a win-rate matrix with
 * {@link io.animata.core.playtest.balance.Wilson} intervals, {@link io.animata.core.playtest.balance.Elo} ratings,
 * the first mover's advantage, match lengths, dominance and cycles.
 *
 * <p>Threading: a match belongs to one thread (Box2D); matches share nothing and run on many threads at once. Configs,
 * jobs, results and reports are immutable.
 */
package io.animata.core.playtest.balance;
