package io.netmodel.shell.cmd.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.sched.NapiThread;
import io.netmodel.api.sched.SchedException;
import io.netmodel.api.sched.SchedPolicy;
import io.netmodel.api.sched.TaskInfo;
import io.netmodel.api.sched.TaskService;
import io.netmodel.api.vfs.Errno;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON read form of chrt and taskset on one task, and its refusals. */
class TaskJsonTest {
    private static final TaskService ONE_TASK = new TaskService() {
        @Override
        public List<TaskInfo> tasks() {
            return List.of();
        }

        @Override
        public TaskInfo task(int pid) throws SchedException {
            if (pid != 9) {
                throw new SchedException(Errno.ESRCH, "no such process");
            }
            BitSet cpus = new BitSet();
            cpus.set(2);
            return new TaskInfo(9, "napi/eth0-257", SchedPolicy.FIFO, 50, 0, cpus, 2, true, false);
        }

        @Override
        public void setScheduler(int pid, SchedPolicy policy, int priority) {
        }

        @Override
        public void setAffinity(int pid, BitSet mask) {
        }

        @Override
        public int nrCpuIds() {
            return 8;
        }

        @Override
        public List<NapiThread> napiThreads() {
            return List.of();
        }
    };

    private static String[] run(String tool, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = TaskJson.print(tool, ONE_TASK, List.of(args), new PrintWriter(o, true), new PrintWriter(e, true));
        return new String[] {Integer.toString(code), o.toString(), e.toString()};
    }

    @Test
    void the_read_form_prints_the_task() {
        String[] r = run("chrt", "--json", "-p", "9");
        assertEquals("0", r[0], r[2]);
        assertEquals("{\n  \"pid\": 9,\n  \"comm\": \"napi/eth0-257\",\n  \"policy\": \"SCHED_FIFO\",\n  \"rtprio\": 50,\n"
            + "  \"nice\": 0,\n  \"cpus_allowed_list\": \"2\",\n  \"cpu\": 2\n}\n", r[1]);
    }

    @Test
    void unknown_pids_and_other_forms_are_refused() {
        assertEquals("taskset: failed to get pid 7's affinity: No such process\n", run("taskset", "--json", "-p", "7")[2]);
        assertEquals("chrt: --json is for the read form only: chrt --json -p PID\n", run("chrt", "--json", "-f", "-p", "50", "9")[2]);
        assertEquals("chrt: invalid PID argument: 'x'\n", run("chrt", "-p", "x", "--json")[2]);
    }
}
