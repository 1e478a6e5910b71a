package io.netmodel.irq;

import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.NodeKind;
import io.netmodel.api.vfs.NodeStat;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code /proc/irq/} holds and how it reads (kernel-interfaces.md §4.2, kernel/irq/proc.c
 * {@code register_irq_proc}): {@code /proc/irq/N/} while IRQ N has a handler, with the action's
 * own directory, and {@code default_smp_affinity} always. The test driver's IRQ is 24.
 */
class ProcIrqTest {
    private static final String IRQ = "/proc/irq/24/";

    @Test
    void should_hold_only_default_smp_affinity_before_any_irq_is_requested() throws Exception {
        Host host = Host.bare("6.19");
        assertEquals(List.of("default_smp_affinity"), host.fs.list("/proc/irq"));
        assertEquals("3\n", host.read("/proc/irq/default_smp_affinity"));
    }

    @Test
    void should_create_the_files_in_register_irq_proc_order_then_the_action_directory() throws Exception {
        Host host = Host.withEth0();
        assertEquals(List.of("default_smp_affinity", "24"), host.fs.list("/proc/irq"));
        assertEquals(List.of("smp_affinity", "affinity_hint", "smp_affinity_list", "node", "effective_affinity",
            "effective_affinity_list", "spurious", TinyDriver.IRQ_NAME), host.fs.list("/proc/irq/24"));
        assertEquals(List.of(), host.fs.list(IRQ + TinyDriver.IRQ_NAME));
    }

    @ParameterizedTest(name = "stat {0}: {1} {2}")
    @CsvSource({
        "/proc/irq,                              DIRECTORY, 0555",
        "/proc/irq/24,                           DIRECTORY, 0555",
        "/proc/irq/24/tiny0-rx,                  DIRECTORY, 0555",
        "/proc/irq/default_smp_affinity,         FILE,      0644",
        "/proc/irq/24/smp_affinity,              FILE,      0644",
        "/proc/irq/24/smp_affinity_list,         FILE,      0644",
        "/proc/irq/24/affinity_hint,             FILE,      0444",
        "/proc/irq/24/node,                      FILE,      0444",
        "/proc/irq/24/effective_affinity,        FILE,      0444",
        "/proc/irq/24/effective_affinity_list,   FILE,      0444",
        "/proc/irq/24/spurious,                  FILE,      0444",
    })
    void should_use_proc_modes_and_size_0(String path, NodeKind kind, String mode) throws Exception {
        NodeStat st = Host.withEth0().fs.stat(path);
        assertEquals(kind, st.kind());
        assertEquals(Integer.parseInt(mode, 8), st.mode(), "mode of " + path);
        assertEquals(0, st.size());
        assertEquals(0, st.uid());
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "smp_affinity            | 3\\n",
        "smp_affinity_list       | 0-1\\n",
        "effective_affinity      | 1\\n",
        "effective_affinity_list | 0\\n",
        "affinity_hint           | 0\\n",
        "node                    | -1\\n",
        "spurious                | count 0\\nunhandled 0\\nlast_unhandled 0 ms\\n",
    })
    void should_read_like_the_6_18_guest(String name, String expected) throws Exception {
        assertEquals(expected.replace("\\n", "\n"), Host.withEth0().read(IRQ + name));
    }

    @Test
    void should_size_every_mask_by_nr_cpu_ids() throws Exception {
        Host host = Host.with("6.19", 40, TinyDriver.plain());
        assertEquals("ff,ffffffff\n", host.read("/proc/irq/default_smp_affinity"));
        assertEquals("ff,ffffffff\n", host.read(IRQ + "smp_affinity"));
        assertEquals("0-39\n", host.read(IRQ + "smp_affinity_list"));
        assertEquals("00,00000001\n", host.read(IRQ + "effective_affinity"));
        assertEquals("00,00000000\n", host.read(IRQ + "affinity_hint"));
    }

    @Test
    void should_count_interrupts_in_spurious_modulo_100000() throws Exception {
        TinyDriver driver = TinyDriver.plain();
        Host host = Host.with("6.19", driver);
        IrqDesc desc = ((IrqAction) driver.irq).desc();
        desc.fire(0);
        desc.fire(1);
        desc.fire(1);
        assertEquals("count 3\nunhandled 0\nlast_unhandled 0 ms\n", host.read(IRQ + "spurious"));
        for (int i = 3; i < 100_001; i++) {
            desc.fire(0);
        }
        assertEquals("count 1\nunhandled 0\nlast_unhandled 0 ms\n", host.read(IRQ + "spurious"));
    }

    @Test
    void should_remove_the_directory_when_the_irq_is_freed_and_recreate_it() throws Exception {
        TinyDriver driver = TinyDriver.plain();
        Host host = Host.with("6.19", driver);
        host.write(IRQ + "smp_affinity", "2");
        host.kernel.modules().driverGone(driver);
        assertFalse(host.exists("/proc/irq/24"));
        assertEquals(List.of("default_smp_affinity"), host.fs.list("/proc/irq"));

        host.kernel.modules().driverAppeared(TinyDriver.plain());
        assertTrue(host.exists(IRQ + TinyDriver.IRQ_NAME));
        assertEquals("3\n", host.read(IRQ + "smp_affinity"), "a new IRQ starts from default_smp_affinity");
    }

    @ParameterizedTest(name = "{0}: effective_affinity present = {1}")
    @CsvSource({"4.4, false", "4.12, false", "4.13, true", "6.19, true"})
    void should_create_effective_affinity_from_4_13(String version, boolean present) {
        Host host = Host.with(version, TinyDriver.plain());
        assertEquals(present, host.exists(IRQ + "effective_affinity"));
        assertEquals(present, host.exists(IRQ + "effective_affinity_list"));
        assertTrue(host.exists(IRQ + "smp_affinity_list"));
        assertTrue(host.exists(IRQ + "spurious"));
    }

    @ParameterizedTest(name = "write {0}: root EIO at write, others EACCES at open")
    @ValueSource(strings = {"affinity_hint", "node", "effective_affinity", "effective_affinity_list", "spurious"})
    void should_refuse_writes_to_read_only_files(String name) throws Exception {
        // proc_create_single_data files have no proc_write: root passes DAC and pde_write gives EIO
        Host host = Host.withEth0();
        OpenFile f = host.fs.open(IRQ + name, true, Caller.ROOT);
        assertEquals(Errno.EIO, errno(() -> f.write("1\n".getBytes(StandardCharsets.US_ASCII), 0)));
        f.release();
        assertEquals(Errno.EACCES, errno(() -> host.fs.open(IRQ + name, true, new Caller(1000, 1000, 1))));
    }

    @ParameterizedTest(name = "non-root open {0} for write -> EACCES, read \"{1}\"")
    @CsvSource({"/proc/irq/24/smp_affinity, 3", "/proc/irq/24/smp_affinity_list, 0-1",
        "/proc/irq/default_smp_affinity, 3"})
    void should_leave_affinity_writes_to_root(String path, String value) throws Exception {
        Host host = Host.withEth0();
        Caller user = new Caller(1000, 1000, 1);
        assertEquals(Errno.EACCES, errno(() -> host.fs.open(path, true, user)));
        assertEquals(value + "\n", new String(host.fs.open(path, false, user).read(0, 4096), StandardCharsets.US_ASCII));
    }
}
