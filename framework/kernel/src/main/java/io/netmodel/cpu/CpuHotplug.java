package io.netmodel.cpu;

import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code cpu_online_mask} and CPU hotplug ({@code kernel/cpu.c}): which of the host's possible
 * CPUs are online, and taking one down or bringing it up as a write to
 * {@code /sys/devices/system/cpu/cpuN/online} does ({@code device_offline} →
 * {@code cpu_device_down}, {@code device_online} → {@code cpu_device_up}).
 *
 * <p><b>Down.</b> The last online CPU cannot go (EBUSY: {@code cpu_down_maps_locked} finds no
 * other housekeeping CPU). Otherwise the CPU leaves the online mask first ({@code __cpu_disable}:
 * {@code remove_cpu_from_maps}), then the teardown callbacks run, last registered first, as the
 * hotplug states tear down in reverse: the IRQs move off it ({@code fixup_irqs}), tasks leave it
 * or park, its softnet work moves to a live CPU ({@code dev_cpu_dead}), its {@code topology/}
 * goes. Then the kernel log says {@code smpboot: CPU N is now offline}.
 *
 * <p><b>Up.</b> The log says {@code smpboot: Booting Node 0 Processor N APIC 0xN} (x86
 * {@code announce_cpu} after boot; the model's APIC ids are the CPU numbers, as on the
 * reference guest), the CPU joins the mask, the callbacks run in registration order. IRQs that
 * moved away stay where they went (only managed IRQs, which no modelled driver uses, return).
 *
 * <p>Taking down a CPU that is offline, or bringing up one that is online, succeeds and does
 * nothing ({@code device_offline}/{@code device_online} return 1 and the store the byte count).
 * CPU 0 has no {@code online} file on x86 (no {@code CONFIG_BOOTPARAM_HOTPLUG_CPU0}), so it is
 * always online. Checked on the reference 6.18 guest by taking its CPU 1 down and up.
 */
public final class CpuHotplug {
    /** What a hotplug state does when a CPU goes down and comes up. */
    public interface Callback {
        /** {@code cpu} has left the online mask; move what was on it. */
        void cpuDown(int cpu);

        /** {@code cpu} has joined the online mask. */
        void cpuUp(int cpu);
    }

    private final int possible;
    private long online;
    private final List<Callback> callbacks = new ArrayList<>();
    private final Consumer<String> log;

    /**
     * {@code possible} CPUs, all online ({@code smp_init} brought each up at boot).
     *
     * @param log the kernel log ({@code printk})
     */
    public CpuHotplug(int possible, Consumer<String> log) {
        if (possible < 1 || possible > 64) {
            throw new IllegalArgumentException("1 to 64 CPUs: " + possible);
        }
        this.possible = possible;
        this.online = possible == 64 ? -1L : (1L << possible) - 1;
        this.log = log;
    }

    /** {@code nr_cpu_ids}: the possible CPUs, 0 to {@code possible() - 1}. */
    public int possible() {
        return possible;
    }

    /** {@code cpu_online_mask}, one bit per CPU. */
    public long onlineMask() {
        return online;
    }

    /** The possible CPUs that are not online ({@code print_cpus_offline}'s first part), one bit per CPU. */
    public long offlineMask() {
        return ~online & (possible == 64 ? -1L : (1L << possible) - 1);
    }

    /** {@code cpu_online_mask} as a bitmap. */
    public BitSet onlineSet() {
        return io.netmodel.kobj.Bitmap.ofLong(online);
    }

    /** {@code cpu_possible_mask} as a bitmap. */
    public BitSet possibleSet() {
        BitSet b = new BitSet();
        b.set(0, possible);
        return b;
    }

    /** {@code cpu_online(cpu)}. */
    public boolean online(int cpu) {
        return cpu >= 0 && cpu < possible && (online & (1L << cpu)) != 0;
    }

    /** {@code num_online_cpus()}. */
    public int numOnline() {
        return Long.bitCount(online);
    }

    /** The first online CPU: where the model runs what the hotplug control thread would. */
    public int firstOnline() {
        return Long.numberOfTrailingZeros(online);
    }

    /** What a user types to bring {@code cpu} up in the model (for messages that need it online). */
    public static String bringUpCommand(int cpu) {
        return "netmodel write /sys/devices/system/cpu/cpu" + cpu + "/online 1";
    }

    /** Whether {@code cpu} has an {@code online} file (every CPU but 0 on x86). */
    public static boolean hotpluggable(int cpu) {
        return cpu != 0;
    }

    /** Adds a hotplug state's callbacks (teardown runs them last first). */
    public void register(Callback c) {
        callbacks.add(c);
    }

    /** Removes callbacks added with {@link #register} ({@code cpuhp_state_remove_instance_nocalls}). */
    public void unregister(Callback c) {
        callbacks.remove(c);
    }

    /**
     * {@code cpu_device_down}: see the class comment.
     *
     * @throws VfsException EBUSY for the last online CPU
     */
    public void down(int cpu) throws VfsException {
        check(cpu);
        if (!online(cpu)) {
            return;
        }
        if (numOnline() == 1) {
            throw new VfsException(Errno.EBUSY);
        }
        online &= ~(1L << cpu);
        for (int i = callbacks.size() - 1; i >= 0; i--) {
            callbacks.get(i).cpuDown(cpu);
        }
        log.accept("smpboot: CPU " + cpu + " is now offline");
    }

    /** {@code cpu_device_up}: see the class comment. */
    public void up(int cpu) {
        check(cpu);
        if (online(cpu)) {
            return;
        }
        log.accept("smpboot: Booting Node " + NodeSysfs.NODE + " Processor " + cpu + " APIC 0x" + Integer.toHexString(cpu));
        online |= 1L << cpu;
        for (Callback c : callbacks) {
            c.cpuUp(cpu);
        }
    }

    private void check(int cpu) {
        if (cpu < 0 || cpu >= possible) {
            throw new IllegalArgumentException("no CPU " + cpu + " (possible: 0-" + (possible - 1) + ")");
        }
    }
}
