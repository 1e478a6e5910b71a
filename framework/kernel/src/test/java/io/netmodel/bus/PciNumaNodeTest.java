package io.netmodel.bus;

import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.kobj.KAttr;
import io.netmodel.testkit.Host;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A PCI function's {@code numa_node} ({@code drivers/pci/pci-sysfs.c}, {@code numa_node_store}). */
class PciNumaNodeTest {
    private static final String FILE = "/sys/devices/pci0000:00/0000:00:03.0/numa_node";
    private static final String OVERRIDE = "pci 0000:00:03.0: [Firmware Bug]: Overriding NUMA node to ";

    @Test
    void a_device_without_firmware_proximity_reads_no_node() throws Exception {
        Host h = Host.bare("6.18");
        assertEquals("-1\n", h.read(FILE));
        assertEquals(0644, h.fs.stat(FILE).mode() & 07777);
        assertEquals("-1\n", h.read("/sys/bus/pci/devices/0000:00:03.0/numa_node"));
    }

    @Test
    void root_overrides_it_with_an_online_node_and_a_firmware_bug_alert() throws Exception {
        Host h = Host.bare("6.18");
        assertEquals(2, h.write(FILE, "0\n"));
        assertEquals("0\n", h.read(FILE));
        assertEquals("3\n", h.read("/sys/devices/pci0000:00/0000:00:03.0/local_cpus"));
        assertTrue(h.kernel.modules().dmesg().stream().anyMatch(l -> l.endsWith(OVERRIDE
            + "0.  Contact your vendor for updates.")), () -> String.join("\n", h.kernel.modules().dmesg()));
        assertEquals(3, h.write(FILE, "-1\n"));
        assertEquals("-1\n", h.read(FILE));
        assertEquals(4, h.write(FILE, "0x0\n"));
        assertEquals("0\n", h.read(FILE));
    }

    @ParameterizedTest(name = "{0} is errno {1}")
    @CsvSource({
        "1\\n,          EINVAL",
        "-2\\n,         EINVAL",
        "1024\\n,       EINVAL",
        "zero\\n,       EINVAL",
        "0 \\n,         EINVAL",
        "\\n,           EINVAL",
        "4294967296\\n, ERANGE",
        "-+1\\n,        EINVAL",
    })
    void a_bad_node_is_refused_and_changes_nothing(String input, String errno) throws Exception {
        Host h = Host.bare("6.18");
        OpenFile f = h.fs.open(FILE, true, Caller.ROOT);
        try {
            assertEquals(Errno.class.getField(errno).getInt(null), errno(() -> f.write(Host.bytes(input), 0)));
        } finally {
            f.release();
        }
        assertEquals("-1\n", h.read(FILE));
        assertTrue(h.kernel.modules().dmesg().stream().noneMatch(l -> l.contains(OVERRIDE)));
    }

    @Test
    void a_caller_other_than_root_gets_eperm_before_parsing() throws Exception {
        Host h = Host.bare("6.18");
        KAttr a = (KAttr) h.kernel.tree().lookupFollow(FILE);
        Caller user = new Caller(1000, 1000, 1);
        assertEquals(Errno.EPERM, errno(() -> a.store("0\n".getBytes(StandardCharsets.UTF_8), user)));
        assertEquals(Errno.EPERM, errno(() -> a.store("junk".getBytes(StandardCharsets.UTF_8), user)));
        assertEquals("-1\n", h.read(FILE));
    }

    @Test
    void before_3_19_the_file_is_read_only() throws Exception {
        Host h = Host.bare("3.18");
        assertEquals("-1\n", h.read(FILE));
        assertEquals(0444, h.fs.stat(FILE).mode() & 07777);
        assertEquals(Errno.EACCES, errno(() -> h.write(FILE, "0\n")));
        assertEquals(0644, Host.bare("3.19").fs.stat(FILE).mode() & 07777);
    }
}
