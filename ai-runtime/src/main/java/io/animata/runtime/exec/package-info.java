/**
 * Worker threads and the tasks they run. Workers never touch game state (entities, Box2D, GL); they receive data
 * copied at the frame hand-over and publish results through volatile state.
 */
package io.animata.runtime.exec;
