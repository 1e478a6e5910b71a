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
     * the id stays 0 until the driver calls {@link #napiHashAdd}. From 6.13 ({@code NAPI_CONFIG})
     * the id comes with {@link #napiEnable} instead. On a netdev with
     * {@link io.netmodel.api.netdev.NetDeviceOps} the NAPI starts disabled (as Linux's does, until
     * the driver's {@code napi_enable}); on one without, the core enables it here.
     */
    Napi netifNapiAdd(NetDevice dev, NapiPoll poll, int weight);

    /**
     * {@code netif_napi_add_config(dev, napi, poll, index)} (6.13, {@code Behaviour.NAPI_CONFIG}):
     * like {@link #netifNapiAdd}, but the NAPI is tied to the device's persistent
     * {@code napi_config[index]} (index below max(TX, RX) queues allocated, usually the queue or
     * vector number). A NAPI deleted with {@link #netifNapiDel} and added again for the same index
     * gets the same NAPI id back, with the per-NAPI settings ({@code napi-set}) it had, and so does
     * a NAPI disabled and enabled again (ifdown/ifup); the entries
     * live as long as the netdev, so a new probe starts afresh. Before 6.13 the function does not
     * exist: calling it throws {@link IllegalStateException} (ask the profile first).
     *
     * @since 1.3
     */
    Napi netifNapiAddConfig(NetDevice dev, NapiPoll poll, int weight, int index);

    /**
     * {@code netif_napi_del(napi)}, after {@code napi_disable} if the driver left it enabled: the NAPI leaves the device now rather than
     * at unbind (a driver rebuilding its queues: {@code ethtool -L}, {@code -G}); its id leaves the
     * hash, its threaded-NAPI kthread stops, queues linked to it lose the link. A NAPI with a
     * config first saves its id and settings there. Deleting it again does nothing.
     *
     * @since 1.3
     */
    void netifNapiDel(Napi napi);

    /**
     * {@code napi_enable(napi)}: the NAPI may be scheduled and busy-polled. From 6.13
     * ({@code Behaviour.NAPI_CONFIG}) this is where it gets its id: {@code napi_hash_add} (a new id
     * at every enable) or, for a NAPI with a config, {@code napi_restore_config} (the id and settings
     * the config kept). A NAPI of a netdev with {@link io.netmodel.api.netdev.NetDeviceOps} starts
     * disabled; enabling an enabled NAPI is a driver bug ({@link IllegalStateException}, where Linux
     * has {@code BUG_ON}).
     *
     * @since 1.3
     */
    void napiEnable(Napi napi);

    /**
     * {@code napi_disable(napi)}: nothing schedules or busy-polls the NAPI any more (a poll in
     * progress finishes first). From 6.13 the id leaves the hash ({@code napi_hash_del}, or
     * {@code napi_save_config} for a NAPI with a config, which keeps id and settings for the next
     * enable); before, the id stays. Disabling a disabled NAPI is a driver bug (Linux waits
     * forever): {@link IllegalStateException}.
     *
     * @since 1.3
     */
    void napiDisable(Napi napi);

    /**
     * {@code free_irq(irq, dev_id)}: releases an IRQ this device requested, now rather than at
     * unbind (its {@code /proc/interrupts} action goes; the MSI-X vector stays allocated and may be
     * requested again). Freeing it again does nothing.
     *
     * @since 1.3
     */
    void freeIrq(Irq irq);

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
     * {@code netdev_rss_key_fill(buffer, len)}: the first {@code len} bytes of the kernel's one
     * RSS key, {@code netdev_rss_key}, drawn on the first call of any driver
     * ({@code net_get_random_once}) and the same for every driver after; from then on
     * {@code /proc/sys/net/core/netdev_rss_key} shows it (zeros before).
     *
     * @param len at most {@link io.netmodel.api.ethtool.Rxfh#NETDEV_RSS_KEY_LEN}
     * @throws IllegalArgumentException if {@code len} is larger (the kernel's {@code BUILD_BUG_ON})
     */
    byte[] netdevRssKeyFill(int len);

    /**
     * {@code pci_alloc_irq_vectors(dev, min, max, PCI_IRQ_MSIX)}: allocates between {@code min}
     * and {@code max} MSI-X vectors and returns how many, or 0 when the device has fewer than
     * {@code min} table entries or the host's interrupt vectors are exhausted (the caller then
     * tries fewer, or falls back to {@link #requestLegacyIrq}). At most one allocation per
     * device at a time; freed with the device's other resources, or by {@link #pciFreeIrqVectors}.
     */
    int pciAllocIrqVectors(int min, int max);

    /**
     * {@code pci_free_irq_vectors(dev)} ({@code pci_disable_msix}): gives the MSI-X vectors back, so
     * a driver rebuilding its interrupt scheme ({@code ixgbe_clear_interrupt_scheme}) can allocate a
     * different number again. Every IRQ requested on them must have been freed first
     * ({@link IllegalStateException} otherwise, where Linux warns and leaks); without an allocation
     * it does nothing.
     *
     * @since 1.3
     */
    void pciFreeIrqVectors();

    /**
     * {@code request_irq(pci_irq_vector(dev, vector), ...)} on an allocated MSI-X vector, with
     * the action name {@code /proc/interrupts} shows.
     */
    Irq requestIrq(int vector, String name, IrqHandler handler) throws DriverException;

    /** {@code request_irq(pdev->irq, ...)}: the device's legacy INTx line (IO-APIC, fasteoi). */
    Irq requestLegacyIrq(String name, IrqHandler handler) throws DriverException;

    /**
     * {@code irq_set_affinity_and_hint(irq, mask)} ({@code irq_set_affinity_hint} before 5.17,
     * which did the same): {@code /proc/irq/N/affinity_hint} shows {@code cpus} and the IRQ's
     * affinity becomes them (its online part; an empty set clears the hint and leaves the affinity).
     * virtio-pci's {@code vp_set_vq_affinity} does this for each virtqueue's vector.
     *
     * @param irq an IRQ this device requested
     * @since 1.3
     */
    void irqSetAffinityAndHint(Irq irq, java.util.BitSet cpus);

    /**
     * {@code irq_update_affinity_hint(irq, mask)} (5.17+): {@code /proc/irq/N/affinity_hint}
     * shows {@code cpus} (an empty set clears it); the IRQ's affinity stays where it is, for
     * irqbalance or the administrator to follow. ixgbe's {@code ixgbe_request_msix_irqs} does this
     * for each queue vector with Flow Director's hashing on; before 5.17 it called
     * {@code irq_set_affinity_hint} ({@link #irqSetAffinityAndHint}).
     *
     * @param irq an IRQ this device requested
     * @since 1.4
     */
    void irqUpdateAffinityHint(Irq irq, java.util.BitSet cpus);

    /** {@code dev_info()}: a line in the kernel log, prefixed with driver and bus address. */
    void log(String message);

    /**
     * {@code cpu_online_mask}: the CPUs online now (a CPU taken down through {@code cpuN/online}
     * is not). {@link #numOnlineCpus()} is its weight.
     *
     * @since 1.6
     */
    java.util.BitSet cpuOnlineMask();

    /**
     * {@code cpuhp_state_add_instance_nocalls}: {@code instance} is called as CPUs go down and
     * come up, until the device is unbound ({@code cpuhp_state_remove_instance_nocalls} in the
     * driver's remove; the core drops it at unbind). Not called for the CPUs online now.
     *
     * @since 1.6
     */
    void cpuhpAddInstance(CpuhpInstance instance);
}
