package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The live traffic's reader is a task the real tools' forms act on, through real processes:
 * {@code netmodel ps} lists it while the traffic runs, {@code chrt -f -p 50 PID} makes it
 * SCHED_FIFO and {@code traffic status} says so at once, {@code taskset -pc 0 PID} moves it,
 * bad input gets util-linux's messages, and the task is gone after {@code traffic stop}.
 */
@Timeout(120)
class RtReaderIT {
    private static final Pattern PID = Pattern.compile("\"pid\": (\\d+)");

    @Test
    void ps_chrt_and_taskset_act_on_the_reader() throws Exception {
        try (RunningModel model = RunningModel.up("--no-mount", "--cpus", "2")) {
            Proc.Result start = model.netmodel("traffic", "start", "--rate", "20000", "--cpu", "1");
            assertEquals(0, start.exit(), start::toString);
            Matcher m = PID.matcher(model.netmodel("traffic", "status", "--json").out());
            assertTrue(m.find());
            String pid = m.group(1);

            Proc.Result ps = model.netmodel("ps", "-eo", "pid,cls,rtprio,psr,comm");
            assertTrue(ps.out().lines().anyMatch(l -> l.matches(" *" + pid + " +TS +- +1 udp_reader")), ps::toString);
            assertTrue(model.netmodel("traffic", "status").out().contains("  reader: pid " + pid + ", SCHED_OTHER\n"));

            Proc.Result chrt = model.netmodel("chrt", "-f", "-p", "50", pid);
            assertEquals(0, chrt.exit(), chrt::toString);
            assertEquals("pid " + pid + "'s current scheduling policy: SCHED_FIFO\npid " + pid
                + "'s current scheduling priority: 50\n", model.netmodel("chrt", "-p", pid).out());
            String status = model.netmodel("traffic", "status").out();
            assertTrue(status.contains("  reader: pid " + pid + ", SCHED_FIFO 50\n"), status);
            String json = model.netmodel("traffic", "status", "--json").out();
            assertTrue(json.contains("\"policy\": \"SCHED_FIFO\"") && json.contains("\"rt_priority\": 50"), json);

            Proc.Result bad = model.netmodel("chrt", "-f", "-p", "100", pid);
            assertEquals(1, bad.exit(), bad::toString);
            assertEquals("chrt: unsupported priority value for the policy: 100: see --max for valid range\n", bad.err());

            Proc.Result taskset = model.netmodel("taskset", "-pc", "0", pid);
            assertEquals(0, taskset.exit(), taskset::toString);
            assertEquals("pid " + pid + "'s current affinity list: 1\npid " + pid + "'s new affinity list: 0\n",
                taskset.out());
            RunningModel.waitFor(() -> model.netmodel("traffic", "status").out().contains("  socket: cpu 0,"));
            assertTrue(model.netmodel("traffic", "status").out().contains("  socket: cpu 0,"), "the reader moved to CPU 0");

            assertEquals(0, model.netmodel("traffic", "stop").exit());
            assertTrue(model.netmodel("ps", "-eo", "pid,comm").out().lines().noneMatch(l -> l.endsWith("udp_reader")));
            Proc.Result gone = model.netmodel("chrt", "-p", pid);
            assertEquals(1, gone.exit(), gone::toString);
            assertEquals("chrt: failed to get pid " + pid + "'s policy: No such process\n", gone.err());
        }
    }
}
