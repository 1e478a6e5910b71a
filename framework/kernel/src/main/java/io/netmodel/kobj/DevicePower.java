package io.netmodel.kobj;

import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import java.util.List;

/**
 * {@code <device>/power/}: the groups {@code dpm_sysfs_add}
 * ({@code drivers/base/power/sysfs.c}) gives every device ({@code struct dev_pm_info}), for a device whose runtime
 * PM is never enabled ({@code pm_runtime_init}: {@code disable_depth} 1, {@code runtime_auto}
 * true, no {@code use_autosuspend}, no wakeup, no latency tolerance). {@code pm_attr_group}
 * ({@code async}) and {@code pm_runtime_attr_group} ({@code runtime_status}, {@code control},
 * {@code runtime_suspended_time}, {@code runtime_active_time}, {@code autosuspend_delay_ms}, and with
 * {@code CONFIG_PM_ADVANCED_DEBUG} {@code runtime_usage}, {@code runtime_active_kids},
 * {@code runtime_enabled}); the model is a kernel built with {@code CONFIG_PM_ADVANCED_DEBUG} and
 * {@code CONFIG_PM_SLEEP}. Same files for lo, physical net devices and workqueue devices.
 */
public final class DevicePower {
    private static final String ENABLED = "enabled";
    private static final String DISABLED = "disabled";

    /** {@code runtime_auto} as {@code power/control} sets it. */
    boolean runtimeAuto = true;
    /** {@code usage_count}. */
    int runtimeUsage;
    /** {@code async_suspend}. */
    boolean asyncSuspend;

    private static final List<Attr<DevicePower>> TABLE = List.of(
        Attr.rw("async", d -> (d.asyncSuspend ? ENABLED : DISABLED) + "\n", DevicePower::storeAsync),
        // autosuspend_delay_ms_show/_store: !dev->power.use_autosuspend → EIO, before any parsing
        Attr.rw("autosuspend_delay_ms", d -> {
            throw new VfsException(Errno.EIO);
        }, (d, data, caller) -> {
            throw new VfsException(Errno.EIO);
        }),
        Attr.rw("control", d -> (d.runtimeAuto ? "auto" : "on") + "\n", DevicePower::storeControl),
        // ignore_children is false, child_count 0: a net device has no runtime-PM children
        Attr.ro("runtime_active_kids", d -> "0\n"),
        // pm_runtime_active_time / _suspended_time: update_pm_runtime_accounting does nothing while
        // disable_depth > 0, so both stay 0 ms
        Attr.ro("runtime_active_time", d -> "0\n"),
        Attr.ro("runtime_enabled", DevicePower::runtimeEnabled),
        // runtime_status_show: disable_depth → "unsupported" (no runtime_error)
        Attr.ro("runtime_status", d -> "unsupported\n"),
        Attr.ro("runtime_suspended_time", d -> "0\n"),
        Attr.ro("runtime_usage", d -> d.runtimeUsage + "\n"));

    /** Creates {@code devDir/power/} showing this state. */
    public void populate(KDir devDir, KernelProfile profile) {
        Attr.populate(devDir.dir("power"), this, TABLE, profile, KAttr.Flavor.SYSFS);
    }

    /**
     * {@code control_store}: {@code sysfs_streq} with {@code "auto"} → {@code pm_runtime_allow}
     * (drops the usage count {@code pm_runtime_forbid} took), {@code "on"} → {@code pm_runtime_forbid}
     * (takes one; the resume it asks for fails quietly while runtime PM is disabled), else EINVAL.
     * No capability check beyond the file mode.
     */
    private static int storeControl(DevicePower d, byte[] data, Caller caller) throws VfsException {
        if (sysfsStreq(data, "auto")) {
            if (!d.runtimeAuto) {
                d.runtimeAuto = true;
                d.runtimeUsage--;
            }
        } else if (sysfsStreq(data, "on")) {
            if (d.runtimeAuto) {
                d.runtimeAuto = false;
                d.runtimeUsage++;
            }
        } else {
            throw new VfsException(Errno.EINVAL);
        }
        return data.length;
    }

    /** {@code async_store}: {@code "enabled"} / {@code "disabled"} ({@code sysfs_streq}), else EINVAL. */
    private static int storeAsync(DevicePower d, byte[] data, Caller caller) throws VfsException {
        if (sysfsStreq(data, ENABLED)) {
            d.asyncSuspend = true;
        } else if (sysfsStreq(data, DISABLED)) {
            d.asyncSuspend = false;
        } else {
            throw new VfsException(Errno.EINVAL);
        }
        return data.length;
    }

    /** {@code runtime_enabled_show} with {@code disable_depth} > 0. */
    private static String runtimeEnabled(DevicePower d) {
        return d.runtimeAuto ? "disabled\n" : "disabled & forbidden\n";
    }

    private static boolean sysfsStreq(byte[] data, String word) {
        return Kstrtox.sysfsStreq(data, word);
    }
}
