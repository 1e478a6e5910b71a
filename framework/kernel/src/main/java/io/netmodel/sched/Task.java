package io.netmodel.sched;

import io.netmodel.api.sched.SchedPolicy;
import io.netmodel.api.sched.TaskInfo;
import java.util.BitSet;

/**
 * A {@code struct task_struct}, as far as the scheduler syscalls and {@code ps} see it: pid,
 * {@code comm}, policy and {@code rt_priority}, nice, {@code cpus_mask}, the CPU it last ran
 * on, and the flags {@code PF_KTHREAD} and {@code PF_NO_SETAFFINITY}. Model-thread only.
 */
public final class Task {
    /** {@code TASK_COMM_LEN} - 1: {@code set_task_comm} truncates to 15 characters. */
    static final int COMM_MAX = 15;

    final int pid;
    final String comm;
    final boolean kthread;
    final boolean noSetAffinity;
    SchedPolicy policy = SchedPolicy.OTHER;
    int rtPriority;
    int nice;
    final BitSet cpusAllowed;
    int cpu;
    boolean dead;

    Task(int pid, String comm, boolean kthread, boolean noSetAffinity, BitSet cpusAllowed, int cpu) {
        this.pid = pid;
        this.comm = comm.length() > COMM_MAX ? comm.substring(0, COMM_MAX) : comm;
        this.kthread = kthread;
        this.noSetAffinity = noSetAffinity;
        this.cpusAllowed = (BitSet) cpusAllowed.clone();
        this.cpu = cpu;
    }

    public int pid() {
        return pid;
    }

    public String comm() {
        return comm;
    }

    public SchedPolicy policy() {
        return policy;
    }

    public int rtPriority() {
        return rtPriority;
    }

    /** {@code p->cpus_mask} (a copy). */
    public BitSet cpusAllowed() {
        return (BitSet) cpusAllowed.clone();
    }

    /** {@code task_cpu(p)}. */
    public int cpu() {
        return cpu;
    }

    /** The first CPU at or after {@code from} that {@code p->cpus_mask} allows, or -1. */
    public int nextAllowedCpu(int from) {
        return cpusAllowed.nextSetBit(from);
    }

    /**
     * The scheduler moves the task to {@code cpu} ({@code set_task_cpu}: a wake-up's placement,
     * the load balancer's pull); its mask must allow it.
     */
    public void moveTo(int cpu) {
        if (!cpusAllowed.get(cpu)) {
            throw new IllegalArgumentException(comm + " may not run on CPU " + cpu);
        }
        this.cpu = cpu;
    }

    /** Whether {@code kthread_stop} has reaped it. */
    public boolean dead() {
        return dead;
    }

    /** A snapshot for the API. */
    public TaskInfo info() {
        return new TaskInfo(pid, comm, policy, rtPriority, nice, cpusAllowed, cpu, kthread, noSetAffinity);
    }
}
