package io.netmodel.cpu;

import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.vfs.Errno;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code /sys/devices/system/cpu} and {@code /sys/devices/system/node}: one consistent view of the
 * host's CPUs, as a 6.18 guest with 2 vCPUs and no NUMA topology shows it.
 */
class CpuNodeSysfsTest {
    private static final String CPU = "/sys/devices/system/cpu";
    private static final String NODE = "/sys/devices/system/node";

    @Test
    void the_default_host_reads_like_the_reference_guest() throws Exception {
        Host h = Host.bare("6.18");
        for (String f : List.of("online", "possible", "present")) {
            assertEquals("0-1\n", h.read(CPU + "/" + f), f);
            assertEquals(0444, h.fs.stat(CPU + "/" + f).mode() & 07777, f);
        }
        assertEquals("\n", h.read(CPU + "/offline"));
        assertEquals("\n", h.read(CPU + "/isolated"));
        assertEquals("255\n", h.read(CPU + "/kernel_max"));
        for (String f : List.of("online", "possible", "has_cpu", "has_memory", "has_normal_memory")) {
            assertEquals("0\n", h.read(NODE + "/" + f), f);
        }
        assertEquals("\n", h.read(NODE + "/has_generic_initiator"));
        assertEquals("0-1\n", h.read(NODE + "/node0/cpulist"));
        assertEquals("3\n", h.read(NODE + "/node0/cpumap"));
        assertEquals("10\n", h.read(NODE + "/node0/distance"));
    }

    @Test
    void cpus_and_their_node_link_to_each_other() throws Exception {
        Host h = Host.bare("6.18");
        assertEquals("../../node/node0", h.fs.readlink(CPU + "/cpu1/node0"));
        assertEquals("../../cpu/cpu1", h.fs.readlink(NODE + "/node0/cpu1"));
        assertEquals("../../../../bus/cpu", h.fs.readlink(CPU + "/cpu1/subsystem"));
        assertEquals("../../../devices/system/cpu/cpu1", h.fs.readlink("/sys/bus/cpu/devices/cpu1"));
        assertEquals("../../../../bus/node", h.fs.readlink(NODE + "/node0/subsystem"));
        assertEquals("../../../devices/system/node/node0", h.fs.readlink("/sys/bus/node/devices/node0"));
        assertEquals(List.of("cpu0", "cpu1"), h.fs.list(NODE + "/node0").stream()
            .filter(n -> n.matches("cpu\\d+")).sorted().toList());
        assertTrue(h.exists(CPU + "/cpu0"));
        assertFalse(h.exists(CPU + "/cpu2"));
        assertFalse(h.exists(CPU + "/cpu0/online"), "x86: CPU 0 cannot go down");
        assertEquals(0644, h.fs.stat(CPU + "/cpu1/online").mode() & 07777);
    }

    @ParameterizedTest(name = "{0} CPUs: {1} / {2}")
    @CsvSource({
        "1,  0,    1",
        "8,  0-7,  ff",
        "40, 0-39, 'ff,ffffffff'",
    })
    void every_mask_follows_the_cpu_count(int cpus, String list, String map) throws Exception {
        Host h = Host.with("6.19", cpus, TinyDriver.plain());
        assertEquals(list + "\n", h.read(CPU + "/online"));
        assertEquals(list + "\n", h.read(CPU + "/possible"));
        assertEquals(list + "\n", h.read(NODE + "/node0/cpulist"));
        assertEquals(map + "\n", h.read(NODE + "/node0/cpumap"));
        assertTrue(h.exists(CPU + "/cpu" + (cpus - 1) + "/node0"));
        assertFalse(h.exists(CPU + "/cpu" + cpus));
    }

    @Test
    void the_masks_are_read_only() {
        Host h = Host.bare("6.18");
        assertEquals(Errno.EACCES, errno(() -> h.write(CPU + "/online", "0\n")));
        assertEquals(Errno.EACCES, errno(() -> h.write(NODE + "/node0/cpulist", "0\n")));
        assertEquals(Errno.EACCES, errno(() -> h.write(CPU + "/kernel_max", "7\n")));
    }

    @Test
    void files_come_with_their_releases() throws Exception {
        Host v41 = Host.bare("4.1");
        assertFalse(v41.exists(CPU + "/isolated"));
        assertTrue(Host.bare("4.2").exists(CPU + "/isolated"));
        assertFalse(Host.bare("5.9").exists(NODE + "/has_generic_initiator"));
        assertTrue(Host.bare("5.10").exists(NODE + "/has_generic_initiator"));
    }

    /** Each CPU's topology as on the reference 6.18 guest's vCPUs (one package, a core each, no siblings). */
    @Test
    void each_cpu_is_a_core_of_one_package() throws Exception {
        Host h = Host.bare("6.18");
        String t = CPU + "/cpu1/topology/";
        java.util.Map<String, String> expected = new java.util.TreeMap<>(java.util.Map.ofEntries(
            java.util.Map.entry("cluster_cpus", "2"), java.util.Map.entry("cluster_cpus_list", "1"),
            java.util.Map.entry("cluster_id", "65535"), java.util.Map.entry("core_cpus", "2"),
            java.util.Map.entry("core_cpus_list", "1"), java.util.Map.entry("core_id", "1"),
            java.util.Map.entry("core_siblings", "3"), java.util.Map.entry("core_siblings_list", "0-1"),
            java.util.Map.entry("die_cpus", "3"), java.util.Map.entry("die_cpus_list", "0-1"),
            java.util.Map.entry("die_id", "0"), java.util.Map.entry("package_cpus", "3"),
            java.util.Map.entry("package_cpus_list", "0-1"), java.util.Map.entry("physical_package_id", "0"),
            java.util.Map.entry("thread_siblings", "2"), java.util.Map.entry("thread_siblings_list", "1")));
        assertEquals(expected.keySet(), new java.util.TreeSet<>(h.fs.list(t)));
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue() + "\n", h.read(t + e.getKey()), e.getKey());
        }
        Host v52 = Host.bare("5.2");
        assertEquals(List.of("core_id", "core_siblings", "core_siblings_list", "physical_package_id", "thread_siblings",
            "thread_siblings_list"), v52.fs.list(t).stream().sorted().toList());
        assertFalse(Host.bare("5.15").exists(t + "cluster_id"));
        assertTrue(Host.bare("5.16").exists(t + "cluster_id"));
    }
}
