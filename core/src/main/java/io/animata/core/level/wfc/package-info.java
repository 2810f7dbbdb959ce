/**
 * Wave Function Collapse for levels: the {@link io.animata.core.level.wfc.OverlappingModel} learns the N x N
 * patterns of example levels, the {@link io.animata.core.level.wfc.TiledModel} uses a tileset with adjacency rules
 * (hand-written or learned). Both generate through {@link io.animata.core.level.wfc.WfcModel#generate}, which
 * observes the lowest-entropy cell, propagates with support counts, and backtracks chronologically on a
 * contradiction, within a bounded budget of backtracks and restarts ({@link io.animata.core.level.wfc.WfcSettings});
 * a run that cannot finish says so in its {@link io.animata.core.level.wfc.WfcResult}, it never loops or crashes.
 * Fixed tiles and borders are built into the solve; sides can be anchored to the examples' sides (ground).
 *
 * <p>Threading: models are immutable and thread-safe; each {@code generate} call works on its own (thread-local)
 * solver, so a pool of threads can generate from one model at once.
 */
package io.animata.core.level.wfc;
