package io.netmodel.api.sched;

import java.util.BitSet;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The model's tasks and the scheduler syscalls on them ({@code kernel/sched/syscalls.c}).
 * Each call sees one consistent instant of the model.
 */
@ProviderType
public interface TaskService {
    /** All tasks in pid order. */
    List<TaskInfo> tasks();

    /** {@code find_task_by_vpid}; ESRCH when there is none. */
    TaskInfo task(int pid) throws SchedException;

    /**
     * {@code sched_setscheduler(pid, policy, {priority})}: ESRCH for an unknown pid; EINVAL for
     * a priority outside 1..99 with FIFO/RR or non-zero with OTHER/BATCH/IDLE, and for
     * DEADLINE (the model takes no deadline parameters). Nice is kept.
     */
    void setScheduler(int pid, SchedPolicy policy, int priority) throws SchedException;

    /**
     * {@code sched_setaffinity(pid, mask)}: ESRCH for an unknown pid; EINVAL for a task with
     * {@code PF_NO_SETAFFINITY} or a mask with no online CPU. Bits beyond the last CPU are
     * ignored. The task moves to an allowed CPU when its current one is no longer allowed.
     */
    void setAffinity(int pid, BitSet mask) throws SchedException;

    /** {@code nr_cpu_ids}: the number of possible (here: online) CPUs. */
    int nrCpuIds();

    /** Every NAPI of every registered device with its threaded mode and kthread, in ifindex then id order. */
    List<NapiThread> napiThreads();
}
