package io.netmodel.workqueue;

import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.api.vfs.Errno;
import io.netmodel.core.HostSpec;
import io.netmodel.core.Kernel;
import io.netmodel.kernel.Profile;
import io.netmodel.testkit.Host;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code /sys/devices/virtual/workqueue}: layout as a 6.18 host shows it, and the masks parsed
 * by {@code cpumask_parse} (hex groups, not a CPU list) with the errno a real host gives.
 */
class WorkqueuesTest {
    private static final String WQ = "/sys/devices/virtual/workqueue";

    @Test
    void a_6_19_host_lists_the_root_files_and_two_sysfs_workqueues() throws Exception {
        Host host = Host.bare("6.19");
        assertEquals(List.of("cpumask", "cpumask_isolated", "cpumask_requested", "power", "uevent",
            "blkcg_punt_bio", "writeback"), host.fs.list(WQ));
        assertEquals(List.of("affinity_scope", "affinity_strict", "cpumask", "max_active", "nice", "per_cpu",
            "power", "uevent"), host.fs.list(WQ + "/writeback"));
        assertEquals(0444, host.fs.stat(WQ + "/writeback/per_cpu").mode());
        assertEquals(0644, host.fs.stat(WQ + "/writeback/cpumask").mode());
        assertEquals(0444, host.fs.stat(WQ + "/cpumask_requested").mode());
        assertEquals("3\n", host.read(WQ + "/writeback/cpumask"));
        assertEquals("default (cache)\n", host.read(WQ + "/writeback/affinity_scope"));
        assertEquals("1024\n", host.read(WQ + "/writeback/max_active"));
        assertEquals("0\n", host.read(WQ + "/cpumask_isolated"));
        assertEquals("", host.read(WQ + "/writeback/uevent"));
    }

    @Test
    void a_4_4_host_has_only_writeback_and_no_affinity_scope() throws Exception {
        Host host = Host.bare("4.4");
        assertEquals(List.of("cpumask", "power", "uevent", "writeback"), host.fs.list(WQ));
        assertFalse(host.exists(WQ + "/writeback/affinity_scope"));
        assertTrue(host.exists(WQ + "/writeback/cpumask"));
    }

    @ParameterizedTest(name = "{0} on 8 CPUs: {1}")
    @CsvSource({
        "'1,2,3,4,5,6\\n', EOVERFLOW",   // six 32-bit groups into an 8-bit mask: seed 001's write
        "7e\\n,            7e",
        "'0000007e\\n',    7e",
        "'0,7e\\n',        EOVERFLOW",    // a second group is too many for nr_cpu_ids 8
        "100\\n,           EOVERFLOW",    // bit 8 is at the width
        "1-6\\n,           EINVAL",       // a list is not a mask
        "zz\\n,            EINVAL",
        "0\\n,             00",           // empty: accepted, reads back as an empty mask
        "\\n,             00",
    })
    void a_workqueue_cpumask_is_a_hex_mask(String input, String expect) throws Exception {
        Kernel k = new Kernel(new Profile(KernelVersion.parse("6.19")), new HostSpec(8, List.of()));
        String path = WQ + "/writeback/cpumask";
        byte[] data = Host.bytes(input);
        var f = k.fs().open(path, true, io.netmodel.api.vfs.Caller.ROOT);
        try {
            if (expect.startsWith("E")) {
                assertEquals(Host.errnoNamed(expect), errno(() -> f.write(data, 0)));
                expect = "ff";
            } else {
                assertEquals(data.length, f.write(data, 0));
            }
        } finally {
            f.release();
        }
        var r = k.fs().open(path, false, io.netmodel.api.vfs.Caller.ROOT);
        try {
            assertEquals(expect + "\n", new String(r.read(0, 4096), java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            r.release();
        }
    }

    @Test
    void the_global_mask_refuses_an_empty_mask_and_sets_requested() throws Exception {
        Host host = Host.bare("6.19");
        assertEquals(Errno.EINVAL, errno(() -> host.write(WQ + "/cpumask", "0\n")));
        assertEquals("3\n", host.read(WQ + "/cpumask"));
        host.write(WQ + "/cpumask", "2\n");
        assertEquals("2\n", host.read(WQ + "/cpumask"));
        assertEquals("2\n", host.read(WQ + "/cpumask_requested"));
        assertEquals("3\n", host.read(WQ + "/writeback/cpumask")); // per-workqueue masks keep their own
    }

    @Test
    void max_active_nice_scope_and_strict_parse_like_the_kernel() throws Exception {
        Host host = Host.bare("6.19");
        String w = WQ + "/writeback/";
        host.write(w + "max_active", "3000\n");
        assertEquals("2048\n", host.read(w + "max_active"));
        assertEquals(Errno.EINVAL, errno(() -> host.write(w + "max_active", "0\n")));
        host.write(w + "nice", "-20\n");
        assertEquals("-20\n", host.read(w + "nice"));
        assertEquals(Errno.EINVAL, errno(() -> host.write(w + "nice", "20\n")));
        host.write(w + "affinity_scope", "NUMA\n");
        assertEquals("numa\n", host.read(w + "affinity_scope"));
        host.write(w + "affinity_scope", "default\n");
        assertEquals("default (cache)\n", host.read(w + "affinity_scope"));
        assertEquals(Errno.EINVAL, errno(() -> host.write(w + "affinity_scope", "abc\n")));
        host.write(w + "affinity_strict", "7\n");
        assertEquals("1\n", host.read(w + "affinity_strict"));
        assertEquals(Errno.EINVAL, errno(() -> host.write(w + "affinity_strict", "x\n")));
    }
}
