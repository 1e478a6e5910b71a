package io.netmodel.net;

import io.netmodel.api.sched.NapiThreaded;

/**
 * A {@code struct napi_config} ({@code include/linux/netdevice.h}, Joe Damato's "net: napi: Add
 * napi_config", 86e25f40aa1e, 6.13): per-index NAPI settings that outlive the
 * {@code struct napi_struct}. {@code alloc_netdev_mqs} allocates {@code dev->napi_config} with
 * max(txqs, rxqs) entries (zeroed) and {@code free_netdev} frees it, so the array lives exactly as
 * long as the {@link NetDeviceImpl}: an rmmod/modprobe starts from zero again.
 *
 * <p>A NAPI added with {@code netif_napi_add_config(dev, napi, poll, index)} points at entry
 * {@code index}; {@code napi_disable} saves its id and settings there ({@code napi_save_config})
 * and {@code napi_enable} restores them ({@code napi_restore_config}), reusing the stored
 * {@code napi_id} when it is not 0. The sysfs {@code gro_flush_timeout} and
 * {@code napi_defer_hard_irqs} stores write every entry ({@code netdev_set_gro_flush_timeout},
 * {@code netdev_set_defer_hard_irqs} in {@code net/core/dev.h}); from 6.17 {@code threaded} is kept
 * here too ({@code napi_set_threaded} writes it, {@code netif_set_threaded} writes every entry,
 * {@code napi_restore_config} applies it).
 */
final class NapiConfig {
    long groFlushTimeout;
    long irqSuspendTimeout;
    int deferHardIrqs;
    int napiId;
    NapiThreaded threaded = NapiThreaded.DISABLED;
}
