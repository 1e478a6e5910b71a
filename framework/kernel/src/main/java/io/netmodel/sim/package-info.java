/**
 * The discrete-event engine the receive-path model runs on: a virtual clock in {@code long}
 * nanoseconds ({@link io.netmodel.sim.Simulator}), a 4-ary heap event list ordered by
 * {@code (time, insertion sequence)} ({@link io.netmodel.sim.HeapEventList}), re-armable
 * hrtimer-like timers ({@link io.netmodel.sim.Timer}) and seeded random streams
 * ({@link io.netmodel.sim.Rng}).
 *
 * <p>Everything is an instance owned by one simulator, on one thread; nothing is static. Same
 * seed and same inputs give the same event order and the same numbers. Private to the
 * kernel-model bundle (not exported).
 */
package io.netmodel.sim;
