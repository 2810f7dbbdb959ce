/**
 * Reference environments for the trainers, in plain Java with no rendering and no frame pacing:
 * {@link io.animata.runtime.train.env.CartPole} (Gymnasium's CartPole-v1, discrete) and
 * {@link io.animata.runtime.train.env.PointTarget} (a one-dimensional reach, continuous). Game environments (Box2D
 * worlds with ECS agents) live in {@code core} and implement the same {@link io.animata.runtime.rl.Environment}.
 */
package io.animata.runtime.train.env;
