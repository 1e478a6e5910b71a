package io.netmodel.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.NodeStat;
import io.netmodel.bus.NicModel;
import io.netmodel.core.HostSpec;
import io.netmodel.core.Kernel;
import io.netmodel.irq.IrqAction;
import io.netmodel.irq.IrqDesc;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /proc/stat} (fs/proc/stat.c {@code show_stat}): {@code "cpu  "} and {@code cpuN}
 * lines of ten USER_HZ tick counts, {@code intr} with the total and one count per IRQ number
 * up to {@code nr_irqs} (440 on a 2-CPU x86 guest), {@code ctxt}, {@code btime},
 * {@code processes}, {@code procs_running}, {@code procs_blocked}, {@code softirq}.
 */
class ProcStatTest {

    private static String expected(String cpu, String cpu0, String cpu1, String intr, long btime, String softirq) {
        return "cpu  " + cpu + "\n"
            + "cpu0 " + cpu0 + "\n"
            + "cpu1 " + cpu1 + "\n"
            + "intr " + intr + "\n"
            + "ctxt 0\n"
            + "btime " + btime + "\n"
            + "processes 0\n"
            + "procs_running 1\n"
            + "procs_blocked 0\n"
            + "softirq " + softirq + "\n";
    }

    @Test
    void should_show_an_idle_host() throws Exception {
        Host host = Host.bare("6.19");
        String zeros = "0 0 0 0 0 0 0 0 0 0";
        assertEquals(expected(zeros, zeros, zeros, "0" + " 0".repeat(440), host.kernel.cpus().btime(),
            "0 0 0 0 0 0 0 0 0 0 0"), host.read("/proc/stat"));
    }

    @Test
    void should_take_btime_from_the_boot_wall_clock() throws Exception {
        long before = System.currentTimeMillis() / 1000;
        Host host = Host.bare("6.19");
        long after = System.currentTimeMillis() / 1000;
        long btime = host.kernel.cpus().btime();
        assertTrue(before <= btime && btime <= after, btime + " not in [" + before + ", " + after + "]");
        assertTrue(host.read("/proc/stat").contains("\nbtime " + btime + "\n"));
    }

    @Test
    void should_print_cpu_time_in_user_hz_ticks_in_proc_stat_column_order() throws Exception {
        Host host = Host.bare("6.19");
        CpuStat cpu0 = host.kernel.cpus().cpu(0);
        CpuStat cpu1 = host.kernel.cpus().cpu(1);
        cpu0.account(CpuTime.USER, 1_000_000_000L);     // 100 ticks
        cpu0.account(CpuTime.SOFTIRQ, 15_000_000L);     // 1.5 ticks -> 1
        cpu1.account(CpuTime.SOFTIRQ, 15_000_000L);
        cpu1.account(CpuTime.IDLE, 123_456_789_000L);   // 12345 ticks
        cpu1.account(CpuTime.GUEST_NICE, 20_000_000L);
        cpu1.account(CpuTime.IRQ, 30_000_000L);
        assertEquals(expected("100 0 0 12345 0 3 3 0 0 2", "100 0 0 0 0 0 1 0 0 0", "0 0 0 12345 0 3 1 0 0 2",
            "0" + " 0".repeat(440), host.kernel.cpus().btime(), "0 0 0 0 0 0 0 0 0 0 0"), host.read("/proc/stat"));
    }

    @Test
    void should_count_each_irq_in_its_column_and_the_summary_rows_in_the_total() throws Exception {
        TinyDriver driver = TinyDriver.plain();
        Host host = Host.with("6.19", driver);
        IrqDesc irq = ((IrqAction) driver.irq).desc();
        irq.fire(0);
        irq.fire(1);
        irq.fire(1);
        host.kernel.irqs().countArch("LOC", 0);
        host.kernel.irqs().countArch("RES", 1);
        host.kernel.irqs().countArch("TLB", 1); // not in arch_irq_stat_cpu
        host.kernel.irqs().countArch("PIN", 0); // nor are the KVM rows
        String intr = "5" + " 0".repeat(24) + " 3" + " 0".repeat(440 - 25);
        String line = host.read("/proc/stat").split("\n")[3];
        assertEquals("intr " + intr, line);
    }

    @Test
    void should_sum_softirqs_per_vector_and_in_total() throws Exception {
        Host host = Host.bare("6.19");
        host.kernel.cpus().cpu(0).softirq(Softirq.NET_RX);
        host.kernel.cpus().cpu(1).softirq(Softirq.NET_RX);
        host.kernel.cpus().cpu(1).softirq(Softirq.TIMER);
        host.kernel.cpus().cpu(0).softirq(Softirq.RCU);
        host.kernel.cpus().cpu(0).nrSwitches = 40;
        host.kernel.cpus().cpu(1).nrSwitches = 2;
        host.kernel.cpus().totalForks = 7;
        host.kernel.cpus().cpu(1).nrRunning = 2;
        host.kernel.cpus().cpu(0).nrIowait = 1;
        String text = host.read("/proc/stat");
        assertTrue(text.endsWith("\nctxt 42\nbtime " + host.kernel.cpus().btime()
            + "\nprocesses 7\nprocs_running 3\nprocs_blocked 1\nsoftirq 4 0 1 0 2 0 0 0 0 0 1\n"), text);
    }

    @Test
    void should_size_intr_by_nr_irqs_of_the_cpu_count() throws Exception {
        Kernel k = new Kernel(new io.netmodel.kernel.Profile(KernelVersion.parse("6.19")),
            new HostSpec(4, List.of(new HostSpec.Nic(NicModel.VIRTIO_NET, 1))));
        String text = new String(k.fs().open("/proc/stat", false, Caller.ROOT).read(0, 65536),
            StandardCharsets.UTF_8);
        String intr = text.split("\n")[5];
        assertEquals(1 + 456, intr.substring("intr ".length()).split(" ").length, "total + nr_irqs = 424 + 8 * 4");
        assertEquals(256, ProcStat.nrIrqs(1, -1), "capped at NR_VECTORS * nr_cpu_ids");
        assertEquals(440, ProcStat.nrIrqs(2, 24));
        assertEquals(1001, ProcStat.nrIrqs(2, 1000), "grown past the highest allocated IRQ");
    }

    @Test
    void should_be_a_0444_proc_file_of_size_0() throws Exception {
        NodeStat st = Host.bare("6.19").fs.stat("/proc/stat");
        assertEquals(0444, st.mode());
        assertEquals(0, st.size());
    }
}
