/**
 * A Markov chain learned from text levels: {@link io.animata.core.level.markov.MarkovModel} draws each tile given
 * its already-placed neighbours, with back-off for contexts the examples never showed.
 *
 * <p>Threading: a learned model is immutable and thread-safe.
 */
package io.animata.core.level.markov;
