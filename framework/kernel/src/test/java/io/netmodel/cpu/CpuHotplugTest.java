package io.netmodel.cpu;

import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CPU hotplug through {@code cpuN/online}. The expected files are what the reference 6.18 guest
 * (2 vCPUs) showed with its CPU 1 taken down by {@code echo 0 > cpu1/online}: the masks, the
 * missing {@code topology/}, the node's and the other CPU's masks, one column of
 * {@code /proc/interrupts}, one {@code cpuN} line of {@code /proc/stat}, one row of
 * {@code softnet_stat}, both columns of {@code /proc/softirqs}, and the two {@code smpboot} lines.
 */
class CpuHotplugTest {
    private static final String CPU = "/sys/devices/system/cpu";

    @Test
    void taking_cpu1_down_reads_like_the_reference_guest() throws Exception {
        Host h = Host.with("6.18", 2, TinyDriver.plain());
        assertEquals("1\n", h.read(CPU + "/cpu1/online"));
        assertEquals(2, h.write(CPU + "/cpu1/online", "0\n"));

        assertEquals("0\n", h.read(CPU + "/cpu1/online"));
        assertEquals("0\n", h.read(CPU + "/online"));
        assertEquals("1\n", h.read(CPU + "/offline"));
        assertEquals("0-1\n", h.read(CPU + "/possible"));
        assertEquals("0-1\n", h.read(CPU + "/present"));
        assertEquals(List.of("node0", "online", "subsystem"), h.fs.list(CPU + "/cpu1").stream().sorted().toList());
        assertFalse(h.exists(CPU + "/cpu1/topology"));
        assertEquals("0\n", h.read(CPU + "/cpu0/topology/core_siblings_list"));
        assertEquals("1\n", h.read(CPU + "/cpu0/topology/package_cpus"));
        assertEquals("0\n", h.read("/sys/devices/system/node/node0/cpulist"));
        assertEquals("1\n", h.read("/sys/devices/system/node/node0/cpumap"));
        assertEquals("0\n", h.read("/sys/devices/system/node/has_cpu"));
        assertTrue(h.exists("/sys/devices/system/node/node0/cpu1"), "the node keeps its link");

        String interrupts = h.read("/proc/interrupts");
        assertTrue(interrupts.startsWith("           CPU0       \n"), interrupts);
        assertEquals("                    CPU0       CPU1       ", h.read("/proc/softirqs").lines().findFirst().get());
        List<String> cpuLines = h.read("/proc/stat").lines().filter(l -> l.startsWith("cpu")).toList();
        assertEquals(2, cpuLines.size(), "cpu and cpu0");
        assertTrue(cpuLines.get(1).startsWith("cpu0 "));
        assertEquals(1, h.read("/proc/net/softnet_stat").lines().count());
        assertTrue(h.kernel.modules().dmesg().get(h.kernel.modules().dmesg().size() - 1)
            .endsWith("] smpboot: CPU 1 is now offline"));

        assertEquals(3, h.write(CPU + "/cpu1/online", "on\n"));
        assertEquals("0-1\n", h.read(CPU + "/online"));
        assertEquals("\n", h.read(CPU + "/offline"));
        assertTrue(h.exists(CPU + "/cpu1/topology/core_id"));
        assertEquals("0-1\n", h.read(CPU + "/cpu0/topology/core_siblings_list"));
        assertTrue(h.read("/proc/interrupts").startsWith("           CPU0       CPU1       \n"));
        assertTrue(h.kernel.modules().dmesg().get(h.kernel.modules().dmesg().size() - 1)
            .endsWith("] smpboot: Booting Node 0 Processor 1 APIC 0x1"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"2\n", "xyz\n", "\n", "o\n"})
    void a_write_that_is_no_boolean_is_einval_and_changes_nothing(String text) throws Exception {
        Host h = Host.bare("6.18");
        assertEquals(Errno.EINVAL, errno(() -> h.write(CPU + "/cpu1/online", text)));
        assertEquals("0-1\n", h.read(CPU + "/online"));
    }

    @Test
    void kstrtobool_words_and_repeats_are_taken() throws Exception {
        Host h = Host.bare("6.18");
        int lines = h.kernel.modules().dmesg().size();
        h.write(CPU + "/cpu1/online", "off\n");
        h.write(CPU + "/cpu1/online", "n\n"); // already down: device_offline returns 1, the store the count
        assertEquals("0\n", h.read(CPU + "/cpu1/online"));
        h.write(CPU + "/cpu1/online", "Y\n");
        h.write(CPU + "/cpu1/online", "1\n");
        assertEquals("1\n", h.read(CPU + "/cpu1/online"));
        assertEquals(lines + 2, h.kernel.modules().dmesg().size(), "one line per change, none for a repeat");
    }

    @Test
    void only_root_may_write_and_cpu0_cannot_go() throws Exception {
        Host h = Host.bare("6.18");
        assertEquals(Errno.EACCES, errno(() -> {
            OpenFile f = h.fs.open(CPU + "/cpu1/online", true, new Caller(1000, 1000, 1));
            f.write("0\n".getBytes(StandardCharsets.US_ASCII), 0);
        }));
        assertEquals("0-1\n", h.read(CPU + "/online"));
        assertFalse(h.exists(CPU + "/cpu0/online"));
        CpuHotplug hp = h.kernel.hotplug();
        hp.down(1);
        assertEquals(Errno.EBUSY, errno(() -> hp.down(0)), "the last online CPU stays");
    }

    @Test
    void an_irq_on_the_cpu_moves_within_its_affinity_and_stays_when_the_cpu_returns() throws Exception {
        Host h = Host.with("6.19", 4, TinyDriver.plain());
        String irq = "/proc/irq/24/";
        h.write(irq + "smp_affinity_list", "1-2\n");
        assertEquals("1\n", h.read(irq + "effective_affinity_list"));
        h.write(CPU + "/cpu1/online", "0\n");
        assertEquals("1-2\n", h.read(irq + "smp_affinity_list"), "migrate_one_irq keeps an affinity with an online CPU");
        assertEquals("2\n", h.read(irq + "effective_affinity_list"));
        h.write(CPU + "/cpu1/online", "1\n");
        assertEquals("2\n", h.read(irq + "effective_affinity_list"), "a non-managed IRQ does not move back");
    }

    @Test
    void an_irq_whose_affinity_has_no_cpu_left_breaks_it_to_the_online_cpus() throws Exception {
        Host h = Host.with("6.19", 4, TinyDriver.plain());
        String irq = "/proc/irq/24/";
        h.write(irq + "smp_affinity_list", "3\n");
        h.write(CPU + "/cpu3/online", "0\n");
        assertEquals("0-2\n", h.read(irq + "smp_affinity_list"));
        assertEquals("0\n", h.read(irq + "effective_affinity_list"));
        assertEquals(Errno.EINVAL, errno(() -> h.write(irq + "smp_affinity_list", "3\n")), "no online CPU in the mask");
        assertEquals("0-2\n", h.read(irq + "smp_affinity_list"));
        assertEquals("0-2\n", h.read("/sys/bus/pci/devices/" + h.fs.list("/sys/bus/pci/devices").get(0) + "/local_cpulist"));
    }

    @Test
    void tasks_leave_the_cpu_and_its_own_kthreads_park_there() throws Exception {
        Host h = Host.with("6.19", 4, TinyDriver.plain());
        var tasks = h.kernel.tasks();
        var ksoftirqd = tasks.ksoftirqd(2);
        var pinned = tasks.userThread("reader", cpus(2), 2);
        var spread = tasks.userThread("spread", cpus(1, 2), 2);
        h.write(CPU + "/cpu2/online", "0\n");
        assertEquals(2, ksoftirqd.cpu(), "ksoftirqd/2 parks on its CPU");
        assertEquals(1, spread.cpu());
        assertEquals(cpus(1, 2), spread.cpusAllowed());
        assertEquals(0, pinned.cpu());
        assertEquals(cpus(0, 1, 2, 3), pinned.cpusAllowed(), "cpuset_cpus_allowed_fallback: every possible CPU");
        assertTrue(h.kernel.modules().dmesg().stream()
            .anyMatch(l -> l.endsWith("] process " + pinned.pid() + " (reader) no longer affine to cpu2")));
        assertEquals(Errno.EINVAL, errno(() -> {
            try {
                tasks.setAffinity(spread.pid(), cpus(2));
            } catch (io.netmodel.api.sched.SchedException e) {
                throw new VfsException(e.errno());
            }
        }), "sched_setaffinity needs an online CPU");
    }

    private static BitSet cpus(int... ids) {
        BitSet b = new BitSet();
        for (int id : ids) {
            b.set(id);
        }
        return b;
    }
}
