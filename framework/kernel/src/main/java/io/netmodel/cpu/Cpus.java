package io.netmodel.cpu;

import java.util.ArrayList;
import java.util.List;

/**
 * The host's CPUs as the accounting code sees them: one {@link CpuStat} per possible CPU (an
 * offline one keeps its counts), which are online ({@link CpuHotplug}), the boot time and the
 * fork count. Owned by the Kernel; read
 * by {@code /proc/stat} and {@code /proc/softirqs}.
 */
public final class Cpus {
    private final List<CpuStat> cpus;
    private final long btime;
    private final CpuHotplug hotplug;
    /** {@code total_forks}: tasks created since boot ({@code processes} in /proc/stat). */
    public long totalForks;

    /** {@code count} CPUs that stay online (for tests of the accounting alone). */
    public Cpus(int count, long btime) {
        this(new CpuHotplug(count, line -> { }), btime);
    }

    /**
     * @param hotplug the possible CPUs and which are online
     * @param btime boot time, wall-clock seconds since the epoch ({@code getboottime64})
     */
    public Cpus(CpuHotplug hotplug, long btime) {
        this.hotplug = hotplug;
        int count = hotplug.possible();
        List<CpuStat> list = new ArrayList<>(count);
        for (int cpu = 0; cpu < count; cpu++) {
            list.add(new CpuStat(cpu));
        }
        this.cpus = List.copyOf(list);
        this.btime = btime;
    }

    /** {@code nr_cpu_ids}: the possible CPUs, online or not. */
    public int count() {
        return cpus.size();
    }

    /** {@code cpu_online(cpu)}. */
    public boolean online(int cpu) {
        return hotplug.online(cpu);
    }

    public CpuStat cpu(int cpu) {
        return cpus.get(cpu);
    }

    /** All CPUs in id order. */
    public List<CpuStat> all() {
        return cpus;
    }

    /** When the modelled host booted, in wall-clock seconds ({@code btime}). */
    public long btime() {
        return btime;
    }

    /** {@code nr_context_switches()}: the sum of every CPU's switches. */
    public long nrContextSwitches() {
        long sum = 0;
        for (CpuStat c : cpus) {
            sum += c.nrSwitches;
        }
        return sum;
    }

    /**
     * {@code nr_running()} as a reader sees it: the model's runnable tasks plus the reading
     * process itself, which a real kernel counts (it is running while it reads) but which is
     * not a model task. So an idle model shows {@code procs_running 1}, as a real idle host does.
     */
    public int nrRunning() {
        int sum = 1;
        for (CpuStat c : cpus) {
            sum += c.nrRunning;
        }
        return sum;
    }

    /** {@code nr_iowait()}: tasks blocked on I/O ({@code procs_blocked}). */
    public int nrIowait() {
        int sum = 0;
        for (CpuStat c : cpus) {
            sum += c.nrIowait;
        }
        return sum;
    }
}
