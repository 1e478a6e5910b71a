package io.netmodel.api.netdev;

import org.osgi.annotation.versioning.ConsumerType;

/** A driver's hard-IRQ handler ({@code irq_handler_t}); runs in hard-IRQ context on the model thread. */
@ConsumerType
@FunctionalInterface
public interface IrqHandler {
    void handle(Irq irq);
}
