package io.netmodel.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netmodel.api.sched.SchedException;
import io.netmodel.api.sched.SchedPolicy;
import io.netmodel.api.vfs.Errno;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTableTest {
    private static BitSet cpus(int... c) {
        BitSet b = new BitSet();
        for (int i : c) {
            b.set(i);
        }
        return b;
    }

    private static int errno(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(SchedException.class, e).errno();
    }

    @Test
    void boot_threads_in_creation_order_with_their_classes() {
        TaskTable t = new TaskTable(2);
        List<String> rows = new ArrayList<>();
        for (Task task : t.tasks()) {
            rows.add(task.pid() + " " + task.comm() + " " + task.policy() + " " + task.rtPriority() + " "
                + task.cpusAllowed() + " " + task.cpu() + " " + task.noSetAffinity);
        }
        assertEquals(List.of(
            "2 kthreadd OTHER 0 {0, 1} 0 false",
            "3 ksoftirqd/0 OTHER 0 {0} 0 true",
            "4 migration/0 FIFO 99 {0} 0 true",
            "5 cpuhp/0 OTHER 0 {0} 0 true",
            "6 cpuhp/1 OTHER 0 {1} 1 true",
            "7 migration/1 FIFO 99 {1} 1 true",
            "8 ksoftirqd/1 OTHER 0 {1} 1 true"), rows);
    }

    @Test
    void setscheduler_checks_priority_per_policy() throws Exception {
        TaskTable t = new TaskTable(4);
        Task k = t.kthread("napi/eth0-257", t.all(), 0, false);
        t.setScheduler(k.pid(), SchedPolicy.FIFO, 50);
        assertEquals(SchedPolicy.FIFO, k.policy());
        assertEquals(50, k.rtPriority());
        assertEquals(Errno.EINVAL, errno(() -> t.setScheduler(k.pid(), SchedPolicy.FIFO, 0)));
        assertEquals(Errno.EINVAL, errno(() -> t.setScheduler(k.pid(), SchedPolicy.RR, 100)));
        assertEquals(Errno.EINVAL, errno(() -> t.setScheduler(k.pid(), SchedPolicy.OTHER, 1)));
        assertEquals(Errno.EINVAL, errno(() -> t.setScheduler(k.pid(), SchedPolicy.BATCH, -1)));
        assertEquals(Errno.EINVAL, errno(() -> t.setScheduler(k.pid(), SchedPolicy.DEADLINE, 0)));
        assertEquals(SchedPolicy.FIFO, k.policy(), "a refused call changes nothing");
        assertEquals(50, k.rtPriority());
        t.setScheduler(k.pid(), SchedPolicy.OTHER, 0);
        assertEquals(0, k.rtPriority());
        assertEquals(Errno.ESRCH, errno(() -> t.setScheduler(9999, SchedPolicy.FIFO, 1)));
    }

    @Test
    void setaffinity_refuses_bound_kthreads_and_masks_without_an_online_cpu() throws Exception {
        TaskTable t = new TaskTable(4);
        Task k = t.kthread("napi/eth0-257", t.all(), 0, false);
        t.setAffinity(k.pid(), cpus(2));
        assertEquals(cpus(2), k.cpusAllowed());
        assertEquals(2, k.cpu(), "moved off a CPU it may no longer use");
        t.setAffinity(k.pid(), cpus(1, 2, 3, 40));
        assertEquals(cpus(1, 2, 3), k.cpusAllowed(), "CPUs beyond nr_cpu_ids are dropped");
        assertEquals(2, k.cpu(), "stays where it is while allowed");
        assertEquals(Errno.EINVAL, errno(() -> t.setAffinity(k.pid(), cpus(4, 7))));
        assertEquals(Errno.EINVAL, errno(() -> t.setAffinity(k.pid(), new BitSet())));
        assertEquals(cpus(1, 2, 3), k.cpusAllowed());
        int ksoftirqd = t.tasks().stream().filter(x -> x.comm().equals("ksoftirqd/0")).findFirst().orElseThrow().pid();
        assertEquals(Errno.EINVAL, errno(() -> t.setAffinity(ksoftirqd, cpus(0, 1))), "PF_NO_SETAFFINITY");
        assertEquals(Errno.ESRCH, errno(() -> t.setAffinity(9999, cpus(0))));
    }

    @Test
    void a_stopped_kthread_is_gone_and_its_pid_is_not_reused() {
        TaskTable t = new TaskTable(2);
        Task a = t.kthread("napi/eth0-257", t.all(), 0, false);
        t.stop(a);
        assertNull(t.find(a.pid()));
        Task b = t.kthread("napi/eth0-257", t.all(), 0, false);
        assertEquals(a.pid() + 1, b.pid());
        assertEquals("napi/enp0s31f6-", t.kthread("napi/enp0s31f6-8193", t.all(), 0, false).comm(),
            "TASK_COMM_LEN truncates to 15 characters");
    }
}
