package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Whole-tree reads and writes through real processes, as {@code grep -r . /sys/class/net/eth0/}
 * and a "write back what you read" script do on a real host: every file reads (or fails with
 * the errno the kernel gives for that file on that device), and every writable file accepts
 * its own value back (or refuses it exactly where the kernel does).
 */
@Timeout(300)
class WholeTreeIT {
    /** Reads a real kernel refuses for these devices: file name → errno text. */
    private static final Map<String, String> READ_REFUSALS = Map.ofEntries(
        Map.entry("lo/speed", "Invalid argument"),            // no get_link_ksettings
        Map.entry("lo/duplex", "Invalid argument"),
        Map.entry("tx-0/xps_cpus", "No such file or directory"), // single-queue device (netif_is_multiqueue false)
        Map.entry("tx-0/traffic_class", "No such file or directory"),
        Map.entry("phys_port_name", "Operation not supported"),  // virtio: ndo_get_phys_port_name without failover
        Map.entry("power/autosuspend_delay_ms", "Input/output error"), // no pm_runtime_use_autosuspend (drivers/base/power/sysfs.c)
        Map.entry("bind", "Permission denied"),                  // 0200: kernfs_fop_open refuses a read, root's too
        Map.entry("unbind", "Permission denied"),
        Map.entry("drivers_probe", "Permission denied"),
        Map.entry("virtio_net/uevent", "Permission denied"),      // a driver's uevent is 0200 (a device's is 0644)
        Map.entry("pci/uevent", "Permission denied"),             // and a bus's
        Map.entry("virtio/uevent", "Permission denied"),
        Map.entry("remove", "Permission denied"),                 // a PCI function's, 0200
        Map.entry("rescan", "Permission denied")                  // the bus's and a function's, 0200
    );
    /** Writes of a file's own value a real kernel refuses: file name → errno text. */
    private static final Map<String, String> WRITE_REFUSALS = Map.of(
        "carrier", "Operation not supported",        // no ndo_change_carrier
        "proto_down", "Operation not supported",     // no proto_down support
        "uevent", "Invalid argument",                // "INTERFACE=..." is not a uevent action
        "lo/threaded", "Operation not supported",    // no NAPI on lo
        "tx_maxrate", "Operation not supported",     // no ndo_set_tx_maxrate
        "tx-0/xps_cpus", "No such file or directory",
        "smt/control", "No such device");             // a host without SMT: __store_smt_control says ENODEV

    @Test
    void every_file_reads_and_every_writable_file_takes_its_own_value() throws Exception {
        try (RunningModel model = RunningModel.up()) {
            Path mnt = model.mount();
            // grep -r . prints "path:content" per line and "grep: path: error" per failure.
            Proc.Result grep = Proc.run(Map.of(), "bash", "-c", "cd " + mnt + " && grep -r . sys proc");
            Map<String, String> readFailures = failures(grep.err(), "grep: ");
            assertEquals(expected(READ_REFUSALS, readFailures), readFailures, grep::toString);
            assertEquals("Invalid argument", readFailures.get("sys/devices/virtual/net/lo/speed"), grep::toString);
            assertTrue(grep.out().contains("sys/devices/pci0000:00/0000:00:03.0/virtio0/net/eth0/mtu:1500\n"), "grep -r output");

            String script = "cd " + mnt + " && find sys proc -type f -perm -u+w | while read -r f; do"
                + " v=$(cat \"$f\" 2>/dev/null) || continue;"
                + " printf '%s\\n' \"$v\" > \"$f\" 2>/dev/null || echo \"$f: $(printf '%s\\n' \"$v\" 2>&1 > \"$f\" | sed 's/.*write error: //')\";"
                + " done";
            Proc.Result writes = Proc.run(Map.of(), "bash", "-c", script);
            Map<String, String> writeFailures = failures(writes.out(), "");
            assertEquals(expected(WRITE_REFUSALS, writeFailures), writeFailures, writes::toString);
            assertEquals("Operation not supported",
                writeFailures.get("sys/devices/pci0000:00/0000:00:03.0/virtio0/net/eth0/carrier"), writes::toString);
            assertTrue(writeFailures.keySet().stream().noneMatch(p -> p.endsWith("/mtu") || p.contains("proc/sys")),
                writes::toString);
        }
    }

    /** "prefix path: error" lines → path → error. */
    private static Map<String, String> failures(String text, String prefix) {
        Map<String, String> m = new TreeMap<>();
        text.lines().filter(l -> l.startsWith(prefix) && l.contains(": ")).forEach(l -> {
            String rest = l.substring(prefix.length());
            int colon = rest.lastIndexOf(": ");
            m.put(rest.substring(0, colon), rest.substring(colon + 2));
        });
        return m;
    }

    /** For each failing path, the refusal its name (or dir/name) calls for, if any. */
    private static Map<String, String> expected(Map<String, String> refusals, Map<String, String> failures) {
        Map<String, String> m = new TreeMap<>();
        for (String path : failures.keySet()) {
            String[] parts = path.split("/");
            String name = parts[parts.length - 1];
            String dirName = parts.length > 1 ? parts[parts.length - 2] + "/" + name : name;
            String why = refusals.getOrDefault(dirName, refusals.get(name));
            if (why != null) {
                m.put(path, why);
            }
        }
        return m;
    }
}
