package io.netmodel.sim;

/**
 * Something that happens at one instant of virtual time: what a {@link Simulator} runs when
 * the event's time comes.
 *
 * <p>An event reads the clock from the {@link Simulator} it was scheduled on
 * ({@link Simulator#now()}, in ns); it is not passed in, so one event object can be scheduled
 * many times without allocation (a NAPI instance, a NIC's interrupt line). {@link #fire()}
 * runs on the simulator's thread, may schedule further events (including at the current
 * time: they run after every event already pending at that time), start or cancel timers, and
 * call {@link Simulator#stop()}. It must not call {@link Simulator#run()} or its siblings.
 *
 * <p>Like SSJ's {@code Event.actions()} and ns-3's {@code EventImpl::Notify}; unlike ns-3 there
 * is no bound-argument wrapper: a lambda or a field of the component carries the context.
 */
@FunctionalInterface
public interface Event {
    /** Runs the event at {@link Simulator#now()}. */
    void fire();
}
