package io.netmodel.net;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.sched.NapiThreaded;
import io.netmodel.sched.Task;
import io.netmodel.sched.TaskTable;

/**
 * Threaded NAPI ({@code net/core/dev.c}): {@code napi_kthread_create}, {@code napi_set_threaded},
 * {@code netif_set_threaded} (before 6.17 {@code dev_set_threaded}), and the kthread's end in
 * {@code netif_napi_del}. One kthread per NAPI, {@code kthread_run(napi_threaded_poll, napi,
 * "napi/%s-%d", dev->name, napi->napi_id)}: SCHED_OTHER, nice 0, any CPU.
 */
public final class ThreadedNapi {
    private final KernelProfile profile;
    private final TaskTable tasks;

    public ThreadedNapi(KernelProfile profile, TaskTable tasks) {
        this.profile = profile;
        this.tasks = tasks;
    }

    public TaskTable tasks() {
        return tasks;
    }

    /** {@code napi_kthread_create}. */
    private void kthreadCreate(NapiImpl napi) {
        if (napi.thread == null) {
            napi.thread = tasks.kthread("napi/" + napi.dev().name() + "-" + napi.napiId, tasks.all(), 0, false);
        }
    }

    /** {@code napi_stop_kthread} / the {@code kthread_stop} of {@code netif_napi_del}. */
    private void kthreadStop(NapiImpl napi) {
        if (napi.thread != null) {
            tasks.stop(napi.thread);
            napi.thread = null;
        }
    }

    /**
     * {@code napi_set_threaded} (6.17, netlink {@code napi-set threaded}): any mode but
     * disabled creates the kthread if there is none; disabled stops it; busy-poll (6.19) also
     * sets {@code NAPI_STATE_THREADED_BUSY_POLL}. The device's sysfs value does not change.
     */
    public void napiSetThreaded(NapiImpl napi, NapiThreaded mode) {
        if (mode != NapiThreaded.DISABLED) {
            kthreadCreate(napi);
        } else if (profile.has(Behaviour.NAPI_THREADED_NETLINK)) {
            kthreadStop(napi);
        }
        napi.threaded = mode;
        if (napi.config != null && profile.has(Behaviour.NAPI_THREADED_NETLINK)) {
            napi.config.threaded = mode;
        }
    }

    /**
     * {@code netif_set_threaded(dev, threaded)} ({@code threaded_store}): nothing when the
     * device already has that value; enabling creates a kthread for every NAPI, then every
     * NAPI takes the mode (from 6.17 through {@code napi_set_threaded}, which stops the
     * kthreads when disabling; before, {@code dev_set_threaded} only cleared
     * {@code NAPI_STATE_THREADED} and the kthreads lived on until {@code netif_napi_del}).
     */
    public void netifSetThreaded(NetDeviceImpl dev, boolean threaded) {
        if (dev.threaded == threaded) {
            return;
        }
        if (threaded) {
            dev.napis.forEach(this::kthreadCreate);
        }
        dev.threaded = threaded;
        NapiThreaded mode = threaded ? NapiThreaded.ENABLED : NapiThreaded.DISABLED;
        if (profile.has(Behaviour.NAPI_THREADED_NETLINK)) {
            // "Override the config for all NAPIs even if currently not listed"
            for (NapiConfig c : dev.napiConfig) {
                c.threaded = mode;
            }
        }
        for (NapiImpl napi : dev.napis) {
            napiSetThreaded(napi, mode);
        }
    }

    /** {@code netif_napi_add}: a NAPI added to a threaded device gets its kthread at once. */
    void napiAdded(NapiImpl napi) {
        if (((NetDeviceImpl) napi.dev()).threaded) {
            kthreadCreate(napi);
            napi.threaded = NapiThreaded.ENABLED;
        }
    }

    /**
     * {@code napi_restore_config} (from {@code napi_enable}): from 6.17 a NAPI with a config takes
     * the config's mode ({@code napi_set_threaded}), which a per-NAPI {@code napi-set threaded} may
     * have made differ from the device's.
     */
    void configRestored(NapiImpl napi) {
        if (napi.config != null && profile.has(Behaviour.NAPI_THREADED_NETLINK) && napi.config.threaded != napi.threaded) {
            napiSetThreaded(napi, napi.config.threaded);
        }
    }

    /** {@code netif_napi_del}: {@code kthread_stop(napi->thread)}. */
    void napiDeleted(NapiImpl napi) {
        kthreadStop(napi);
        napi.threaded = NapiThreaded.DISABLED;
    }
}
