package io.netmodel.api.driver;

import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.netdev.Irq;
import io.netmodel.api.netdev.IrqHandler;
import io.netmodel.api.netdev.Napi;
import io.netmodel.api.netdev.NapiPoll;
import io.netmodel.api.netdev.NetDevice;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The kernel services a driver uses while bound to one device (the {@code struct device}
 * plus the core calls a probe routine makes). Every call runs on the model thread.
 */
@ProviderType
public interface DeviceContext {
    /** The device being bound. */
    BusDevice device();

    /** The kernel release being modelled: ask it, never compare versions. */
    KernelProfile kernel();

    /** The value of a module parameter (given to modprobe, else its default). */
    String param(String name);

    /** {@code alloc_etherdev_mqs}: an Ethernet netdev named {@code eth%d}, not yet visible. */
    NetDevice allocEtherdev(int txQueues, int rxQueues);

    /** {@code register_netdev}: picks the name and ifindex; the device's files appear. */
    void registerNetdev(NetDevice dev) throws DriverException;

    /**
     * {@code netif_napi_add(dev, napi, poll, weight)}. From 4.5 ({@code
     * NAPI_HASH_IN_NETIF_NAPI_ADD}) this also hashes the NAPI and gives it an id; before,
     * the id stays 0 until the driver calls {@link #napiHashAdd}.
     */
    Napi netifNapiAdd(NetDevice dev, NapiPoll poll, int weight);

    /**
     * {@code napi_hash_add(napi)}: gives the NAPI a busy-poll id if it has none (3.11–4.4
     * drivers call it explicitly; from 4.5 it is part of {@code netif_napi_add}).
     */
    void napiHashAdd(Napi napi);

    /**
     * {@code netif_queue_set_napi(dev, index, type, napi)}: links a queue to the NAPI that
     * services it, so the {@code netdev} netlink family reports the queue's {@code napi-id}
     * (6.8+). {@code napi} null unlinks. Drivers call it where their Linux counterpart does
     * (a driver history entry says from which release).
     */
    void netifQueueSetNapi(NetDevice dev, int index, io.netmodel.api.netdev.QueueType type, Napi napi);

    /**
     * {@code netif_napi_set_irq(napi, irq)}: the interrupt that schedules this NAPI, reported
     * as the NAPI's {@code irq} by netlink {@code napi-get}.
     */
    void netifNapiSetIrq(Napi napi, Irq irq);

    /** {@code num_online_cpus()}. */
    int numOnlineCpus();

    /**
     * {@code pci_alloc_irq_vectors(dev, min, max, PCI_IRQ_MSIX)}: allocates between {@code min}
     * and {@code max} MSI-X vectors and returns how many, or 0 when the device has fewer than
     * {@code min} table entries or the host's interrupt vectors are exhausted (the caller then
     * tries fewer, or falls back to {@link #requestLegacyIrq}). At most one allocation per
     * device; freed with the device's other resources.
     */
    int pciAllocIrqVectors(int min, int max);

    /**
     * {@code request_irq(pci_irq_vector(dev, vector), ...)} on an allocated MSI-X vector, with
     * the action name {@code /proc/interrupts} shows.
     */
    Irq requestIrq(int vector, String name, IrqHandler handler) throws DriverException;

    /** {@code request_irq(pdev->irq, ...)}: the device's legacy INTx line (IO-APIC, fasteoi). */
    Irq requestLegacyIrq(String name, IrqHandler handler) throws DriverException;

    /** {@code dev_info()}: a line in the kernel log, prefixed with driver and bus address. */
    void log(String message);
}
