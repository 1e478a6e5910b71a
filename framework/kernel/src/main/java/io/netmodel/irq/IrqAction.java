package io.netmodel.irq;

import io.netmodel.api.netdev.Irq;
import io.netmodel.api.netdev.IrqHandler;

/**
 * A {@code struct irqaction}: one {@code request_irq} on a descriptor. A shared legacy line
 * ({@code IRQF_SHARED}) carries several; {@code /proc/interrupts} lists their names.
 */
public final class IrqAction implements Irq {
    private final IrqDesc desc;
    private final String name;
    private final IrqHandler handler;

    IrqAction(IrqDesc desc, String name, IrqHandler handler) {
        this.desc = desc;
        this.name = name;
        this.handler = handler;
    }

    @Override
    public int number() {
        return desc.number();
    }

    @Override
    public String name() {
        return name;
    }

    public IrqDesc desc() {
        return desc;
    }

    IrqHandler handler() {
        return handler;
    }
}
