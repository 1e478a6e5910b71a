package io.netmodel.sched;

import io.netmodel.api.sched.SchedException;
import io.netmodel.api.sched.SchedPolicy;
import io.netmodel.api.vfs.Errno;
import io.netmodel.cpu.CpuHotplug;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pid space of the (single) pid namespace with the tasks that matter to the receive path:
 * {@code kthreadd} and, per CPU, the smpboot threads {@code cpuhp/N}, {@code migration/N}
 * and {@code ksoftirqd/N} in the order a booting kernel creates them (CPU 0's from early
 * initcalls, then each CPU brought up by {@code smp_init}); then the kthreads the network core
 * starts ({@code napi/<ifname>-<id>}), and the one user thread the model runs: live traffic's
 * socket reader ({@link #userThread}). Other kernel threads and user processes are not modelled.
 * Pids come from {@code alloc_pid}'s cyclic counter and are not reused while it climbs.
 */
public final class TaskTable {
    /** {@code MAX_RT_PRIO} - 1: the highest {@code rt_priority} ({@code sched_get_priority_max}). */
    public static final int MAX_USER_RT_PRIO = 99;

    private final int nrCpus;
    private final CpuHotplug hotplug;
    private final Map<Integer, Task> byPid = new TreeMap<>();
    private int lastPid = 1; // pid 1 is init, not modelled
    /** {@code per_cpu(ksoftirqd, cpu)}. */
    private final Task[] ksoftirqd;

    /** The tasks of a host of {@code nrCpus} CPUs that stay online (for tests of the scheduler calls alone). */
    public TaskTable(int nrCpus) {
        this(new CpuHotplug(nrCpus, line -> { }), line -> { });
    }

    /**
     * The tasks of a host whose CPUs are {@code hotplug}'s. When a CPU goes down its tasks leave
     * it ({@code sched_cpu_dying} → {@code migrate_tasks} → {@code select_fallback_rq}): to the
     * first online CPU their mask allows or, when it allows none, with the mask widened to every
     * possible CPU ({@code cpuset_cpus_allowed_fallback}; the log names a user task, not a kernel
     * thread). The CPU's own smpboot threads ({@code cpuhp/N}, {@code migration/N},
     * {@code ksoftirqd/N}) park there and stay. {@code log} is {@code printk}.
     */
    public TaskTable(CpuHotplug hotplug, java.util.function.Consumer<String> log) {
        int nrCpus = hotplug.possible();
        this.nrCpus = nrCpus;
        this.hotplug = hotplug;
        this.ksoftirqd = new Task[nrCpus];
        kthread("kthreadd", all(), 0, false);
        // CPU 0: spawn_ksoftirqd and cpu_stop_init (early_initcall) before cpuhp_threads_init.
        bootThreads(0, new String[] {"ksoftirqd", "migration", "cpuhp"});
        for (int cpu = 1; cpu < nrCpus; cpu++) {
            bootThreads(cpu, new String[] {"cpuhp", "migration", "ksoftirqd"});
        }
        hotplug.register(new CpuHotplug.Callback() {
            @Override
            public void cpuDown(int cpu) {
                for (Task t : byPid.values()) {
                    if (t.cpu == cpu && !(t.noSetAffinity && t.cpusAllowed.cardinality() == 1)) {
                        leave(t, cpu, log);
                    }
                }
            }

            @Override
            public void cpuUp(int cpu) {
                // parked threads unpark in place; nothing moves back
            }
        });
    }

    /** {@code select_fallback_rq} for {@code t}, whose CPU {@code dead} went down. */
    private void leave(Task t, int dead, java.util.function.Consumer<String> log) {
        BitSet usable = (BitSet) t.cpusAllowed.clone();
        usable.and(hotplug.onlineSet());
        if (usable.isEmpty()) {
            t.cpusAllowed.clear();
            t.cpusAllowed.or(all());
            usable = hotplug.onlineSet();
            if (!t.kthread) {
                log.accept("process " + t.pid + " (" + t.comm + ") no longer affine to cpu" + dead);
            }
        }
        t.cpu = usable.nextSetBit(0);
    }

    private void bootThreads(int cpu, String[] order) {
        for (String name : order) {
            Task t = kthread(name + "/" + cpu, one(cpu), cpu, true);
            if (name.equals("ksoftirqd")) {
                ksoftirqd[cpu] = t;
            }
            if (name.equals("migration")) {
                // cpu_stop_init: sched_set_stop_task shows as SCHED_FIFO 99 (ps: FF 99).
                t.policy = SchedPolicy.FIFO;
                t.rtPriority = MAX_USER_RT_PRIO;
            }
        }
    }

    /** {@code nr_cpu_ids}. */
    public int nrCpus() {
        return nrCpus;
    }

    /**
     * {@code kthread_run}/{@code kthread_create}: a new kernel thread named {@code comm}.
     * {@code bound} is {@code kthread_bind} ({@code PF_NO_SETAFFINITY}, one CPU).
     */
    public Task kthread(String comm, BitSet allowed, int cpu, boolean bound) {
        Task t = new Task(++lastPid, comm, true, bound, allowed, cpu);
        byPid.put(t.pid, t);
        return t;
    }

    /** {@code ksoftirqd/cpu}: the task that runs softirq work handed to it on {@code cpu} ({@code wakeup_softirqd}). */
    public Task ksoftirqd(int cpu) {
        return ksoftirqd[cpu];
    }

    /**
     * A user thread named {@code comm} (a process's only thread: pid = tgid), SCHED_OTHER nice 0,
     * allowed on {@code allowed} and running on {@code cpu}: what {@code fork} and
     * {@code sched_setaffinity} leave for a program pinned with {@code taskset}. It leaves with
     * {@link #stop} ({@code do_exit}).
     */
    public Task userThread(String comm, BitSet allowed, int cpu) {
        Task t = new Task(++lastPid, comm, false, false, allowed, cpu);
        byPid.put(t.pid, t);
        return t;
    }

    /** {@code kthread_stop} (or, for a user thread, {@code do_exit}): the task exits and its pid stops resolving. */
    public void stop(Task t) {
        t.dead = true;
        byPid.remove(t.pid);
    }

    /** {@code find_task_by_vpid}, or null. */
    public Task find(int pid) {
        return byPid.get(pid);
    }

    /** All live tasks in pid order. */
    public List<Task> tasks() {
        return new ArrayList<>(byPid.values());
    }

    /**
     * {@code sched_setscheduler}: {@code find_process_by_pid} (ESRCH), then
     * {@code __sched_setscheduler}'s checks: a valid policy, {@code sched_priority} in
     * 1..99 for FIFO/RR and 0 for the others (EINVAL; {@code valid_policy},
     * {@code __checkparam_dl}, {@code rt_policy(policy) != (attr->sched_priority != 0)}).
     * SCHED_DEADLINE needs {@code sched_setattr} with runtime/deadline/period, so through
     * {@code sched_setscheduler} it is EINVAL. Nice is kept ({@code PRIO_TO_NICE(static_prio)}).
     */
    public void setScheduler(int pid, SchedPolicy policy, int priority) throws SchedException {
        Task t = byPid.get(pid);
        if (t == null) {
            throw new SchedException(Errno.ESRCH, "no task with pid " + pid);
        }
        if (policy == null || policy == SchedPolicy.DEADLINE) {
            throw new SchedException(Errno.EINVAL, "policy not settable with sched_setscheduler");
        }
        if (priority < 0 || priority > MAX_USER_RT_PRIO || policy.isRealtime() != (priority != 0)) {
            throw new SchedException(Errno.EINVAL, "priority " + priority + " is invalid for " + policy.schedName());
        }
        t.policy = policy;
        t.rtPriority = priority;
    }

    /**
     * {@code sched_setaffinity}: ESRCH for no task; EINVAL for {@code PF_NO_SETAFFINITY}
     * (per-CPU kthreads bound with {@code kthread_bind}); the mask is cut to
     * {@code nr_cpu_ids} and must contain an active (online) CPU, else EINVAL
     * ({@code __set_cpus_allowed_ptr_locked}: {@code cpumask_any_and_distribute} finds none).
     * A task whose CPU is no longer allowed moves to the first allowed one.
     */
    public void setAffinity(int pid, BitSet mask) throws SchedException {
        Task t = byPid.get(pid);
        if (t == null) {
            throw new SchedException(Errno.ESRCH, "no task with pid " + pid);
        }
        BitSet allowed = (BitSet) mask.clone();
        if (allowed.length() > nrCpus) {
            allowed.clear(nrCpus, allowed.length());
        }
        BitSet usable = (BitSet) allowed.clone();
        usable.and(hotplug.onlineSet());
        if (t.noSetAffinity || usable.isEmpty()) {
            throw new SchedException(Errno.EINVAL, t.noSetAffinity ? "PF_NO_SETAFFINITY" : "no online CPU in the mask");
        }
        t.cpusAllowed.clear();
        t.cpusAllowed.or(allowed);
        if (!usable.get(t.cpu)) {
            t.cpu = usable.nextSetBit(0);
        }
    }

    /** Every CPU. */
    public BitSet all() {
        BitSet b = new BitSet();
        b.set(0, nrCpus);
        return b;
    }

    private static BitSet one(int cpu) {
        BitSet b = new BitSet();
        b.set(cpu);
        return b;
    }
}
