package io.netmodel.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.NodeStat;
import io.netmodel.core.HostSpec;
import io.netmodel.core.Kernel;
import io.netmodel.kernel.Profile;
import io.netmodel.testkit.Host;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /proc/softirqs} byte for byte (fs/proc/softirqs.c {@code show_softirqs}): 20 spaces
 * and {@code CPU%-8d} per CPU, then {@code "%12s:"} and {@code " %10u"} per CPU for the ten
 * vectors of kernel/softirq.c {@code softirq_to_name}; vector 5 is BLOCK_IOPOLL before 4.5.
 */
class ProcSoftirqsTest {
    private static final String HEADER = "                    CPU0       CPU1       \n";

    private static String rows(String vector5, String netRx) {
        return "          HI:          0          0\n"
            + "       TIMER:          0          0\n"
            + "      NET_TX:          0          0\n"
            + "      NET_RX:" + netRx + "\n"
            + "       BLOCK:          0          0\n"
            + vector5 + ":          0          0\n"
            + "     TASKLET:          0          0\n"
            + "       SCHED:          0          0\n"
            + "     HRTIMER:          0          0\n"
            + "         RCU:          0          0\n";
    }

    @Test
    void should_show_zero_counts_on_6_19() throws Exception {
        assertEquals(HEADER + rows("    IRQ_POLL", "          0          0"), Host.bare("6.19").read("/proc/softirqs"));
    }

    @Test
    void should_name_vector_5_block_iopoll_before_4_5() throws Exception {
        assertEquals(HEADER + rows("BLOCK_IOPOLL", "          0          0"), Host.bare("4.4").read("/proc/softirqs"));
        assertEquals(HEADER + rows("    IRQ_POLL", "          0          0"), Host.bare("4.5").read("/proc/softirqs"));
    }

    @Test
    void should_count_softirq_runs_per_cpu_as_u32() throws Exception {
        Host host = Host.bare("6.19");
        CpuStat cpu1 = host.kernel.cpus().cpu(1);
        cpu1.softirq(Softirq.NET_RX);
        cpu1.softirq(Softirq.NET_RX);
        cpu1.softirq(Softirq.NET_RX);
        host.kernel.cpus().cpu(0).softirqs[Softirq.NET_RX.ordinal()] = -1; // 4294967295
        assertEquals(HEADER + rows("    IRQ_POLL", " 4294967295          3"), host.read("/proc/softirqs"));
    }

    @Test
    void should_size_the_header_and_columns_by_cpu_count() throws Exception {
        Kernel k = new Kernel(new Profile(KernelVersion.parse("6.19")), new HostSpec(3, List.of()));
        String text = new String(k.fs().open("/proc/softirqs", false, Caller.ROOT).read(0, 65536),
            StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        assertEquals("                    CPU0       CPU1       CPU2       ", lines[0]);
        assertEquals("         RCU:          0          0          0", lines[10]);
        assertEquals(11, lines.length);
    }

    @Test
    void should_be_a_0444_proc_file_of_size_0() throws Exception {
        NodeStat st = Host.bare("6.19").fs.stat("/proc/softirqs");
        assertEquals(0444, st.mode());
        assertEquals(0, st.size());
    }
}
