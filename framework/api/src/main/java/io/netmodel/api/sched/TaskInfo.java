package io.netmodel.api.sched;

import java.util.BitSet;

/**
 * One task as {@code /proc/PID/stat} and the scheduler syscalls show it, at one instant.
 *
 * @param pid the task's pid (kernel threads are their own thread group)
 * @param comm {@code task->comm}, at most 15 characters ({@code TASK_COMM_LEN} - 1)
 * @param policy the scheduling policy
 * @param rtPriority {@code rt_priority}: 1..99 for FIFO/RR, 0 otherwise
 * @param nice the nice value (-20..19); meaningful for the fair classes
 * @param cpusAllowed {@code p->cpus_mask} (a copy)
 * @param cpu the CPU it last ran on ({@code task_cpu}, {@code ps}'s PSR)
 * @param kthread {@code PF_KTHREAD}
 * @param noSetAffinity {@code PF_NO_SETAFFINITY}: bound per-CPU kthreads refuse affinity changes
 */
public record TaskInfo(int pid, String comm, SchedPolicy policy, int rtPriority, int nice, BitSet cpusAllowed,
                       int cpu, boolean kthread, boolean noSetAffinity) {
    public TaskInfo {
        cpusAllowed = (BitSet) cpusAllowed.clone();
    }

    @Override
    public BitSet cpusAllowed() {
        return (BitSet) cpusAllowed.clone();
    }
}
