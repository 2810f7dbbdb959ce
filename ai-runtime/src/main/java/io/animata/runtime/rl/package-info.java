/**
 * Reinforcement-learning vocabulary shared by the game side ({@code core}'s agents) and the trainer: action spaces
 * and buffers, the {@link io.animata.runtime.rl.Environment} a trainer steps, and the
 * {@link io.animata.runtime.rl.PolicySpec} sidecar of an exported policy.
 */
package io.animata.runtime.rl;
