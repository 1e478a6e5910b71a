package io.netmodel.shell.cmd.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.netlink.NetdevFamily;
import io.netmodel.api.sched.TaskService;
import io.netmodel.shell.Layout;
import io.netmodel.shell.ModelHost;
import io.netmodel.shell.TestDirs;
import io.netmodel.shell.cmd.sched.Chrt;
import io.netmodel.shell.cmd.sched.Ps;
import io.netmodel.shell.cmd.sched.Taskset;
import io.netmodel.shell.cmd.ynl.Ynl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * ynl, ps, chrt and taskset on a real kernel bundle in Felix (6.19, 2 CPUs, virtio_net with
 * two queue pairs): seed 001's calls in the order its script makes them, each output against
 * a golden file, and the bad input the script's slips produce.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ToolsOnModelTest {
    private static ModelHost host;
    private static NetdevFamily netdev;
    private static TaskService tasks;

    record Run(int code, String out, String err) {
        String all() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @BeforeAll
    static void boot() throws Exception {
        Layout layout = Layout.fromEnvironment();
        Path cache = TestDirs.felixCache();
        host = ModelHost.boot(new ModelHost.Config("6.19", 2, "virtio_net", 2), layout.systemDir(),
            layout.bundlesDir(), cache);
        host.modprobe("virtio_net", Map.of());
        netdev = host.netdevFamily().orElseThrow();
        tasks = host.tasks().orElseThrow();
    }

    @AfterAll
    static void close() {
        host.close();
    }

    private static Run ynl(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = new Ynl(netdev).run(List.of(args), new PrintWriter(o, true), new PrintWriter(e, true));
        return new Run(code, o.toString(), e.toString());
    }

    private static Run chrt(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = new Chrt(tasks).run(List.of(args), new PrintWriter(o, true), new PrintWriter(e, true));
        return new Run(code, o.toString(), e.toString());
    }

    private static Run taskset(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = new Taskset(tasks).run(List.of(args), new PrintWriter(o, true), new PrintWriter(e, true));
        return new Run(code, o.toString(), e.toString());
    }

    private static Run ps(List<String> cols, boolean json) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = new Ps(tasks).run(cols, null, json, new PrintWriter(o, true), new PrintWriter(e, true));
        return new Run(code, o.toString(), e.toString());
    }

    /** procps 4.0.2's {@code -p} and {@code NAME=HEADER}, as this host's ps answers them. */
    @Test
    @Order(1)
    void ps_selects_by_pid_and_renames_or_hides_headers() throws Exception {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        assertEquals(0, new Ps(tasks).run(List.of("comm="), java.util.Set.of(2), false, new PrintWriter(o, true),
            new PrintWriter(e, true)));
        assertEquals("kthreadd\n", o.toString(), "ps -p 2 -o comm=: no header line");
        o.getBuffer().setLength(0);
        new Ps(tasks).run(List.of("comm=", "pid"), java.util.Set.of(2), false, new PrintWriter(o, true), new PrintWriter(e, true));
        assertEquals("                  PID\nkthreadd            2\n", o.toString(), "ps -o comm=,pid -p 2");
        o.getBuffer().setLength(0);
        new Ps(tasks).run(List.of("pid", "comm=LONGERHEADER"), java.util.Set.of(2), false, new PrintWriter(o, true),
            new PrintWriter(e, true));
        assertEquals("  PID LONGERHEADER\n    2 kthreadd\n", o.toString());
        o.getBuffer().setLength(0);
        new Ps(tasks).run(List.of("class", "pid"), java.util.Set.of(2), false, new PrintWriter(o, true), new PrintWriter(e, true));
        assertEquals("CLS   PID\nTS      2\n", o.toString(), "class is left-justified, cls right");
        o.getBuffer().setLength(0);
        assertEquals(1, new Ps(tasks).run(List.of("pid", "comm"), java.util.Set.of(99999), false, new PrintWriter(o, true),
            new PrintWriter(e, true)));
        assertEquals("  PID COMMAND\n", o.toString(), "none selected: the header, exit 1");
        assertEquals(java.util.Set.of(2, 3), io.netmodel.shell.cmd.sched.PsCommand.pids(List.of("2,3")));
        assertEquals(java.util.Set.of(2, 3), io.netmodel.shell.cmd.sched.PsCommand.pids(List.of("2 3")));
        for (String[] bad : new String[][] {{"abc", "process ID list syntax error"}, {"0", "process ID out of range"},
            {"2,", "improper list"}}) {
            IllegalArgumentException x = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> io.netmodel.shell.cmd.sched.PsCommand.pids(List.of(bad[0])));
            assertEquals(bad[1], x.getMessage());
        }
    }

    @Test
    @Order(1)
    void dumps_before_any_change() throws Exception {
        ToolGolden.check("ynl-dump-napi-get.txt", ynl("--family", "netdev", "--dump", "napi-get").all());
        ToolGolden.check("ynl-dump-queue-get.txt", ynl("--family", "netdev", "--dump", "queue-get").all());
        ToolGolden.check("ynl-dump-dev-get.json", ynl("--family", "netdev", "--dump", "dev-get", "--output-json").all());
        ToolGolden.check("ynl-dump-qstats-get.txt", ynl("--family", "netdev", "--dump", "qstats-get", "--json", "{\"scope\": \"queue\"}").all()
            + ynl("--family", "netdev", "--dump", "qstats-get").all());
        ToolGolden.check("ps.txt", ps(Ps.DEFAULT, false).all());
    }

    @Test
    @Order(2)
    void the_seed_script_slips_fail_as_the_real_tools_do() throws Exception {
        // IFINDEX unset: '{"ifindex": , "id": 0, "type": "rx"}'
        Run r = ynl("--family", "netdev", "--output-json", "--do", "queue-get", "--json", "{\"ifindex\": , \"id\": 0, \"type\": \"rx\"}");
        ToolGolden.check("ynl-bad-json.txt", r.all());
        // no --do: ynl sends nothing and says nothing
        r = ynl("--family", "netdev", "--json", "{\"id\": \"257\", \"threaded\": \"busy-poll\"}");
        assertEquals(new Run(0, "", ""), r);
        assertTrue(ynl("--family", "netdev", "--do", "napi-get", "--json", "{\"id\": 257}").out().contains("'threaded': 'disabled'"));
        // so NAPI_T is jq's null and chrt/taskset get "null"
        ToolGolden.check("chrt-null.txt", chrt("-f", "-p", "50", "null").all());
        ToolGolden.check("taskset-null.txt", taskset("-pc", "2", "null").all());
    }

    @Test
    @Order(3)
    void the_corrected_script_sets_busy_poll_fifo_50_on_cpu_1() throws Exception {
        Run q = ynl("--family", "netdev", "--output-json", "--do", "queue-get", "--json", "{\"ifindex\": 2, \"id\": 0, \"type\": \"rx\"}");
        ToolGolden.check("ynl-queue-get.json", q.all());
        Run set = ynl("--family", "netdev", "--do", "napi-set", "--json", "{\"id\": \"257\", \"threaded\": \"busy-poll\"}");
        ToolGolden.check("ynl-napi-set.txt", set.all());
        Run get = ynl("--family", "netdev", "--output-json", "--do", "napi-get", "--json", "{\"id\": \"257\"}");
        ToolGolden.check("ynl-napi-get.json", get.all());
        ToolGolden.check("ynl-napi-get.txt", ynl("--family", "netdev", "--do", "napi-get", "--json", "{\"id\": 257}").all());
        String pid = get.out().replaceAll("(?s).*\"pid\": ([0-9]+).*", "$1").trim();
        ToolGolden.check("chrt-set.txt", (chrt("-f", "-p", "50", pid).all() + chrt("-p", pid).all()).replace(pid, "PID"));
        ToolGolden.check("taskset-set.txt", (taskset("-pc", "1", pid).all() + taskset("-p", pid).all()).replace(pid, "PID"));
        ToolGolden.check("ps-after.txt", ps(List.of("pid", "tid", "cls", "rtprio", "ni", "pri", "psr", "comm"), false).all());
        ToolGolden.check("ps-after.json", ps(Ps.DEFAULT, true).all());
        var t = tasks.napiThreads().get(0);
        assertEquals("BUSY_POLL FIFO 50 {1}", t.threaded() + " " + t.kthread().policy() + " " + t.kthread().rtPriority()
            + " " + t.kthread().cpusAllowed());
    }

    @Test
    @Order(4)
    void errors() throws Exception {
        StringBuilder sb = new StringBuilder();
        String[][] cases = {
            {"--family", "netdev", "--do", "napi-get", "--json", "{\"id\": 999}"},
            {"--family", "netdev", "--do", "napi-set", "--json", "{\"id\": 257, \"threaded\": 3}"},
            {"--family", "netdev", "--do", "napi-set", "--json", "{\"id\": 257, \"defer-hard-irqs\": 2147483648}"},
            {"--family", "netdev", "--do", "queue-get", "--json", "{\"ifindex\": 2, \"type\": \"rx\"}"},
            {"--family", "netdev", "--do", "queue-get", "--json", "{\"ifindex\": 99, \"id\": 0, \"type\": \"rx\"}"},
            {"--family", "netdev", "--do", "napi-set", "--json", "{\"id\": 257, \"threaded\": \"busypoll\"}"},
            {"--family", "netdev", "--do", "napi-get", "--json", "{\"id\": \"null\"}"},
            {"--family", "netdev", "--do", "napi-get", "--json", "{\"id\": -1}"},
            {"--family", "netdev", "--do", "napi-get", "--json", "{\"id\": 4294967296}"},
            {"--family", "netdev", "--do", "napi-get", "--json", "{\"idx\": 1}"},
            {"--family", "netdev", "--do", "napi-gte"},
            {"--family", "netdev", "--dump", "napi-set"},
            {"--family", "nosuch", "--do", "napi-get"},
            {"--family", "netdev", "--do"},
            {"--family", "netdev", "--do", "napi-get", "--dump", "napi-get"},
            {"--do", "napi-get"},
            {"--family", "netdev", "extra"},
            {"--family", "netdev", "--dump", "qstats-get", "--json", "{\"ifindex\": 1}"},
            {"--family", "netdev", "--dump", "qstats-get", "--json", "{\"ifindex\": 99, \"scope\": \"queue\"}"},
            {"--family", "netdev", "--dump", "qstats-get", "--json", "{\"scope\": 2}"},
            {"--family", "netdev", "--do", "qstats-get", "--json", "{\"ifindex\": 2}"},
            {"--family", "netdev", "--list-ops"},
        };
        for (String[] c : cases) {
            sb.append("$ ynl ").append(String.join(" ", c)).append('\n').append(ynl(c).all()).append('\n');
        }
        String[][] chrts = {{"-p", "99999"}, {"-f", "-p", "100", "2"}, {"-o", "-p", "5", "2"}, {"-f", "50", "taskset"},
            {"-p"}, {"-x"}, {"-d", "-p", "0", "2"}, {"-m"}, {"-v", "-r", "-p", "10", "2"}, {"-o", "-p", "0", "2"}};
        for (String[] c : chrts) {
            sb.append("$ chrt ").append(String.join(" ", c)).append('\n').append(chrt(c).all()).append('\n');
        }
        String[][] tsets = {{"-p", "99999"}, {"-pc", "0", "3"}, {"-pc", "5-3", "2"}, {"-p", "zz", "2"}, {"-p", "4", "2"},
            {"-c", "3-5", "./xsk_rr"}, {"-p"}, {"-p", "0x3", "2"}};
        for (String[] c : tsets) {
            sb.append("$ taskset ").append(String.join(" ", c)).append('\n').append(taskset(c).all()).append('\n');
        }
        sb.append("$ ps -o pid,foo\n").append(ps(List.of("pid", "foo"), false).all());
        ToolGolden.check("errors.txt", sb.toString());
    }

    /** A uint attribute past 2^63 (gro-flush-timeout u64 max) reads back as the unsigned number, not -1. */
    @Test
    @Order(99)
    void a_u64_past_2_63_reads_back_unsigned() {
        assertEquals(0, ynl("--family", "netdev", "--do", "napi-set", "--json",
            "{\"id\": 257, \"gro-flush-timeout\": 18446744073709551615}").code());
        String got = ynl("--family", "netdev", "--do", "napi-get", "--json", "{\"id\": 257}").out();
        ynl("--family", "netdev", "--do", "napi-set", "--json", "{\"id\": 257, \"gro-flush-timeout\": 0}");
        assertTrue(got.contains("'gro-flush-timeout': 18446744073709551615"), got);
    }
}
